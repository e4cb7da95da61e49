using Pmg.Domain.Model;
using Pmg.Domain.Rules;

namespace Pmg.Pipeline.Ingestion;

/// <summary>A programme's score, as stored with the submission.</summary>
/// <param name="Section">"III.1", "III.2", "III.3".</param>
/// <param name="Status">"CUMPLE", "NO CUMPLE", "PENDIENTE", "INVALIDO".</param>
/// <param name="Performance">Unrounded performance, null when INVALIDO or nothing to weigh.</param>
/// <param name="WeightTotal">Sum of weights in points.</param>
/// <param name="EarnedWeight">Earned weight in points.</param>
/// <param name="Objectives">Number of objectives.</param>
/// <param name="Activities">Number of activities.</param>
public sealed record ProgramSummary(string Section, string Status, decimal? Performance, decimal WeightTotal, decimal EarnedWeight, int Objectives, int Activities)
{
    /// <summary>Performance rounded half-up to two decimals.</summary>
    public decimal? DisplayPerformance => Performance is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;
}

/// <summary>Maps the rules' programme results to the summaries stored with a submission.</summary>
public static class ProgramSummaries
{
    /// <summary>A programme result as stored: section code, status label, unrounded performance, totals and counts.</summary>
    public static ProgramSummary From(ProgramResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Section.Code(), result.Status.Label(), result.Performance, result.WeightTotal, result.EarnedWeight, result.Objectives, result.Activities);
    }
}
