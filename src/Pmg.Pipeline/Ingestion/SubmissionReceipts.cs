using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Ingestion;

/// <summary>The receipt of a recorded upload: what ingestion queues, and what <c>pmg retry</c> rebuilds for a failed receipt.</summary>
public static class SubmissionReceipts
{
    /// <summary>The receipt of <paramref name="record"/>.</summary>
    public static Receipt From(SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.Id,
            record.BlobName,
            record.Service,
            record.Year,
            record.RegionCode,
            OutcomeName(record.Outcome),
            record.WarningCount,
            record.Reasons,
            record.Uploader)
        {
            Programs = Notifications.ProgramVerdicts.Programs(record.Programs, record.Diagnostics),
            Observations = Notifications.ProgramVerdicts.Observations(record.Diagnostics),
            ObservationCount = record.Diagnostics.Count,
            Errors = record.ErrorCount,
        };
    }

    /// <summary>"accepted", "refused", "failed" or "duplicate": the receipt's and the blob tag's word for an outcome.</summary>
    public static string OutcomeName(IngestionStatus status) => status switch
    {
        IngestionStatus.Accepted => "accepted",
        IngestionStatus.Refused => "refused",
        IngestionStatus.Failed => "failed",
        _ => "duplicate",
    };
}
