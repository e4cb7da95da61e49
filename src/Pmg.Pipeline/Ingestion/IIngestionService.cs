namespace Pmg.Pipeline.Ingestion;

/// <summary>Ingests uploaded form blobs: parses the path, reads and scores the form, records the outcome and queues a receipt.</summary>
public interface IIngestionService
{
    /// <summary>
    /// Ingests one blob version. Expected outcomes (refusals, duplicates) are values; only storage failures and
    /// cancellation throw, so the trigger retries and the deterministic id keeps retries from duplicating anything.
    /// </summary>
    Task<IngestionOutcome> IngestAsync(IncomingBlob blob, CancellationToken cancellationToken = default);

    /// <summary>Records a blob that kept failing (poison message) as a visible Failed submission, and queues its receipt.</summary>
    Task<IngestionOutcome> RecordFailureAsync(string blobName, string version, string reason, CancellationToken cancellationToken = default);
}
