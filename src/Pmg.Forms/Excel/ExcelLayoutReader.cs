using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Model;
using Pmg.Forms.Layout;

namespace Pmg.Forms.Excel;

/// <summary>
/// Turns a workbook into the neutral layout: per sheet, its name as a paragraph and its rows as one table.
/// Shared and inline strings are read, line breaks split a cell into lines, vertically merged ranges mark the
/// covered cells as continuing the one above, and numbers keep whether they are shown as a percentage.
/// </summary>
internal static class ExcelLayoutReader
{
    // Built-in number formats 9 ("0%") and 10 ("0.00%").
    private static readonly HashSet<uint> PercentBuiltIns = [9, 10];

    // The sheet's size in Excel: 1,048,576 rows by 16,384 columns (XFD).
    private const uint MaxRows = 1_048_576;
    private const int MaxColumns = 16_384;

    /// <summary>Reads every worksheet of an opened workbook, in tab order.</summary>
    public static FormLayout Read(SpreadsheetDocument document)
    {
        var blocks = new List<LayoutBlock>();
        var workbookPart = document.WorkbookPart;
        var sheets = workbookPart?.Workbook?.Sheets?.Elements<Sheet>() ?? [];
        var sharedStrings = workbookPart?.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
        var percentStyles = PercentStyleIndexes(workbookPart?.WorkbookStylesPart?.Stylesheet);
        foreach (var sheet in sheets)
        {
            if (sheet.Id?.Value is not { } id || !workbookPart!.TryGetPartById(id, out var found) || found is not WorksheetPart part || part.Worksheet is null)
            {
                continue;
            }

            blocks.Add(new LayoutParagraph(sheet.Name?.Value ?? ""));
            blocks.Add(ReadSheet(part.Worksheet, sharedStrings, percentStyles));
        }

        return new FormLayout(FormFormat.Excel, blocks);
    }

    private static LayoutTable ReadSheet(Worksheet worksheet, List<string> sharedStrings, HashSet<uint> percentStyles)
    {
        // Row and cell references are optional in SpreadsheetML: without them a row follows the previous one and a
        // cell the previous cell.
        var cellsByRow = new SortedDictionary<int, SortedDictionary<int, LayoutCell>>();
        var rowNumber = 0;
        foreach (var row in worksheet.Descendants<Row>())
        {
            rowNumber = row.RowIndex?.Value is { } index and <= MaxRows ? (int)index : rowNumber + 1;
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = TryParseReference(cell.CellReference?.Value, out _, out var referenced) ? referenced : column + 1;
                if (column >= MaxColumns)
                {
                    continue;
                }

                Row(cellsByRow, rowNumber)[column] = ReadCell(cell, Reference(rowNumber, column), column, sharedStrings, percentStyles);
            }
        }

        foreach (var merge in worksheet.Descendants<MergeCell>())
        {
            ApplyMerge(merge.Reference?.Value, cellsByRow);
        }

        var rows = cellsByRow.Values.Select(cells => new LayoutRow([.. cells.Values])).ToList();
        return new LayoutTable(rows);
    }

    // A range spanning columns widens its top-left cell; rows below the first continue it, like Word's vMerge.
    private static void ApplyMerge(string? range, SortedDictionary<int, SortedDictionary<int, LayoutCell>> cellsByRow)
    {
        var corners = range?.Split(':');
        if (corners is not { Length: 2 }
            || !TryParseReference(corners[0], out var top, out var left)
            || !TryParseReference(corners[1], out var bottom, out var right)
            || bottom < top || right < left)
        {
            return;
        }

        for (var row = top; row <= bottom; row++)
        {
            var cells = Row(cellsByRow, row);
            for (var column = left + 1; column <= right; column++)
            {
                cells.Remove(column);
            }

            var reference = Reference(row, left);
            var existing = cells.GetValueOrDefault(left) ?? new LayoutCell([], left) { Reference = reference };
            cells[left] = existing with { Span = right - left + 1, ContinuesAbove = row > top };
        }
    }

    private static SortedDictionary<int, LayoutCell> Row(SortedDictionary<int, SortedDictionary<int, LayoutCell>> cellsByRow, int row)
    {
        if (!cellsByRow.TryGetValue(row, out var cells))
        {
            cells = [];
            cellsByRow[row] = cells;
        }

        return cells;
    }

    private static LayoutCell ReadCell(Cell cell, string reference, int column, List<string> sharedStrings, HashSet<uint> percentStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        string text;
        decimal? number = null;
        if (type == CellValues.SharedString)
        {
            text = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count
                ? sharedStrings[index]
                : "";
        }
        else if (type == CellValues.InlineString)
        {
            text = cell.InlineString is { } inline ? ItemText(inline) : "";
        }
        else if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
        {
            text = raw;
        }
        else if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) < 1e15)
        {
            // Through double: (decimal) keeps 15 significant digits, so "0.10000000000000001" is 0.1 as Excel shows it.
            number = (decimal)value;
            text = raw;
        }
        else
        {
            text = raw;
        }

        var percent = number is not null && cell.StyleIndex?.Value is { } style && percentStyles.Contains(style);
        if (number is { } shown)
        {
            text = percent ? Display(shown * 100m) + "%" : Display(shown);
        }

        return new LayoutCell(SplitLines(text), column)
        {
            Reference = reference,
            Number = number,
            PercentFormatted = percent,
        };
    }

    private static string Display(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static List<string> SplitLines(string text) => [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r')];

    // Rich text: the runs' texts concatenated; phonetic hints (rPh) are not part of the value.
    private static string ItemText(DocumentFormat.OpenXml.OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Ancestors<PhoneticRun>().FirstOrDefault() is null).Select(t => t.Text));

    private static HashSet<uint> PercentStyleIndexes(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var percentFormats = new HashSet<uint>(PercentBuiltIns);
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && IsPercentCode(format.FormatCode?.Value))
            {
                percentFormats.Add(id);
            }
        }

        uint index = 0;
        foreach (var cellFormat in stylesheet.CellFormats.Elements<CellFormat>())
        {
            if (cellFormat.NumberFormatId?.Value is { } id && percentFormats.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    // A "%" inside quotes or escaped with a backslash is literal text, not a percent format.
    private static bool IsPercentCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\':
                    i++;
                    break;
                case '%' when !quoted:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Parses "G9" into 1-based row 9 and 0-based column 6.</summary>
    internal static bool TryParseReference(string? reference, out int row, out int column)
    {
        row = 0;
        column = -1;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        var letters = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            letters = (letters * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            if (letters > MaxColumns)
            {
                return false;
            }
        }

        if (i == 0 || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) || row < 1)
        {
            return false;
        }

        column = letters - 1;
        return true;
    }

    /// <summary>"G9" from 1-based row 9 and 0-based column 6.</summary>
    internal static string Reference(int row, int column)
    {
        var letters = "";
        var n = column + 1;
        while (n > 0)
        {
            var remainder = (n - 1) % 26;
            letters = (char)('A' + remainder) + letters;
            n = (n - 1) / 26;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
