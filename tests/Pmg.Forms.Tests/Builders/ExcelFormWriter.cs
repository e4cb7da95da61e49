using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Model;

namespace Pmg.Forms.Tests.Builders;

/// <summary>Renders a <see cref="FormBuilder"/> as a workbook with a sheet per section; text as shared strings.</summary>
internal static class ExcelFormWriter
{
    private const uint CustomPercentFormatId = 164;

    public static byte[] Write(FormBuilder form)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            AddStyles(workbookPart);
            var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
            uint sheetId = 1;
            foreach (var section in form.Sections)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                sheetPart.Worksheet = Sheet(form, section, strings, sheetId == 1);
                workbookPart.Workbook.Sheets!.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(sheetPart),
                    SheetId = sheetId++,
                    Name = section.Section.Code(),
                });
            }

            strings.Save();
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Sheet(FormBuilder form, SectionBuilder section, SharedStrings strings, bool first)
    {
        var data = new SheetData();
        data.Append(new Row(TextCell("A1", form.Heading(section.Section), strings)) { RowIndex = 1 });
        if (first && form.Service is { } service)
        {
            data.Append(new Row(TextCell("A2", "Servicio:", strings), TextCell("B2", service, strings)) { RowIndex = 2 });
        }

        if (section.Region is { } region)
        {
            data.Append(new Row(TextCell("A3", "REGIÓN (1)", strings), TextCell("B3", region, strings)) { RowIndex = 3 });
        }

        data.Append(new Row(section.OutputTitles.Select((t, c) => TextCell(Reference(5, c), t, strings))) { RowIndex = 5 });
        var merges = new List<string>();
        var rows = section.OutputRows;
        for (var r = 0; r < rows.Count; r++)
        {
            var rowNumber = (uint)(6 + r);
            var row = new Row { RowIndex = rowNumber };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = rows[r][c];
                if (cell.Merged)
                {
                    continue;
                }

                var reference = Reference((int)rowNumber, c);
                row.Append(cell.Number is { } number ? NumberCell(reference, number, cell.NumberFormat) : TextCell(reference, string.Join('\n', cell.Lines), strings));
                var last = r;
                while (last + 1 < rows.Count && rows[last + 1][c].Merged)
                {
                    last++;
                }

                if (last > r)
                {
                    merges.Add(reference + ":" + Reference(6 + last, c));
                }
            }

            data.Append(row);
        }

        if (section.PerformanceLabel is { } label)
        {
            // One blank row below the table, as the forms leave it: the label in A, its value in B.
            var rowNumber = 6 + rows.Count + 1;
            var row = new Row(TextCell(Reference(rowNumber, 0), label, strings)) { RowIndex = (uint)rowNumber };
            var value = section.PerformanceValue;
            if (value.Number is { } number)
            {
                row.Append(NumberCell(Reference(rowNumber, 1), number, value.NumberFormat));
            }
            else if (value.Lines.Count > 0)
            {
                row.Append(TextCell(Reference(rowNumber, 1), string.Join('\n', value.Lines), strings));
            }

            data.Append(row);
        }

        if (form.OmitsCellReferences)
        {
            foreach (var row in data.Elements<Row>())
            {
                row.RowIndex = null;
                foreach (var cell in row.Elements<Cell>())
                {
                    cell.CellReference = null;
                }
            }
        }

        var worksheet = new Worksheet(data);
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }

        return worksheet;
    }

    private static Cell TextCell(string reference, string text, SharedStrings strings) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(text)) };

    // Style 1: built-in 9 (0%); style 2: custom "0.0%"; style 0: General.
    private static Cell NumberCell(string reference, decimal value, string? format) => new()
    {
        CellReference = reference,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
        StyleIndex = format switch
        {
            null => 0U,
            "9" => 1U,
            _ => 2U,
        },
    };

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = CustomPercentFormatId, FormatCode = "0.0%" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0 },
                new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = CustomPercentFormatId, ApplyNumberFormat = true }) { Count = 3 });
        styles.Stylesheet.Save();
    }

    private static string Reference(int row, int column) => ((char)('A' + column)).ToString() + row.ToString(CultureInfo.InvariantCulture);

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly List<string> items = [];

        public int Index(string text)
        {
            var index = items.IndexOf(text);
            if (index >= 0)
            {
                return index;
            }

            items.Add(text);
            return items.Count - 1;
        }

        public void Save()
        {
            part.SharedStringTable = new SharedStringTable(items.Select(t => new SharedStringItem(new Text(t) { Space = SpaceProcessingModeValues.Preserve })));
            part.SharedStringTable.Save();
        }
    }
}
