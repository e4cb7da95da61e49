using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Pipeline.Compliance;

/// <summary>
/// Each submission version's regional results (RegionalResults: PK <c>{service}|{year}</c>): its programme results
/// and a summary of it (how it was filed, its activities at risk). Written by ingestion, re-scored by the
/// recalculation, read by the status: one partition per service-year holds every region's results.
/// </summary>
public interface IRegionalResultStore
{
    /// <summary>
    /// Writes (merges) the results of the version <paramref name="version"/> names: one row per programme and its
    /// summary. A null <paramref name="filing"/> keeps the one ingestion stored.
    /// </summary>
    Task SaveAsync(CurrentSubmission version, IReadOnlyList<ProgramResult> programs, int atRiskActivities, SubmissionFiling? filing, CancellationToken cancellationToken = default);

    /// <summary>Every version's results of a service and year (current and history; the pointers say which is current).</summary>
    Task<IReadOnlyList<StoredRegionalResults>> ListAsync(string service, int year, CancellationToken cancellationToken = default);
}

/// <summary>How a version was filed, as a status screen shows it.</summary>
/// <param name="Uploader">Who uploaded it (blob metadata <c>uploader</c>), if known.</param>
/// <param name="Errors">Its error diagnostics (reading and rules).</param>
/// <param name="Warnings">Its warning diagnostics.</param>
public sealed record SubmissionFiling(string? Uploader, int Errors, int Warnings);

/// <summary>One version's stored results.</summary>
/// <param name="RegionCode">Region ISO code.</param>
/// <param name="SubmissionId">The version's submission id.</param>
/// <param name="Programs">Its programme results (the last scoring: ingestion's, or the recalculation's).</param>
/// <param name="AtRiskActivities">Its activities at risk (each counted once, whatever its reasons) at the last scoring; null when never counted.</param>
/// <param name="Filing">How it was filed; null for versions stored before the summary existed.</param>
public sealed record StoredRegionalResults(string RegionCode, string SubmissionId, IReadOnlyList<ProgramSummary> Programs, int? AtRiskActivities, SubmissionFiling? Filing);
