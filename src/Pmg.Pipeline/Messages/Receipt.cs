using System.Text.Json;
using Pmg.Pipeline.Json;

namespace Pmg.Pipeline.Messages;

/// <summary>The receipt queued for every outcome (JSON on the <c>receipts</c> queue).</summary>
/// <param name="SubmissionId">Submission id.</param>
/// <param name="BlobName">Blob name.</param>
/// <param name="Service">Service, when parsed.</param>
/// <param name="Year">Year, when parsed.</param>
/// <param name="Region">Region ISO code, when resolved.</param>
/// <param name="Outcome">"accepted", "refused" or "failed".</param>
/// <param name="Warnings">Number of warnings.</param>
/// <param name="Reasons">Refusal/failure/error reasons in Spanish.</param>
/// <param name="Uploader">Blob metadata <c>uploader</c>, if present.</param>
public sealed record Receipt(
    string SubmissionId,
    string BlobName,
    string? Service,
    int? Year,
    string? Region,
    string Outcome,
    int Warnings,
    IReadOnlyList<string> Reasons,
    string? Uploader)
{
    /// <summary>How many observations a receipt carries; the rest are counted in <see cref="ObservationCount"/>.</summary>
    public const int MaxObservations = 20;

    /// <summary>Accepted forms: each programme's performance, status and why.</summary>
    public IReadOnlyList<ReceiptProgram> Programs { get; init; } = [];

    /// <summary>The first <see cref="MaxObservations"/> diagnostics, errors first, each with its location.</summary>
    public IReadOnlyList<ReceiptObservation> Observations { get; init; } = [];

    /// <summary>How many diagnostics the form has in all (errors, warnings and notices).</summary>
    public int ObservationCount { get; init; }

    /// <summary>How many of them are errors (an accepted form with errors has a programme INVALIDO or a cell not read).</summary>
    public int Errors { get; init; }
}

/// <summary>A programme's result in a receipt.</summary>
/// <param name="Section">"III.1", "III.2" or "III.3".</param>
/// <param name="Performance">Performance rounded to two decimals; null when INVALIDO.</param>
/// <param name="Status">"CUMPLE", "NO CUMPLE", "PENDIENTE" or "INVALIDO".</param>
/// <param name="Why">Why that status, in Spanish ("las ponderaciones suman 7,35; deben sumar 100").</param>
public sealed record ReceiptProgram(string Section, decimal? Performance, string Status, string Why);

/// <summary>One observation in a receipt.</summary>
/// <param name="Severity">"error", "advertencia" or "aviso".</param>
/// <param name="Message">The Spanish message.</param>
/// <param name="Location">Where it points ("III.1, fila 4, Ponderación (%)"); null for the whole file.</param>
public sealed record ReceiptObservation(string Severity, string Message, string? Location);

/// <summary>The JSON form of a <see cref="Receipt"/> on the receipts queue (<see cref="PmgJson.Messages"/>).</summary>
public static class ReceiptJson
{
    /// <summary>Serializes a receipt.</summary>
    public static string Serialize(Receipt receipt) => JsonSerializer.Serialize(receipt, PmgJson.Messages.Receipt);

    /// <summary>Reads a receipt; null when the text is not one.</summary>
    public static Receipt? Deserialize(string json) => PmgJson.TryDeserialize(json, PmgJson.Messages.Receipt);
}
