using Pmg.Domain.Rules;

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
    /// <summary>The high-resolution upload time the uploader recorded (<see cref="UploadMetadata.UploadedAt"/>), when it did.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>The stored row's ETag, when read from the store.</summary>
    public string? ETag { get; init; }

    /// <summary>Whether this pointer's upload is newer than <paramref name="other"/>'s, by the one rule <c>pmg report</c> uses too (<see cref="SubmissionRecency"/>).</summary>
    public bool IsNewerThan(CurrentSubmission other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SubmissionRecency.IsNewer(UploadedAt, RecordedAt, SubmissionId, other.UploadedAt, other.RecordedAt, other.SubmissionId);
    }
}
