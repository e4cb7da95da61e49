using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Text;

namespace Pmg.Domain.Rules;

/// <summary>
/// Scores one region's form by the rules of docs/rules.md, numbered as the form's own notes.
/// </summary>
/// <remarks>
/// Rules catalogue (codes in <see cref="RuleCodes"/>; national rule 4 lives in <see cref="NationalRules"/>):
/// <list type="number">
/// <item><description>Weights, note 8 (<see cref="ScoreProgram"/>): a programme's weights sum 100; ±0.5 passes with a
/// notice, beyond is INVALIDO; no weights at all → uniform 100 ÷ n with a notice; some missing → INVALIDO.</description></item>
/// <item><description>Compliance, notes 9–10: only "sí"/"Cumple" earns, and earns its weight; a declared "ponderación
/// ganada" or a declared "Desempeño Anual Región (%)" that disagrees is a warning (<see cref="CheckDeclaredPerformance"/>); an unrecognised mark is an error and counts as not yet marked.</description></item>
/// <item><description>Performance, note 11: 100 × earned ÷ total in decimal, unrounded (display rounds half-up to two
/// decimals); status INVALIDO &gt; PENDIENTE &gt; CUMPLE (≥ 90.00) &gt; NO CUMPLE. A programme without activities
/// was not committed: it gets no result, only a notice.</description></item>
/// <item><description>National result, note 12: see <see cref="NationalRules"/>.</description></item>
/// <item><description>Activities per objective, note 5 (<see cref="CheckObjectives"/>): exactly one is a warning.</description></item>
/// <item><description>Progress coverage (<see cref="CheckProgressCoverage"/>): every objective of III.1–III.3 needs a
/// III.4 row, matched by <see cref="ProgressCoverage.Matches"/>; a missing one is a warning (the objective is at risk).</description></item>
/// </list>
/// </remarks>
public static class FormRules
{
    /// <summary>What a programme's weights must sum, in points.</summary>
    public const decimal WeightTarget = 100m;

    /// <summary>How far from <see cref="WeightTarget"/> a total may be and still pass, in points.</summary>
    public const decimal WeightTolerance = 0.5m;

    /// <summary>The performance a programme needs to be CUMPLE.</summary>
    public const decimal ComplianceThreshold = 90m;

    /// <summary>Scores every programme of the submission and collects every rule diagnostic. Never throws on bad input.</summary>
    public static SubmissionEvaluation Evaluate(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);

        var diagnostics = new List<Diagnostic>();
        var results = new List<ProgramResult>();
        foreach (var program in submission.Programs.Where(p => p.Section != Section.III4))
        {
            var result = ScoreProgram(program, diagnostics);
            if (result is not null)
            {
                results.Add(result);
            }

            CheckDeclaredPerformance(program, result, diagnostics);

            CheckObjectives(program, diagnostics);
        }

        CheckProgressCoverage(submission, diagnostics);
        return new SubmissionEvaluation(submission, results, diagnostics);
    }

    /// <summary>Whether a performance is CUMPLE (≥ 90.00, compared unrounded).</summary>
    public static bool MeetsThreshold(decimal performance) => performance >= ComplianceThreshold;

    // Rules 1–3 for one programme.
    private static ProgramResult? ScoreProgram(WorkProgram program, List<Diagnostic> diagnostics)
    {
        var code = program.Section.Code();
        var activities = program.Activities.ToList();
        if (activities.Count == 0)
        {
            diagnostics.Add(Diagnostic.Info(
                RuleCodes.ProgramEmpty,
                $"{code} no tiene actividades comprometidas: no se califica.",
                program.Location));
            return null;
        }

        var weighting = Weigh(program, activities, diagnostics);

        var earned = 0m;
        var lost = 0m;
        var complied = 0;
        var notComplied = 0;
        var pending = false;
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var weight = weighting.Weights[i];
            switch (activity.Compliance)
            {
                case Compliance.Complied:
                    complied++;
                    earned += weight ?? 0m;
                    CheckDeclaredEarned(activity, weight, diagnostics);
                    break;
                case Compliance.NotComplied:
                    notComplied++;
                    lost += weight ?? 0m;
                    CheckDeclaredEarned(activity, weight is null ? null : 0m, diagnostics);
                    break;
                case Compliance.Unrecognised:
                    pending = true;
                    diagnostics.Add(Diagnostic.Error(
                        RuleCodes.ComplianceUnrecognised,
                        $"No se reconoce «{activity.RawCompliance.Trim()}» en «{Columns.Compliance}» de la actividad «{Quote(activity.Text)}»: " +
                        "escriba «sí» o «no», o deje la celda en blanco si aún no se evalúa. La actividad se considera sin marcar.",
                        activity.At(Columns.Compliance)));
                    break;
                default:
                    pending = true;
                    break;
            }
        }

        if (weighting.Uniform)
        {
            // 100 ÷ 3 summed three times is not 100 in decimal either: compute the uniform share in one division.
            earned = WeightTarget * complied / activities.Count;
            lost = WeightTarget * notComplied / activities.Count;
        }

        decimal? performance = weighting.Valid ? 100m * earned / weighting.Total : null;
        var status = !weighting.Valid ? ProgramStatus.Invalido
            : pending ? ProgramStatus.Pendiente
            : MeetsThreshold(performance!.Value) ? ProgramStatus.Cumple
            : ProgramStatus.NoCumple;

        return new ProgramResult(program.Section, program.Objectives.Count, activities.Count, weighting.Total, earned, performance, status)
        {
            LostWeight = lost,
        };
    }

    // Rule 1: the weights used for scoring, their total, and whether the programme may be scored.
    private static Weighting Weigh(WorkProgram program, List<Activity> activities, List<Diagnostic> diagnostics)
    {
        var code = program.Section.Code();
        var weightColumn = program.Location.WithColumn(Columns.Weight);
        var missing = activities.Where(a => a.Weight is null).ToList();

        if (missing.Count == activities.Count)
        {
            var share = WeightTarget / activities.Count;
            diagnostics.Add(Diagnostic.Info(
                RuleCodes.WeightsUniform,
                $"Ninguna actividad de {code} tiene ponderación: se pondera cada una de las {activities.Count} actividades " +
                $"con {SpanishNumbers.Format(share)} puntos (100 ÷ {activities.Count}).",
                weightColumn));
            return new Weighting(activities.Select(_ => (decimal?)share).ToArray(), WeightTarget, Valid: true, Uniform: true);
        }

        var weights = activities.Select(a => a.Weight).ToArray();
        var total = weights.Sum(w => w ?? 0m);
        if (missing.Count > 0)
        {
            foreach (var activity in missing)
            {
                diagnostics.Add(Diagnostic.Error(
                    RuleCodes.WeightMissing,
                    $"Falta la ponderación de la actividad «{Quote(activity.Text)}»: si una actividad de {code} tiene ponderación, " +
                    "todas deben tenerla. El programa queda INVALIDO.",
                    activity.At(Columns.Weight)));
            }

            return new Weighting(weights, total, Valid: false, Uniform: false);
        }

        var deviation = Math.Abs(total - WeightTarget);
        if (deviation > WeightTolerance)
        {
            diagnostics.Add(Diagnostic.Error(
                RuleCodes.WeightTotalInvalid,
                $"Las ponderaciones de {code} suman {SpanishNumbers.Weight(total)} puntos; deben sumar 100 (tolerancia ±0,5).",
                weightColumn));
            return new Weighting(weights, total, Valid: false, Uniform: false);
        }

        if (deviation > 0m)
        {
            diagnostics.Add(Diagnostic.Info(
                RuleCodes.WeightTotalTolerated,
                $"Las ponderaciones de {code} suman {SpanishNumbers.Weight(total)} puntos: se aceptan por estar dentro de la " +
                "tolerancia de ±0,5 respecto de 100.",
                weightColumn));
        }

        return new Weighting(weights, total, Valid: true, Uniform: false);
    }

    // Rule 2: a filled "ponderación ganada" must agree (to the cent) with what the activity earns.
    private static void CheckDeclaredEarned(Activity activity, decimal? computed, List<Diagnostic> diagnostics)
    {
        if (activity.DeclaredEarned is not { } declared || computed is null)
        {
            return;
        }

        if (Round2(declared) == Round2(computed.Value))
        {
            return;
        }

        diagnostics.Add(Diagnostic.Warning(
            RuleCodes.EarnedMismatch,
            $"La ponderación ganada declarada para la actividad «{Quote(activity.Text)}» es {SpanishNumbers.Format(declared, 4)} " +
            $"y la calculada es {SpanishNumbers.Format(computed.Value, 4)}: se usa la calculada.",
            activity.At(Columns.Earned)));
    }

    // Rule 2: a filled "Desempeño Anual Región (%)" must agree with the computed performance as displayed (half-up, two
    // decimals); a programme without a final performance (INVALIDO, PENDIENTE, no activities) has nothing to agree with.
    private static void CheckDeclaredPerformance(WorkProgram program, ProgramResult? result, List<Diagnostic> diagnostics)
    {
        if (program.DeclaredPerformance is not { } declared)
        {
            return;
        }

        var code = program.Section.Code();
        var location = program.DeclaredPerformanceLocation ?? program.Location.WithColumn(Columns.DeclaredPerformance);
        var shown = SpanishNumbers.Fixed(declared);
        var reason = result switch
        {
            null => "no tiene actividades comprometidas",
            { Status: ProgramStatus.Invalido } => "está INVALIDO por sus ponderaciones",
            { Status: ProgramStatus.Pendiente } => "está PENDIENTE (hay actividades sin marcar)",
            _ => null,
        };
        if (reason is not null)
        {
            diagnostics.Add(Diagnostic.Warning(
                RuleCodes.DeclaredPerformanceMismatch,
                $"El desempeño declarado de {code} ({shown} %) no se puede comparar: el programa {reason}, " +
                "por lo que no tiene desempeño calculado.",
                location));
            return;
        }

        if (result!.DisplayPerformance is not { } computed || Round2(declared) == computed)
        {
            return;
        }

        diagnostics.Add(Diagnostic.Warning(
            RuleCodes.DeclaredPerformanceMismatch,
            $"El desempeño declarado de {code} ({shown} %) no coincide con el calculado ({SpanishNumbers.Fixed(computed)} %).",
            location));
    }

    // Rule 5 (note 5): an objective that lists activities needs at least two.
    private static void CheckObjectives(WorkProgram program, List<Diagnostic> diagnostics)
    {
        foreach (var objective in program.Objectives.Where(o => o.Activities.Count == 1))
        {
            diagnostics.Add(Diagnostic.Warning(
                RuleCodes.ObjectiveSingleActivity,
                $"El objetivo «{Quote(objective.Text)}» de {program.Section.Code()} tiene una sola actividad; la nota 5 pide al menos dos.",
                objective.Location));
        }
    }

    // Rule 6: every objective of III.1–III.3 has a III.4 progress row.
    private static void CheckProgressCoverage(Submission submission, List<Diagnostic> diagnostics)
    {
        var objectives = submission.Programs
            .Where(p => p.Section != Section.III4)
            .SelectMany(p => p.Objectives.Select(o => (p.Section, Objective: o)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Objective.Text))
            .ToList();
        if (objectives.Count == 0)
        {
            return;
        }

        if (submission.ProgressRows.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                RuleCodes.ProgressSectionMissing,
                $"El formulario no trae filas en III.4 Análisis del avance: los {objectives.Count} objetivos de III.1–III.3 " +
                "quedan sin avance informado.",
                new SourceLocation(Section.III4)));
            return;
        }

        foreach (var (section, objective) in objectives)
        {
            if (ProgressCoverage.FindRow(submission.ProgressRows, objective) is null)
            {
                diagnostics.Add(Diagnostic.Warning(
                    RuleCodes.ProgressRowMissing,
                    $"El objetivo «{Quote(objective.Text)}» de {section.Code()} no tiene fila en III.4 Análisis del avance: " +
                    "agréguela para informar su avance.",
                    objective.Location));
            }
        }
    }

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Quote(string text) => TextNormalizer.Shorten(text, 60);

    private sealed record Weighting(decimal?[] Weights, decimal Total, bool Valid, bool Uniform);
}
