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
    string? Uploader);

/// <summary>The JSON form of a <see cref="Receipt"/> on the receipts queue (<see cref="PmgJson.Messages"/>).</summary>
public static class ReceiptJson
{
    /// <summary>Serializes a receipt.</summary>
    public static string Serialize(Receipt receipt) => JsonSerializer.Serialize(receipt, PmgJson.Messages.Receipt);

    /// <summary>Reads a receipt; null when the text is not one.</summary>
    public static Receipt? Deserialize(string json) => PmgJson.TryDeserialize(json, PmgJson.Messages.Receipt);
}
