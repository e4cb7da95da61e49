using System.Globalization;
using Pmg.Pipeline.Status;
using Pmg.Domain.Rules;
using Pmg.Domain.Text;
using Spectre.Console;

namespace Pmg.Cli.Output;

/// <summary>The Spanish tables of `pmg status`.</summary>
internal static class StatusOutput
{
    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    /// <summary>A moment as a person in Chile reads it, in the workstation's time zone: "29-11-2026 02:05".</summary>
    public static string When(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("dd-MM-yyyy HH:mm", Chile);

    public static void Write(IAnsiConsole console, StatusReport status, TimeZoneInfo zone)
    {
        if (status.ServiceYears.Count == 0 && status.Problems.Count == 0 && status.Unprocessed.Count == 0)
        {
            console.MarkupLine("No hay formularios registrados para este filtro.");
        }

        foreach (var serviceYear in status.ServiceYears)
        {
            WriteServiceYear(console, serviceYear, zone);
        }

        if (status.Problems.Count > 0)
        {
            console.Write(new Rule("Subidas rechazadas o fallidas").LeftJustified());
            var table = new Table().Border(TableBorder.Minimal)
                .AddColumns("Subido", "Archivo", "Región", "Resultado", "Motivos");
            foreach (var problem in status.Problems)
            {
                table.AddRow(
                    new Text(When(problem.UploadedAt, zone)),
                    new Text(problem.BlobName),
                    new Text(problem.Region?.Name ?? "—"),
                    new Markup(problem.Outcome == "failed" ? "[red]FALLIDO[/]" : "[red]RECHAZADO[/]"),
                    new Text(string.Join(Environment.NewLine, problem.Reasons.Select(r => "• " + r))));
            }

            console.Write(table);
        }

        if (status.Unprocessed.Count > 0)
        {
            // Blobs the trigger has not recorded: the reconciliation sweep (pmg recalc, the timer, the local host) ingests them.
            console.Write(new Rule("Subidas sin procesar").LeftJustified());
            var table = new Table().Border(TableBorder.Minimal)
                .AddColumns("Subido", "Archivo", "Región", "Estado");
            foreach (var waiting in status.Unprocessed)
            {
                table.AddRow(
                    new Text(When(waiting.UploadedAt, zone)),
                    new Text(waiting.BlobName),
                    new Text(waiting.Region?.Name ?? "—"),
                    new Markup("[yellow]sin procesar[/] " + Markup.Escape(WaitingText.Ago(waiting.WaitingSeconds))));
            }

            console.Write(table);
            console.MarkupLine("[grey]pmg recalc las procesa ahora.[/]");
        }

        if (status.FailedNotifications.Count > 0)
        {
            console.Write(new Rule("Correos no enviados").LeftJustified());
            var table = new Table().Border(TableBorder.Minimal)
                .AddColumns("Fecha", "Tipo", "Región", "Destinatario", "Asunto", "Intentos", "Error");
            foreach (var failed in status.FailedNotifications)
            {
                table.AddRow(
                    When(failed.UpdatedAt, zone),
                    failed.Kind == "digest" ? "alerta" : "acuse",
                    Markup.Escape(failed.Region ?? "—"),
                    Markup.Escape(failed.Recipient),
                    Markup.Escape(failed.Subject),
                    failed.Attempts.ToString(Chile),
                    Markup.Escape(failed.Error ?? "—"));
            }

            console.Write(table);
        }
    }

    private static void WriteServiceYear(IAnsiConsole console, ServiceYearStatus serviceYear, TimeZoneInfo zone)
    {
        console.Write(new Rule(Markup.Escape($"{serviceYear.Service} {serviceYear.Year.ToString(CultureInfo.InvariantCulture)}")).LeftJustified());
        var sections = serviceYear.Regions.SelectMany(r => r.Programs).Select(p => p.Section).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().Border(TableBorder.Minimal).AddColumns("Región", "Archivo vigente", "Subido", "Observaciones");
        foreach (var section in sections)
        {
            table.AddColumn(section);
        }

        table.AddColumn("En riesgo");
        foreach (var region in serviceYear.Regions)
        {
            var cells = new List<Spectre.Console.Rendering.IRenderable>
            {
                new Text($"{region.Region.Name} ({region.Region.Code})"),
                new Text(region.File),
                new Text(When(region.UploadedAt, zone) + (region.Uploader is { } u ? Environment.NewLine + u : "")),
                new Text(Observations(region)),
            };
            foreach (var section in sections)
            {
                cells.Add(region.Programs.FirstOrDefault(p => p.Section == section) is { } program
                    ? new Markup($"{Markup.Escape(HumanOutput.Performance(program.Performance))} {StatusMarkup(program.Status)}")
                    : new Text("—"));
            }

            cells.Add(new Text(region.AtRisk is { } n ? n.ToString(Chile) + (n == 1 ? " actividad" : " actividades") : "—"));
            table.AddRow(cells);
        }

        console.Write(table);

        var national = serviceYear.National;
        if (national.Programs.Count == 0)
        {
            return;
        }

        var source = national.Source == NationalSources.Recalculation
            ? "según el recálculo del " + When(national.CalculatedAt ?? default, zone) + (national.UpToDate ? "" : " (hay subidas posteriores: se actualizará en el próximo recálculo)")
            : "calculado ahora con los estados regionales vigentes (aún no hay recálculo registrado)";
        console.MarkupLineInterpolated($"[bold]Resultado nacional[/] — {source}");
        var nationalTable = new Table().Border(TableBorder.Minimal).AddColumns("Programa", "Estado", "Regiones", "Cumplen", "Sin formulario");
        foreach (var program in national.Programs)
        {
            nationalTable.AddRow(
                new Text(program.Section),
                new Markup(StatusMarkup(program.Status)),
                new Text(program.Regions.ToString(Chile)),
                new Text(program.Complying.ToString(Chile)),
                new Text(program.Missing.Count == 0 ? "—" : string.Join(", ", program.Missing)));
        }

        console.Write(nationalTable);
    }

    private static string Observations(RegionStatus region)
    {
        var parts = new List<string>();
        if (region.Errors > 0)
        {
            parts.Add(region.Errors == 1 ? "1 error" : $"{region.Errors.ToString(Chile)} errores");
        }

        if (region.Warnings > 0)
        {
            parts.Add(region.Warnings == 1 ? "1 advertencia" : $"{region.Warnings.ToString(Chile)} advertencias");
        }

        return parts.Count == 0 ? "aceptado" : "aceptado, " + string.Join(", ", parts);
    }

    private static string StatusMarkup(string label) => ProgramStatusExtensions.ParseLabel(label) switch
    {
        ProgramStatus.Cumple => "[green]CUMPLE[/]",
        ProgramStatus.NoCumple => "[red]NO CUMPLE[/]",
        ProgramStatus.Pendiente => "[yellow]PENDIENTE[/]",
        _ => "[grey]INVALIDO[/]",
    };
}
