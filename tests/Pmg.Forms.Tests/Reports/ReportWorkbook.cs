using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Reports;
using Pmg.Forms.Reports;

namespace Pmg.Forms.Tests.Reports;

/// <summary>Writes a consolidated workbook to memory and reads its cells back, as the report tests assert them.</summary>
internal static class ReportWorkbook
{
    public static SpreadsheetDocument WriteAndReopen(ConsolidatedReport report)
    {
        var stream = new MemoryStream();
        ConsolidatedReportWriter.Write(stream, report);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    public static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    public static Cell? CellAt(Worksheet worksheet, string reference) =>
        worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    public static string? TextAt(Worksheet worksheet, string reference) => CellAt(worksheet, reference)?.InlineString?.InnerText;
}
