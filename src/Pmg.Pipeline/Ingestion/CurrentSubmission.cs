namespace Pmg.Pipeline.Ingestion;

/// <summary>The pointer to a region's current submission.</summary>
public sealed record CurrentSubmission(
    string Service,
    int Year,
    string RegionCode,
    string SubmissionId,
    string BlobName,
    string BlobVersion,
    DateTimeOffset UploadedAt)
{
    /// <summary>The stored row's ETag, when read from the store.</summary>
    public string? ETag { get; init; }

    /// <summary>Whether this pointer's upload is newer than <paramref name="other"/>'s (upload time, then id to break ties).</summary>
    public bool IsNewerThan(CurrentSubmission other) =>
        UploadedAt != other.UploadedAt ? UploadedAt > other.UploadedAt : string.CompareOrdinal(SubmissionId, other.SubmissionId) > 0;
}
