using System.Text.Json;
using System.Text.Json.Serialization;
using Pmg.Pipeline.Json;

namespace Pmg.Pipeline.Messages;

/// <summary>
/// One e-mail of activities at risk for one recipient address and recalculation run, queued as camelCase JSON on the
/// <c>alerts</c> queue. The recalculation resolves the address book before queuing, so everything one person is told
/// in a run (the units they answer for, the region they direct, every region for the coordinator) is one message.
/// </summary>
/// <param name="DigestId">Deterministic id: hash of service|year|recipient|Chile date|items and summaries.</param>
/// <param name="Service">Service code as in the blob path ("SERNAM").</param>
/// <param name="Year">Form year.</param>
/// <param name="Recipient">Who receives it: role, display name and addresses.</param>
/// <param name="Regions">What the recipient is told about each region, in catalogue order (north to south).</param>
/// <param name="ClosingDate">The closing date of the year's forms (a date in Chile).</param>
/// <param name="CreatedAt">When the digest was built.</param>
public sealed record AlertDigestMessage(
    string DigestId,
    string Service,
    int Year,
    AlertRecipient Recipient,
    IReadOnlyList<AlertRegionDigest> Regions,
    DateOnly ClosingDate,
    DateTimeOffset CreatedAt)
{
    /// <summary>Every detailed item, all regions.</summary>
    [JsonIgnore]
    public IEnumerable<AlertItem> AllItems => Regions.SelectMany(r => r.Items);
}

/// <summary>What a digest says about one region.</summary>
/// <param name="Region">The region.</param>
/// <param name="Scores">The region's current score per programme.</param>
/// <param name="Items">The activities at risk told in detail to this recipient (its units', or units without a contact).</param>
/// <param name="Units">
/// The region's summary for a director or the coordinator: every unit with activities at risk, how many, and whether
/// the address book reaches it; empty in a unit's digest.
/// </param>
public sealed record AlertRegionDigest(AlertRegion Region, IReadOnlyList<AlertScore> Scores, IReadOnlyList<AlertItem> Items, IReadOnlyList<AlertUnitSummary> Units)
{
    /// <summary>The units of <see cref="Units"/> the address book does not know.</summary>
    [JsonIgnore]
    public IEnumerable<string> UnknownUnits => Units.Where(u => !u.HasContact).Select(u => u.Unit);
}

/// <summary>A region in a digest.</summary>
/// <param name="Code">ISO 3166-2 code ("CL-VS").</param>
/// <param name="Name">Spanish name ("Valparaíso").</param>
public sealed record AlertRegion(string Code, string Name);

/// <summary>The recipient of a digest: one address.</summary>
/// <param name="Role">The widest role the address holds in this digest: "coordinador", "director" or "unidad" (see <see cref="AlertRoles"/>).</param>
/// <param name="Name">Who that is, in Spanish ("Encargada regional de VIF", "Dirección Regional de Valparaíso").</param>
/// <param name="Emails">The address(es) it goes to; empty when the address book has nobody (recorded as failed).</param>
public sealed record AlertRecipient(string Role, string Name, IReadOnlyList<string> Emails);

/// <summary>A unit in a region's summary.</summary>
/// <param name="Unit">Unidad responsable as the form writes it (its first spelling).</param>
/// <param name="Activities">Its activities at risk (all current ones, not only those due a reminder).</param>
/// <param name="HasContact">Whether the address book has the unit (else its alerts go to the regional director).</param>
public sealed record AlertUnitSummary(string Unit, int Activities, bool HasContact);

/// <summary>One activity at risk.</summary>
/// <param name="Section">"III.1", "III.2" or "III.3".</param>
/// <param name="Objective">The objective's text.</param>
/// <param name="Activity">The activity's text.</param>
/// <param name="Unit">Unidad responsable as written.</param>
/// <param name="Reason">Machine reason (see <see cref="AlertReasons"/>).</param>
/// <param name="ReasonText">The reason as a Spanish sentence.</param>
/// <param name="Quote">Words quoted from the progress text, or null.</param>
/// <param name="Action">What to do, in Spanish.</param>
public sealed record AlertItem(string Section, string Objective, string Activity, string Unit, string Reason, string ReasonText, string? Quote, string Action);

/// <summary>A programme's score in a digest.</summary>
/// <param name="Section">"III.1", "III.2" or "III.3".</param>
/// <param name="Performance">Performance rounded to two decimals, null when it cannot be computed.</param>
/// <param name="Status">"CUMPLE", "NO CUMPLE", "PENDIENTE" or "INVALIDO".</param>
public sealed record AlertScore(string Section, decimal? Performance, string Status);

/// <summary>The JSON form of an <see cref="AlertDigestMessage"/> on the alerts queue (<see cref="PmgJson.Messages"/>).</summary>
public static class AlertDigestJson
{
    /// <summary>Serializes a digest.</summary>
    public static string Serialize(AlertDigestMessage message) => JsonSerializer.Serialize(message, PmgJson.Messages.AlertDigestMessage);

    /// <summary>Reads a digest; null when the text is not one.</summary>
    public static AlertDigestMessage? Deserialize(string json) => PmgJson.TryDeserialize(json, PmgJson.Messages.AlertDigestMessage);
}
