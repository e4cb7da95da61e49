using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Model;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;

namespace Pmg.Forms.Reports;

/// <summary>Writes a <see cref="ConsolidatedReport"/> as an .xlsx workbook: sheets Nacional, Regiones, Actividades en riesgo (when present), Observaciones.</summary>
public static class ConsolidatedReportWriter
{
    /// <summary>The sheet names, in workbook order.</summary>
    public static class SheetNames
    {
        /// <summary>National result per programme.</summary>
        public const string National = "Nacional";

        /// <summary>Region × programme table.</summary>
        public const string Regions = "Regiones";

        /// <summary>Activities at risk (only when the report carries them).</summary>
        public const string AtRisk = "Actividades en riesgo";

        /// <summary>Diagnostics of every file.</summary>
        public const string Observations = "Observaciones";
    }

    /// <summary>Writes the workbook to <paramref name="output"/> (left open).</summary>
    public static void Write(Stream output, ConsolidatedReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);

        // A new sheet (e.g. "Actividades en riesgo") is one more SheetTable built from a new ConsolidatedReport property.
        SheetTable[] sheets = report.AtRisk is { } atRisk
            ? [NationalSheet(report), RegionsSheet(report), AtRiskSheet(atRisk), ObservationsSheet(report)]
            : [NationalSheet(report), RegionsSheet(report), ObservationsSheet(report)];

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = ReportStyles.CreateStylesheet();

        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var table in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = table.ToWorksheet();
            sheetList.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = sheetId++,
                Name = table.Name,
            });
        }

        workbookPart.Workbook.Save();
    }

    private static SheetTable NationalSheet(ConsolidatedReport report)
    {
        var table = new SheetTable(SheetNames.National, ["Sección", "Programa", "Estado", "Regiones", "Regiones que cumplen"], [10, 34, 14, 12, 22]);
        table.MarkStatusColumn(2);
        if (report.Header is { } header)
        {
            table.AddTitleLine(ReportCell.Styled(header.Title, ReportStyles.Title));
            table.AddTitleLine(ReportCell.Text("Servicio: " + header.Service));
            table.AddTitleLine(ReportCell.Text("Año: " + header.Year));
            table.AddTitleLine(ReportCell.Text("Generado el " + header.GeneratedAt));
            table.AddTitleLine(ReportCell.Styled("Reglas aplicadas:", ReportStyles.Bold));
            foreach (var line in header.Rules)
            {
                table.AddTitleLine(ReportCell.Text(line));
            }
        }

        foreach (var result in report.National)
        {
            table.AddRow(
                ReportCell.Text(result.Section.Code()),
                ReportCell.Text(result.Section.ShortName()),
                ReportCell.Status(result.Status),
                ReportCell.Number(result.Regions),
                ReportCell.Number(result.Complying));
        }

        return table;
    }

    private static SheetTable RegionsSheet(ConsolidatedReport report)
    {
        var headers = new List<string> { "Código", "Región", "Año", "Archivo", "Cuenta a nivel nacional" };
        var widths = new List<double> { 10, 26, 8, 36, 14 };
        foreach (var section in report.Sections)
        {
            headers.Add(section.Code() + " Desempeño");
            headers.Add(section.Code() + " Estado");
            widths.Add(16);
            widths.Add(14);
        }

        var table = new SheetTable(SheetNames.Regions, headers, widths);
        for (var i = 0; i < report.Sections.Count; i++)
        {
            table.MarkStatusColumn(6 + (2 * i));
        }

        foreach (var entry in report.Regions)
        {
            var cells = new List<ReportCell>
            {
                ReportCell.Text(entry.Region?.Code),
                ReportCell.Text(entry.Region?.Name),
                entry.Year is { } year ? ReportCell.Number(year) : ReportCell.Empty,
                ReportCell.Text(entry.File),
                ReportCell.Text(entry.CountsNationally ? "Sí" : "No"),
            };
            foreach (var section in report.Sections)
            {
                var program = entry.Program(section);
                cells.Add(program?.DisplayPerformance is { } performance ? ReportCell.Percent(performance) : ReportCell.Empty);
                cells.Add(program is null ? ReportCell.Empty : ReportCell.Status(program.Status));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static SheetTable AtRiskSheet(IReadOnlyList<AtRiskRow> rows)
    {
        var table = new SheetTable(SheetNames.AtRisk, ["Región", "Programa", "Objetivo", "Actividad", "Unidad", "Correo de contacto", "Motivo", "Cita"], [24, 10, 50, 60, 32, 36, 60, 50]);
        foreach (var row in rows)
        {
            table.AddRow(
                ReportCell.Text(row.RegionName),
                ReportCell.Text(row.Section.Code()),
                ReportCell.Text(row.Objective),
                ReportCell.Text(row.Activity),
                ReportCell.Text(row.Unit),
                ReportCell.Text(row.Emails.Count > 0 ? string.Join("; ", row.Emails) : "sin contacto"),
                ReportCell.Text(row.Reason),
                ReportCell.Text(row.Quote));
        }

        return table;
    }

    private static SheetTable ObservationsSheet(ConsolidatedReport report)
    {
        var table = new SheetTable(SheetNames.Observations, ["Archivo", "Región", "Severidad", "Código", "Mensaje", "Ubicación"], [36, 10, 13, 26, 90, 40]);
        foreach (var observation in report.Observations)
        {
            table.AddRow(
                ReportCell.Text(observation.File),
                ReportCell.Text(observation.RegionCode),
                ReportCell.Text(observation.Severity.Spanish()),
                ReportCell.Text(observation.Code),
                ReportCell.Text(observation.Message),
                ReportCell.Text(observation.Location));
        }

        return table;
    }
}
