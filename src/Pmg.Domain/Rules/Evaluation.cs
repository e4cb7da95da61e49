using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;

namespace Pmg.Domain.Rules;

/// <summary>A programme scored in one region (rules 1–3).</summary>
/// <param name="Section">Which programme.</param>
/// <param name="Objectives">Number of objectives.</param>
/// <param name="Activities">Number of activities.</param>
/// <param name="WeightTotal">Sum of the weights actually used (after uniform weighting), in points.</param>
/// <param name="EarnedWeight">Sum of the weights of complied activities, in points.</param>
/// <param name="Performance">100 × earned ÷ total, unrounded; null when INVALIDO or there is nothing to weigh.</param>
/// <param name="Status">CUMPLE, NO CUMPLE, PENDIENTE or INVALIDO.</param>
public sealed record ProgramResult(
    Section Section,
    int Objectives,
    int Activities,
    decimal WeightTotal,
    decimal EarnedWeight,
    decimal? Performance,
    ProgramStatus Status)
{
    /// <summary>Performance rounded half-up to two decimals, for display.</summary>
    public decimal? DisplayPerformance => Performance is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>Sum of the weights of activities marked not complied, in points: weight that can no longer be earned.</summary>
    public decimal LostWeight { get; init; }

    /// <summary>
    /// The best performance still reachable if every open activity were complied: 100 × (total − lost) ÷ total;
    /// null when INVALIDO.
    /// </summary>
    public decimal? MaxReachablePerformance =>
        Status == ProgramStatus.Invalido || WeightTotal <= 0m ? null : 100m * (WeightTotal - LostWeight) / WeightTotal;

    /// <summary>Whether the programme can still reach 90.00 (false once more than 10 points of 100 are lost, or when INVALIDO).</summary>
    public bool CanStillComply => MaxReachablePerformance is { } max && max >= FormRules.ComplianceThreshold;
}

/// <summary>A submission with its programmes scored and every rule diagnostic.</summary>
/// <param name="Submission">The form as read.</param>
/// <param name="Programs">One result per programme present, in form order.</param>
/// <param name="Diagnostics">Rule diagnostics (weights, compliance, declared earned weight, ≥ 2 activities, III.4 coverage).</param>
public sealed record SubmissionEvaluation(
    Submission Submission,
    IReadOnlyList<ProgramResult> Programs,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The result of one programme, if present.</summary>
    public ProgramResult? Program(Section section) => Programs.FirstOrDefault(p => p.Section == section);
}

/// <summary>A region's status for one programme, as input to the national result.</summary>
public sealed record RegionalStatus(Region Region, Section Section, ProgramStatus Status);

/// <summary>The national result of a programme (rule 4).</summary>
/// <param name="Section">Which programme.</param>
/// <param name="Status">CUMPLE, NO CUMPLE or PENDIENTE.</param>
/// <param name="Regions">Regions that count for the programme (committed it, or expected).</param>
/// <param name="Complying">How many of those are CUMPLE.</param>
/// <param name="Missing">Expected regions that sent nothing.</param>
public sealed record NationalResult(
    Section Section,
    ProgramStatus Status,
    int Regions,
    int Complying,
    IReadOnlyList<Region> Missing);
