namespace Pmg.Pipeline.Ingestion;

/// <summary>The ledger of every upload (one row per blob version), which also detects duplicate deliveries.</summary>
public interface ISubmissionLedger
{
    /// <summary>Adds the record; returns null when added, or the record already stored under the same id (a duplicate delivery).</summary>
    Task<SubmissionRecord?> TryAddAsync(SubmissionRecord record, CancellationToken cancellationToken = default);

    /// <summary>Marks a record as fully processed (rows written, pointer switched, receipt queued).</summary>
    Task MarkCompletedAsync(SubmissionRecord record, CancellationToken cancellationToken = default);

    /// <summary>Finds a record by its partition (<see cref="SubmissionRecord.Partition"/>) and id.</summary>
    Task<SubmissionRecord?> FindAsync(string partition, string submissionId, CancellationToken cancellationToken = default);

    /// <summary>Writes (or overwrites) the record as given and marks it completed; used for Failed records.</summary>
    Task ReplaceAsync(SubmissionRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a completed Failed record with the record of the same blob version processed again (<c>pmg retry</c>),
    /// not yet completed: the failure's rows are removed so the upload is listed once.
    /// </summary>
    Task ReplaceFailedAsync(SubmissionRecord failed, SubmissionRecord retried, CancellationToken cancellationToken = default);

    /// <summary>Refused and failed uploads, newest first (null filters mean all; the service as configured).</summary>
    Task<IReadOnlyList<SubmissionRecord>> ListProblemsAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);

    /// <summary>Every upload of a service and year, whatever its outcome, newest first (the portal's history of a region).</summary>
    Task<IReadOnlyList<SubmissionRecord>> ListAsync(string service, int year, CancellationToken cancellationToken = default);
}
