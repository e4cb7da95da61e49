using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Pipeline.Compliance;

/// <summary>Recalculates regional and national compliance from the stored activities, queues alerts and writes the report.</summary>
public interface IComplianceService
{
    /// <summary>
    /// Recalculates every service and year with current submissions (or only the given ones): re-scores each region
    /// from its stored rows, the national result per programme, the activities at risk, the alert digests and the
    /// consolidated workbook.
    /// </summary>
    Task<RecalculationSummary> RecalculateAsync(string? service = null, int? year = null, IProgress<RecalculationProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>Progress of a recalculation, for a progress display.</summary>
/// <param name="Service">The service being recalculated.</param>
/// <param name="Year">The year.</param>
/// <param name="Done">Regions scored so far in this service-year.</param>
/// <param name="Total">Regions with a current submission in this service-year.</param>
public sealed record RecalculationProgress(string Service, int Year, int Done, int Total);

/// <summary>What one recalculation did.</summary>
/// <param name="Results">One entry per service and year recalculated.</param>
public sealed record RecalculationSummary(IReadOnlyList<ServiceYearResult> Results);

/// <summary>The outcome of one service and year.</summary>
/// <param name="Service">Service.</param>
/// <param name="Year">Year.</param>
/// <param name="Regions">Regional results of the current submissions.</param>
/// <param name="National">National result per programme.</param>
/// <param name="AtRisk">Every activity currently at risk.</param>
/// <param name="DigestsQueued">Digests queued on the alerts queue by this run.</param>
/// <param name="ReportName">The timestamped report blob name.</param>
/// <param name="Attempts">How many times the service-year was computed (more than one when an ingestion raced it).</param>
public sealed record ServiceYearResult(
    string Service,
    int Year,
    IReadOnlyList<RegionalScore> Regions,
    IReadOnlyList<NationalResult> National,
    IReadOnlyList<AtRiskActivity> AtRisk,
    int DigestsQueued,
    string ReportName,
    int Attempts);

/// <summary>A region's programme results as recalculated from one submission.</summary>
/// <param name="Pointer">The current-submission pointer scored.</param>
/// <param name="Evaluation">The rules' verdict on the rebuilt submission.</param>
/// <param name="AtRisk">Its activities at risk, one entry per reason.</param>
public sealed record RegionalScore(CurrentSubmission Pointer, SubmissionEvaluation Evaluation, IReadOnlyList<AtRiskActivity> AtRisk);
