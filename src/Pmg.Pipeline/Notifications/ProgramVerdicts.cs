using System.Globalization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Domain.Text;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Notifications;

/// <summary>What a receipt tells about a scored form: each programme's status and why, and its observations.</summary>
public static class ProgramVerdicts
{
    /// <summary>
    /// Why a programme has its status, as a Spanish clause: "las ponderaciones suman 7,35; deben sumar 100",
    /// "desempeño 88,00 %, bajo el 90 % exigido".
    /// </summary>
    public static string Why(ProgramSummary program, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var threshold = SpanishNumbers.Format(FormRules.ComplianceThreshold) + " %";
        switch (program.Status)
        {
            case "INVALIDO":
                var missing = diagnostics.Count(d => d.Code == RuleCodes.WeightMissing && d.Location?.Section?.Code() == program.Section);
                return missing > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"falta la ponderación de {missing} {(missing == 1 ? "actividad" : "actividades")}; si una actividad tiene ponderación, todas deben tenerla")
                    : program.Activities == 0 ? "no tiene actividades"
                    : "las ponderaciones suman " + SpanishNumbers.Format(program.WeightTotal, 4) + "; deben sumar 100";
            case "PENDIENTE":
                return "hay actividades aún sin marcar como cumplidas o no cumplidas" + Performance(program, "; desempeño hasta ahora ");
            case "NO CUMPLE":
                return "desempeño " + Percent(program) + ", bajo el " + threshold + " exigido";
            default:
                return "desempeño " + Percent(program) + ", igual o sobre el " + threshold + " exigido";
        }
    }

    /// <summary>The receipt's lines for the programmes of an accepted form.</summary>
    public static IReadOnlyList<ReceiptProgram> Programs(IEnumerable<ProgramSummary> programs, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(programs);
        return programs.Select(p => new ReceiptProgram(p.Section, p.DisplayPerformance, p.Status, Why(p, diagnostics))).ToArray();
    }

    /// <summary>The first <see cref="Receipt.MaxObservations"/> diagnostics, errors first then warnings then notices, each in form order.</summary>
    public static IReadOnlyList<ReceiptObservation> Observations(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics
            .OrderByDescending(d => d.Severity)
            .Take(Receipt.MaxObservations)
            .Select(d => new ReceiptObservation(d.Severity.Spanish(), d.Message, d.Location?.ToString()))
            .ToArray();
    }

    private static string Performance(ProgramSummary program, string prefix) =>
        program.DisplayPerformance is { } p ? prefix + SpanishNumbers.Fixed(p) + " %" : "";

    private static string Percent(ProgramSummary program) =>
        program.DisplayPerformance is { } p ? SpanishNumbers.Fixed(p) + " %" : "sin porcentaje";
}
