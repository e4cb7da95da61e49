namespace Pmg.Pipeline.Ingestion;

/// <summary>A blob in the forms container with no completed submission record: the trigger missed it, or it is still running.</summary>
/// <param name="Blob">The blob as listed.</param>
/// <param name="Service">The service its path names, when the path parses that far.</param>
/// <param name="Year">The year its path names, when readable.</param>
/// <param name="RegionCode">The region its path names, when it resolves.</param>
public sealed record UnprocessedForm(StoredForm Blob, string? Service, int? Year, string? RegionCode);

/// <summary>What one sweep did.</summary>
/// <param name="Listed">Blobs found with no completed record, those left to their trigger included.</param>
/// <param name="Ingested">The outcome of every blob the sweep took, in the order ingested.</param>
public sealed record ReconciliationResult(int Listed, IReadOnlyList<IngestionOutcome> Ingested)
{
    /// <summary>Blobs with no completed record that the sweep left to their trigger: written less than its minimum age ago.</summary>
    public int LeftToTrigger { get; init; }
}

/// <summary>
/// The guarantee behind the triggers: finds form blobs that never became a submission (a polling scan that skipped
/// them, a dead-lettered event, a host killed half-way) and ingests them through the same idempotent path.
/// </summary>
public interface IReconciliationService
{
    /// <summary>Blobs with no completed submission record, oldest first (null filters mean all; the service in any casing).</summary>
    Task<IReadOnlyList<UnprocessedForm>> FindUnprocessedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ingests every blob <see cref="FindUnprocessedAsync"/> finds, oldest first, however young: the sweep an operator asks
    /// for (<c>pmg recalc</c>). A blob deleted meanwhile is skipped.
    /// </summary>
    Task<ReconciliationResult> SweepAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="SweepAsync(string?, int?, CancellationToken)"/>, but leaves to their trigger the blobs last written less
    /// than <paramref name="minimumAge"/> ago (by the injected clock against the blob's Last-Modified): the background
    /// sweeps pass <see cref="ReconciliationOptions.GracePeriod"/> so that they take only what the trigger missed or
    /// abandoned, never a blob it is still retrying. <see cref="TimeSpan.Zero"/> takes every blob.
    /// </summary>
    Task<ReconciliationResult> SweepAsync(string? service, int? year, TimeSpan minimumAge, CancellationToken cancellationToken = default);
}
