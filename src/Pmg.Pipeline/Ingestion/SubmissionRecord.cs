using Pmg.Domain.Diagnostics;

namespace Pmg.Pipeline.Ingestion;

/// <summary>One upload as recorded in the ledger.</summary>
public sealed record SubmissionRecord
{
    /// <summary>Deterministic id from blob name and version.</summary>
    public required string Id { get; init; }

    /// <summary>Blob name in the forms container.</summary>
    public required string BlobName { get; init; }

    /// <summary>Blob version (ETag or version id).</summary>
    public required string BlobVersion { get; init; }

    /// <summary>Service from the path, when parsed.</summary>
    public string? Service { get; init; }

    /// <summary>Year from the path, when parsed.</summary>
    public int? Year { get; init; }

    /// <summary>Region ISO code, when resolved.</summary>
    public string? RegionCode { get; init; }

    /// <summary>When the blob was uploaded.</summary>
    public required DateTimeOffset UploadedAt { get; init; }

    /// <summary>The high-resolution upload time the uploader recorded in the blob's metadata, if any: orders uploads of one second.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>When it was processed.</summary>
    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>Accepted, Refused or Failed.</summary>
    public required IngestionStatus Outcome { get; init; }

    /// <summary>All diagnostics (Spanish messages).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Score summary per programme (accepted only).</summary>
    public IReadOnlyList<ProgramSummary> Programs { get; init; } = [];

    /// <summary>Who uploaded it (blob metadata <c>uploader</c>), if known.</summary>
    public string? Uploader { get; init; }

    /// <summary>True once every step of the outcome is done; a duplicate delivery of an incomplete record resumes it.</summary>
    public bool Completed { get; init; }

    /// <summary>The ledger partition: <c>{service}|{year}</c>, or <see cref="SubmissionKeys.UnparsedPartition"/>.</summary>
    public string Partition => SubmissionKeys.Partition(Service, Year);

    /// <summary>The file name (last path segment).</summary>
    public string FileName => BlobName[(BlobName.LastIndexOf('/') + 1)..];

    /// <summary>Number of error diagnostics.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>Number of warning diagnostics.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>Error diagnostics as "message (location)" lines: the refusal or failure reasons.</summary>
    public IReadOnlyList<string> Reasons => Diagnostics.Where(d => d.Severity == Severity.Error).Select(SubmissionKeys.Describe).ToArray();
}
