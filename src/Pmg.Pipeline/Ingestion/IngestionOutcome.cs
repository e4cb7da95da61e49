using Pmg.Domain.Diagnostics;
using Pmg.Domain.Rules;

namespace Pmg.Pipeline.Ingestion;

/// <summary>What happened to one delivered blob.</summary>
public enum IngestionStatus
{
    /// <summary>Read and scored; it is (or was, if a newer upload exists) the region's current submission. May carry warnings.</summary>
    Accepted,

    /// <summary>Not accepted (unreadable, hostile, wrong path, wrong region or year, unknown service); reasons recorded.</summary>
    Refused,

    /// <summary>This blob version was already processed: nothing changed.</summary>
    Duplicate,

    /// <summary>Processing kept failing (poison message); recorded as a visible failure.</summary>
    Failed,
}

/// <summary>The result of ingesting one blob version.</summary>
/// <param name="Status">Accepted, Refused, Duplicate or Failed.</param>
/// <param name="SubmissionId">Deterministic id derived from blob name and version.</param>
/// <param name="BlobName">The blob's name.</param>
/// <param name="Diagnostics">Refusal reasons, reading and rule diagnostics (Spanish messages).</param>
public sealed record IngestionOutcome(
    IngestionStatus Status,
    string SubmissionId,
    string BlobName,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The service from the path, when it could be parsed.</summary>
    public string? Service { get; init; }

    /// <summary>The year from the path, when it could be parsed.</summary>
    public int? Year { get; init; }

    /// <summary>The region's ISO code, when it could be resolved.</summary>
    public string? RegionCode { get; init; }

    /// <summary>Scores per programme, for accepted submissions.</summary>
    public IReadOnlyList<ProgramResult> Programs { get; init; } = [];

    /// <summary>For accepted submissions: whether it became the region's current one (false when a newer upload already is).</summary>
    public bool IsCurrent { get; init; }

    /// <summary>Number of warning diagnostics.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
