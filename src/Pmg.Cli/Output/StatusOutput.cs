using System.Globalization;
using Pmg.Pipeline.Status;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Domain.Text;
using Spectre.Console;

namespace Pmg.Cli.Output;

/// <summary>The Spanish tables of `pmg status`.</summary>
internal static class StatusOutput
{
    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    /// <summary>A moment as a person in Chile reads it, in the given zone (Pmg:TimeZone): "29-11-2026 02:05".</summary>
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

        // Lists rather than tables: a reason, a recipient's address or a subject is never cut at 80 columns.
        if (status.Problems.Count > 0)
        {
            console.Write(new Rule("Subidas rechazadas o fallidas").LeftJustified());
            foreach (var problem in status.Problems)
            {
                console.Write(new Markup(problem.Outcome == "failed" ? "[red]FALLIDO[/]" : "[red]RECHAZADO[/]"));
                TextLines.Write(console, $" {When(problem.UploadedAt, zone)} · {(problem.Region is { } r ? RegionNames.Label(r.Code, r.Name) : "región desconocida")}");
                TextLines.Write(console, problem.BlobName, indent: 2);
                foreach (var reason in problem.Reasons)
                {
                    TextLines.Write(console, "• " + reason, indent: 2);
                }
            }
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
            foreach (var failed in status.FailedNotifications)
            {
                var attempts = failed.Attempts == 1 ? "1 intento" : failed.Attempts.ToString(Chile) + " intentos";
                TextLines.Write(console, $"{When(failed.UpdatedAt, zone)} · {(failed.Kind == "digest" ? "alerta" : "acuse")} · {failed.Region ?? "—"} · {attempts}");
                TextLines.Write(console, "Para: " + failed.Recipient, indent: 2);
                TextLines.Write(console, "Asunto: " + failed.Subject, indent: 2);
                TextLines.Write(console, "Error: " + (failed.Error ?? "—"), indent: 2);
            }
        }
    }

    private static void WriteServiceYear(IAnsiConsole console, ServiceYearStatus serviceYear, TimeZoneInfo zone)
    {
        console.Write(new Rule(Markup.Escape($"{serviceYear.Service} {serviceYear.Year.ToString(CultureInfo.InvariantCulture)}")).LeftJustified());

        // The table holds what is compared across regions (a programme's performance over its status); each region's
        // file, upload and observations follow below it, so the table fits in 80 columns with III.1 to III.3.
        var sections = serviceYear.Regions.SelectMany(r => r.Programs).Select(p => p.Section).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().Border(TableBorder.Minimal).AddColumn(new TableColumn("Región").NoWrap());
        foreach (var section in sections)
        {
            table.AddColumn(new TableColumn(section).RightAligned().NoWrap());
        }

        table.AddColumn(new TableColumn("En riesgo").RightAligned().NoWrap());
        foreach (var region in serviceYear.Regions)
        {
            var cells = new List<Spectre.Console.Rendering.IRenderable> { new Text(RegionNames.Label(region.Region.Code, region.Region.Name)) };
            foreach (var section in sections)
            {
                cells.Add(region.Programs.FirstOrDefault(p => p.Section == section) is { } program
                    ? new Markup($"{Markup.Escape(HumanOutput.Performance(program.Performance))}\n{StatusMarkup(program.Status)}")
                    : new Text("—"));
            }

            cells.Add(new Text(region.AtRisk is { } n ? n.ToString(Chile) : "—"));
            table.AddRow(cells);
        }

        console.Write(table);
        foreach (var region in serviceYear.Regions)
        {
            var by = region.Uploader is { } u ? " por " + u : "";
            TextLines.Write(console, $"{RegionNames.Label(region.Region.Code, region.Region.Name)}: {region.File}, subido el {When(region.UploadedAt, zone)}{by}; {Observations(region)}.", indent: 2);
        }

        console.WriteLine("  (En riesgo: actividades en riesgo de la región.)");
        var national = serviceYear.National;
        if (national.Programs.Count == 0)
        {
            return;
        }

        var source = national.Source == NationalSources.Recalculation
            ? "según el recálculo del " + When(national.CalculatedAt ?? default, zone) + (national.UpToDate ? "" : " (hay subidas posteriores: se actualizará en el próximo recálculo)")
            : "calculado ahora con los estados regionales vigentes (aún no hay recálculo registrado)";
        console.WriteLine();
        TextLines.Write(console, $"Resultado nacional, {source}:");
        var nationalTable = HumanOutput.NationalTable();
        foreach (var program in national.Programs)
        {
            nationalTable.AddRow(
                new Text(SectionExtensions.TryParseCode(program.Section, out var section) ? $"{program.Section} {section.ShortName()}" : program.Section),
                new Markup(StatusMarkup(program.Status)),
                new Text(program.Regions.ToString(Chile)),
                new Text(program.Complying.ToString(Chile)));
        }

        console.Write(nationalTable);
        foreach (var program in national.Programs.Where(p => p.Missing.Count > 0))
        {
            TextLines.WriteList(console, $"{program.Section}, sin formulario:", program.Missing.Select(code => RegionCatalog.FindByCode(code)?.Name ?? code), indent: 2);
        }
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
