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
            var region = submission.Region is { } r ? RegionNames.Label(r) : "desconocida";
            console.WriteLine($"Archivo aceptado ({JsonOutput.FormatName(read.Format) ?? "formato desconocido"}).");
            TextLines.Write(console, $"Servicio: {(submission.Service.Length > 0 ? submission.Service : "no indicado")} · Año: {submission.Year} · Región: {region}");
            var programs = file.Evaluation?.Programs ?? [];
            WritePrograms(console, programs);
            WriteWhyInvalid(console, programs, file.Diagnostics.ToList());
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
        // One row per region and programme, the files below: readable at 80 columns with any number of programmes.
        var regional = Compact(new Table { Title = new TableTitle("Resultados regionales") });
        regional.AddColumn(new TableColumn("Región").NoWrap());
        regional.AddColumn(new TableColumn("Programa").NoWrap());
        regional.AddColumn(new TableColumn("Desempeño").RightAligned().NoWrap());
        regional.AddColumn(new TableColumn("Estado").NoWrap());
        foreach (var entry in report.Regions)
        {
            var first = true;
            foreach (var program in entry.Programs)
            {
                regional.AddRow(
                    new Text(first ? Label(entry) + (entry.CountsNationally ? "" : " *") : ""),
                    new Text(program.Section.Code()),
                    new Text(Performance(program.DisplayPerformance)),
                    Status(program.Status));
                first = false;
            }
        }

        console.Write(regional);
        foreach (var entry in report.Regions)
        {
            TextLines.Write(console, $"{Label(entry)}: {entry.File}{(entry.CountsNationally ? "" : " (* no cuenta a nivel nacional)")}", indent: 2);
        }

        console.WriteLine();
        var national = NationalTable();
        national.Title = new TableTitle("Resultado nacional");
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

        // The same observation of several files (the forms of one region competing) is said once, naming them all.
        var said = shown
            .GroupBy(o => (o.Severity, o.Code, o.Message, o.Location))
            .Select(g => (Observation: g.First(), Files: string.Join(", ", g.Select(o => o.File).Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal))))
            .ToList();
        if (said.Count > 0)
        {
            console.WriteLine($"Observaciones ({said.Count}):");
            foreach (var (o, files) in said)
            {
                WriteObservation(console, o.Severity, o.Location ?? "documento", o.Code, o.Message, files.Length == 0 ? null : files);
            }
        }

        var warnings = report.Observations.Count(o => o.Severity == Severity.Warning) - shown.Count(o => o.Severity == Severity.Warning);
        var notices = report.Observations.Count(o => o.Severity == Severity.Info);
        if (warnings + notices > 0)
        {
            TextLines.Write(console, $"Además hay {warnings} advertencia(s) y {notices} aviso(s) en los formularios; véalos con «pmg validate», --json o --xlsx.");
        }
    }

    private static string Label(RegionalEntry entry) => entry.Region is { } r ? RegionNames.Label(r) : "desconocida";

    private static Table Compact(Table table) => table.Border(TableBorder.Minimal);

    /// <summary>The national result's table as `pmg report` and `pmg status` show it: the programme, its status, the counts right-aligned.</summary>
    internal static Table NationalTable() => Compact(new Table())
        .AddColumn(new TableColumn("Programa").NoWrap())
        .AddColumn(new TableColumn("Estado").NoWrap())
        .AddColumn(new TableColumn("Regiones").RightAligned())
        .AddColumn(new TableColumn("Cumplen").RightAligned());

    private static void WritePrograms(IAnsiConsole console, IReadOnlyList<ProgramResult> programs)
    {
        // Short headers: the seven columns fit in 80 with "100,00" weights and "NO CUMPLE".
        var table = Compact(new Table());
        table.AddColumn(new TableColumn("Programa").NoWrap());
        table.AddColumn(new TableColumn("Obj.").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Activ.").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Ponderación").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Ganada").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Desempeño").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Estado").NoWrap());
        foreach (var program in programs)
        {
            table.AddRow(
                new Text(program.Section.Code()),
                new Text(program.Objectives.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(program.Activities.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(SpanishNumbers.Fixed(program.WeightTotal)),
                new Text(SpanishNumbers.Fixed(program.EarnedWeight)),
                new Text(Performance(program.DisplayPerformance)),
                Status(program.Status));
        }

        console.Write(table);
    }

    // An INVALIDO programme says why right under the table: its first error (the weights that do not add up to 100).
    private static void WriteWhyInvalid(IAnsiConsole console, IReadOnlyList<ProgramResult> programs, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var program in programs.Where(p => p.Status == ProgramStatus.Invalido))
        {
            var code = program.Section.Code();
            var reason = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error && (d.Location?.ToString() ?? "").StartsWith(code + ",", StringComparison.Ordinal));
            TextLines.Write(console, $"{code} INVALIDO: {reason?.Message ?? "sus ponderaciones no permiten calcular el desempeño."}", indent: 2);
        }
    }

    private static void WriteDiagnostics(IAnsiConsole console, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            console.WriteLine("Sin observaciones.");
            return;
        }

        console.WriteLine($"Observaciones ({diagnostics.Count}):");
        foreach (var diagnostic in diagnostics)
        {
            WriteObservation(console, diagnostic.Severity, diagnostic.Location?.ToString() ?? "documento", diagnostic.Code, diagnostic.Message, file: null);
        }
    }

    // One observation: severity, where and its code on one line, the message wrapped below it.
    private static void WriteObservation(IAnsiConsole console, Severity severity, string location, string code, string message, string? file)
    {
        var (word, color) = severity switch
        {
            Severity.Error => ("error", Color.Red),
            Severity.Warning => ("advertencia", Color.Yellow),
            _ => ("aviso", Color.Default),
        };
        TextLines.Write(console, $"{word} · {(file is null ? "" : file + " · ")}{location} · {code}", indent: 2, style: new Style(color));
        TextLines.Write(console, message, indent: 6);
    }
}
