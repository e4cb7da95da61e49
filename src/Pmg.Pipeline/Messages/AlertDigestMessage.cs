using System.Text.Json;
using Pmg.Pipeline.Json;

namespace Pmg.Pipeline.Messages;

/// <summary>One digest of activities at risk for one recipient, queued as camelCase JSON on the <c>alerts</c> queue.</summary>
/// <param name="DigestId">Deterministic id: hash of service|year|region|recipient|sorted item keys and reasons.</param>
/// <param name="Service">Service code as in the blob path ("SERNAM").</param>
/// <param name="Year">Form year.</param>
/// <param name="Region">The region the digest is about.</param>
/// <param name="Recipient">Who receives it.</param>
/// <param name="Items">The activities at risk (new or due for a reminder).</param>
/// <param name="Scores">The region's current score per programme.</param>
/// <param name="UnknownUnits">Units of the region's items (coordinator digest only; empty otherwise).</param>
/// <param name="CreatedAt">When the digest was built.</param>
public sealed record AlertDigestMessage(
    string DigestId,
    string Service,
    int Year,
    AlertRegion Region,
    AlertRecipient Recipient,
    IReadOnlyList<AlertItem> Items,
    IReadOnlyList<AlertScore> Scores,
    IReadOnlyList<string> UnknownUnits,
    DateTimeOffset CreatedAt);

/// <summary>A region in a digest.</summary>
/// <param name="Code">ISO 3166-2 code ("CL-VS").</param>
/// <param name="Name">Spanish name ("Valparaíso").</param>
public sealed record AlertRegion(string Code, string Name);

/// <summary>The recipient of a digest.</summary>
/// <param name="Role">"unidad", "director" or "coordinador" (see <see cref="AlertRoles"/>).</param>
/// <param name="Unit">The responsible unit as written in the form; null for director and coordinador.</param>
public sealed record AlertRecipient(string Role, string? Unit);

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
