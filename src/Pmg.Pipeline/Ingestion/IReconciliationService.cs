namespace Pmg.Pipeline.Ingestion;

/// <summary>A blob in the forms container with no completed submission record: the trigger missed it, or it is still running.</summary>
/// <param name="Blob">The blob as listed.</param>
/// <param name="Service">The service its path names, when the path parses that far.</param>
/// <param name="Year">The year its path names, when readable.</param>
/// <param name="RegionCode">The region its path names, when it resolves.</param>
public sealed record UnprocessedForm(StoredForm Blob, string? Service, int? Year, string? RegionCode);

/// <summary>What one sweep did.</summary>
/// <param name="Listed">Blobs listed.</param>
/// <param name="Ingested">The outcome of every blob that had no completed record, in the order ingested.</param>
public sealed record ReconciliationResult(int Listed, IReadOnlyList<IngestionOutcome> Ingested);

/// <summary>
/// The guarantee behind the triggers: finds form blobs that never became a submission (a polling scan that skipped
/// them, a dead-lettered event, a host killed half-way) and ingests them through the same idempotent path.
/// </summary>
public interface IReconciliationService
{
    /// <summary>Blobs with no completed submission record, oldest first (null filters mean all; the service in any casing).</summary>
    Task<IReadOnlyList<UnprocessedForm>> FindUnprocessedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);

    /// <summary>Ingests every blob <see cref="FindUnprocessedAsync"/> finds, oldest first; a blob deleted meanwhile is skipped.</summary>
    Task<ReconciliationResult> SweepAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);
}
