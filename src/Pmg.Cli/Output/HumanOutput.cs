using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Domain.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pmg.Cli.Output;

/// <summary>Spanish tables for people, rendered with Spectre.Console.</summary>
internal static class HumanOutput
{
    /// <summary>"96,00 %", or "—" when there is no performance (INVALIDO, nothing to weigh).</summary>
    public static string Performance(decimal? performance) =>
        performance is { } p ? SpanishNumbers.Fixed(p) + " %" : "—";

    /// <summary>A status label coloured green / red / amber / grey.</summary>
    public static IRenderable Status(ProgramStatus status) => new Markup(status switch
    {
        ProgramStatus.Cumple => "[green]CUMPLE[/]",
        ProgramStatus.NoCumple => "[red]NO CUMPLE[/]",
        ProgramStatus.Pendiente => "[yellow]PENDIENTE[/]",
        _ => "[grey]INVALIDO[/]",
    });

    public static void WriteValidation(IAnsiConsole console, EvaluatedFile file)
    {
        var read = file.Read;
        var submission = read.Submission;
        console.Write(new Rule(Markup.Escape(read.FileName)) { Justification = Justify.Left });

        if (submission is null)
        {
            console.MarkupLine("[red]Archivo rechazado[/]: no se pudo leer como formulario PMG.");
        }
        else
        {
            var region = submission.Region is { } r ? $"{r.Code} {r.Name}" : "desconocida";
            console.WriteLine($"Archivo aceptado · Formato: {JsonOutput.FormatName(read.Format) ?? "desconocido"} · Servicio: {(submission.Service.Length > 0 ? submission.Service : "no indicado")} · Año: {submission.Year} · Región: {region}");
            WritePrograms(console, file.Evaluation?.Programs ?? []);
            console.WriteLine($"Filas de análisis del avance (III.4): {submission.ProgressRows.Count}");
        }

        WriteDiagnostics(console, file.Diagnostics.ToList());
        console.WriteLine();
    }

    public static void WriteValidationSummary(IAnsiConsole console, IReadOnlyList<EvaluatedFile> files)
    {
        var clean = files.Count(f => f.IsClean);
        var refused = files.Count(f => !f.Read.Accepted);
        var withErrors = files.Count - clean - refused;
        console.WriteLine($"Resumen: {files.Count} archivo(s): {clean} sin errores, {withErrors} con errores, {refused} rechazado(s).");
    }

    public static void WriteReport(IAnsiConsole console, ConsolidatedReport report)
    {
        // One row per file and programme: stays readable in an 80-column terminal with any number of programmes.
        var regional = Compact(new Table { Title = new TableTitle("Resultados regionales") });
        regional.AddColumn("Región");
        regional.AddColumn("Archivo");
        regional.AddColumn(new TableColumn("Programa").NoWrap());
        regional.AddColumn(new TableColumn("Desempeño").RightAligned());
        regional.AddColumn(new TableColumn("Estado").NoWrap());
        foreach (var entry in report.Regions)
        {
            var first = true;
            foreach (var program in entry.Programs)
            {
                regional.AddRow(
                    new Text(first ? (entry.Region is { } r ? $"{r.Code} {r.Name}" : "desconocida") : ""),
                    new Text(first ? (entry.CountsNationally ? entry.File : entry.File + " (no cuenta a nivel nacional)") : ""),
                    new Text(program.Section.Code()),
                    new Text(Performance(program.DisplayPerformance)),
                    Status(program.Status));
                first = false;
            }
        }

        console.Write(regional);

        var national = Compact(new Table { Title = new TableTitle("Resultado nacional") });
        national.AddColumn("Programa");
        national.AddColumn(new TableColumn("Estado").NoWrap());
        national.AddColumn(new TableColumn("Regiones").RightAligned());
        national.AddColumn(new TableColumn("Cumplen").RightAligned());
        foreach (var result in report.National)
        {
            national.AddRow(
                new Text($"{result.Section.Code()} {result.Section.ShortName()}"),
                Status(result.Status),
                new Text(result.Regions.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(result.Complying.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        console.Write(national);

        // People see what changes the result (errors, duplicates, regions not counted); the rest is in --json and --xlsx.
        var shown = report.Observations
            .Where(o => o.Severity == Severity.Error || o.Code is ReportCodes.DuplicateRegion or ReportCodes.RegionNotCounted)
            .ToList();
        if (shown.Count > 0)
        {
            var observations = Compact(new Table { Title = new TableTitle("Observaciones") });
            observations.AddColumn("Archivo");
            observations.AddColumn(new TableColumn("Severidad").NoWrap());
            observations.AddColumn("Mensaje");
            observations.AddColumn("Ubicación");
            foreach (var o in shown)
            {
                observations.AddRow(new Text(o.File), SeverityText(o.Severity), new Text(o.Message), new Text(o.Location ?? "documento"));
            }

            console.Write(observations);
        }

        var warnings = report.Observations.Count(o => o.Severity == Severity.Warning) - shown.Count(o => o.Severity == Severity.Warning);
        var notices = report.Observations.Count(o => o.Severity == Severity.Info);
        if (warnings + notices > 0)
        {
            console.WriteLine($"Además hay {warnings} advertencia(s) y {notices} aviso(s) en los formularios; véalos con «pmg validate», --json o --xlsx.");
        }
    }

    private static Table Compact(Table table) => table.Border(TableBorder.Minimal);

    private static void WritePrograms(IAnsiConsole console, IReadOnlyList<ProgramResult> programs)
    {
        var table = Compact(new Table());
        table.AddColumn(new TableColumn("Programa").NoWrap());
        table.AddColumn(new TableColumn("Objetivos").RightAligned());
        table.AddColumn(new TableColumn("Actividades").RightAligned());
        table.AddColumn(new TableColumn("Ponderación").RightAligned());
        table.AddColumn(new TableColumn("Ganada").RightAligned());
        table.AddColumn(new TableColumn("Desempeño").RightAligned());
        table.AddColumn(new TableColumn("Estado").NoWrap());
        foreach (var program in programs)
        {
            table.AddRow(
                new Text(program.Section.Code()),
                new Text(program.Objectives.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(program.Activities.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(SpanishNumbers.Format(program.WeightTotal)),
                new Text(SpanishNumbers.Format(program.EarnedWeight)),
                new Text(Performance(program.DisplayPerformance)),
                Status(program.Status));
        }

        console.Write(table);
    }

    private static void WriteDiagnostics(IAnsiConsole console, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            console.WriteLine("Sin observaciones.");
            return;
        }

        var table = Compact(new Table { Title = new TableTitle($"Observaciones ({diagnostics.Count})") });
        table.AddColumn(new TableColumn("Severidad").NoWrap());
        table.AddColumn(new TableColumn("Código"));
        table.AddColumn("Mensaje");
        table.AddColumn("Ubicación");
        foreach (var diagnostic in diagnostics)
        {
            table.AddRow(SeverityText(diagnostic.Severity), new Text(diagnostic.Code), new Text(diagnostic.Message), new Text(diagnostic.Location?.ToString() ?? "documento"));
        }

        console.Write(table);
    }

    private static IRenderable SeverityText(Severity severity) => new Markup(severity switch
    {
        Severity.Error => "[red]error[/]",
        Severity.Warning => "[yellow]advertencia[/]",
        _ => "aviso",
    });
}
