namespace Pmg.Pipeline.Ingestion;

/// <summary>The pointer from (service, year, region) to its current submission, updated with optimistic concurrency.</summary>
public interface ICurrentSubmissionStore
{
    /// <summary>The current pointer with its ETag, or null when the region has none.</summary>
    Task<CurrentSubmission?> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default);

    /// <summary>Every current pointer (with ETag), optionally of one service and/or year (the service as configured).</summary>
    Task<IReadOnlyList<CurrentSubmission>> ListAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);

    /// <summary>Adds the pointer; false when another writer added one first.</summary>
    Task<bool> TryAddAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default);

    /// <summary>Replaces the pointer if its ETag is still <paramref name="etag"/>; false when it changed meanwhile.</summary>
    Task<bool> TryReplaceAsync(CurrentSubmission pointer, string etag, CancellationToken cancellationToken = default);
}
