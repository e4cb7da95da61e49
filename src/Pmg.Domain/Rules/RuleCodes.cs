namespace Pmg.Domain.Rules;

/// <summary>Stable codes of the rule diagnostics (docs/rules.md rules 1–6); messages are Spanish, codes never change.</summary>
public static class RuleCodes
{
    /// <summary>Rule 1, error: the weights do not sum 100 ± 0.5; the programme is INVALIDO.</summary>
    public const string WeightTotalInvalid = "WEIGHT_TOTAL_INVALID";

    /// <summary>Rule 1, notice: the weights sum within ±0.5 of 100 but not exactly 100.</summary>
    public const string WeightTotalTolerated = "WEIGHT_TOTAL_TOLERATED";

    /// <summary>Rule 1, error: some activities have a weight and this one does not; the programme is INVALIDO.</summary>
    public const string WeightMissing = "WEIGHT_MISSING";

    /// <summary>Rule 1, notice: no activity has a weight, so they are weighted uniformly.</summary>
    public const string WeightsUniform = "WEIGHTS_UNIFORM";

    /// <summary>Rule 2, error: the compliance mark is neither sí nor no nor blank; the activity counts as not yet marked.</summary>
    public const string ComplianceUnrecognised = "COMPLIANCE_UNRECOGNISED";

    /// <summary>Rule 2, warning: the declared "ponderación ganada" disagrees with the computed one.</summary>
    public const string EarnedMismatch = "EARNED_MISMATCH";

    /// <summary>
    /// Rule 2, warning: the declared "Desempeño Anual Región (%)" disagrees with the computed performance, or is declared
    /// for a programme that has none to compare (INVALIDO, PENDIENTE or without activities).
    /// </summary>
    public const string DeclaredPerformanceMismatch = "DECLARED_PERFORMANCE_MISMATCH";

    /// <summary>Rule 3, notice: a programme without activities is not scored.</summary>
    public const string ProgramEmpty = "PROGRAM_EMPTY";

    /// <summary>Rule 5, warning: an objective lists a single activity (note 5 asks for at least two).</summary>
    public const string ObjectiveSingleActivity = "OBJECTIVE_SINGLE_ACTIVITY";

    /// <summary>Rule 6, warning: an objective of III.1–III.3 has no III.4 progress row; it is at risk.</summary>
    public const string ProgressRowMissing = "PROGRESS_ROW_MISSING";

    /// <summary>Rule 6, warning: the form has no III.4 progress rows at all; every objective is at risk.</summary>
    public const string ProgressSectionMissing = "PROGRESS_SECTION_MISSING";
}
