using System.Globalization;
using System.Text.RegularExpressions;
using Pmg.Domain.Model;
using Mark = Pmg.Domain.Model.Compliance;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Compliance;

/// <summary>Finds the activities at risk of one region's evaluated submission (docs/rules.md, "Activities at risk").</summary>
public static partial class AtRiskDetector
{
    /// <summary>
    /// Every (activity, reason) at risk: marked not complied; unmarked after the closing date; its objective has no
    /// III.4 row; its III.4 progress text says it is late or not started (the words are quoted); or the programme
    /// can no longer reach 90 %, which puts every open activity of it at risk.
    /// </summary>
    public static IReadOnlyList<AtRiskActivity> Find(SubmissionEvaluation evaluation, bool closingDatePassed)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var submission = evaluation.Submission;
        var regionCode = submission.Region?.Code ?? "";
        var found = new List<AtRiskActivity>();
        foreach (var program in submission.Programs)
        {
            var result = evaluation.Program(program.Section);
            var lost = result is { CanStillComply: false, Status: not ProgramStatus.Invalido };
            for (var o = 0; o < program.Objectives.Count; o++)
            {
                var objective = program.Objectives[o];
                var row = ProgressCoverage.FindRow(submission.ProgressRows, objective);
                var quote = row is null ? null : LateWords(row.Progress);
                foreach (var activity in objective.Activities)
                {
                    var open = activity.Compliance is Mark.Unmarked or Mark.Unrecognised;
                    AtRiskActivity Item(string reason, string text, string? quoted, string action) => new(
                        regionCode, program.Section, o + 1, objective.Text.Trim(), activity.Text.Trim(), activity.Unit.Trim(),
                        activity.Compliance, reason, text, quoted, action);

                    if (activity.Compliance == Mark.NotComplied)
                    {
                        found.Add(Item(
                            AlertReasons.NotComplied,
                            "La actividad está marcada como no cumplida.",
                            null,
                            "Revise si puede completarse antes del cierre y registre en III.4 las medidas correctivas."));
                    }
                    else if (open && closingDatePassed)
                    {
                        found.Add(Item(
                            AlertReasons.UnmarkedAfterClosing,
                            "La actividad sigue sin marcar como cumplida o no cumplida después de la fecha de cierre.",
                            null,
                            "Marque la columna «Cumple/no cumple» y vuelva a subir el formulario."));
                    }

                    if (row is null)
                    {
                        found.Add(Item(
                            AlertReasons.NoProgressRow,
                            "Su objetivo no tiene fila de análisis del avance en la sección III.4.",
                            null,
                            "Agregue en III.4 una fila con el avance de este objetivo."));
                    }
                    else if (quote is not null && activity.Compliance != Mark.Complied)
                    {
                        found.Add(Item(
                            AlertReasons.ProgressLate,
                            "El análisis del avance (III.4) indica retraso o que no se ha iniciado.",
                            quote,
                            "Informe las medidas para recuperar el avance y actualice III.4."));
                    }

                    if (lost && open)
                    {
                        found.Add(Item(
                            AlertReasons.CannotReach90,
                            string.Create(
                                CultureInfo.GetCultureInfo("es-CL"),
                                $"La región ya no puede alcanzar el 90 % en {program.Section.Code()}: se perdieron {result!.LostWeight:0.##} puntos de ponderación."),
                            null,
                            "Priorice esta actividad: el programa no cumplirá este año; informe a la dirección regional."));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>How many activities are at risk: each activity counted once, whatever its reasons (and however many regions).</summary>
    public static int CountActivities(IEnumerable<AtRiskActivity> items) =>
        items.Select(a => (a.RegionCode, a.Section, a.ObjectiveNumber, a.Activity)).Distinct().Count();

    /// <summary>
    /// The words of a progress text that say it is late or not started (retraso, atraso, aún no, no ejecutado,
    /// pendiente, dificultad, falta, débil, no se ha iniciado, sin avance, postergado, suspendido), as written;
    /// several matches are joined with " … "; null when none.
    /// </summary>
    public static string? LateWords(string? progress)
    {
        if (string.IsNullOrWhiteSpace(progress))
        {
            return null;
        }

        try
        {
            var matches = LatePattern().Matches(progress);
            return matches.Count == 0
                ? null
                : string.Join(" … ", matches.Select(m => m.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase));
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // Whole words, accents optional; a short phrase around each word makes the quote readable. Progress text is the
    // office's: linear matching (NonBacktracking), the timeout a second line.
    [GeneratedRegex(
        @"\b(?:(?:con\s+)?(?:retras|atras)[oa]s?(?:\s+en\s+\w+)?|a[uú]n\s+no(?:\s+se)?(?:\s+\w+)?|no\s+(?:se\s+)?(?:ha[n]?\s+)?(?:sido\s+)?(?:ejecutad|iniciad|realizad)[oa]s?|pendientes?|dificultad(?:es)?|falta(?:\s+de)?(?:\s+\w+)?|d[eé]bil(?:es)?|sin\s+avances?|postergad[oa]s?|suspendid[oa]s?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LatePattern();
}
