using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Rules;

namespace Pmg.Forms.Reports;

/// <summary>
/// One sheet as optional title lines, a header row and data rows; renders a worksheet with a bold header (frozen when
/// it is the first row), column widths, a filter and conditional formatting of the status columns.
/// </summary>
internal sealed class SheetTable(string name, IReadOnlyList<string> headers, IReadOnlyList<double> widths)
{
    private readonly List<ReportCell[]> _rows = [];
    private readonly List<ReportCell> _titleLines = [];
    private readonly List<int> _statusColumns = [];

    public string Name { get; } = name;

    public IReadOnlyList<string> Headers { get; } = headers;

    /// <summary>The row of the header: 1, or the row after the title lines and a blank row.</summary>
    public int HeaderRow => _titleLines.Count == 0 ? 1 : _titleLines.Count + 2;

    public void AddRow(params ReportCell[] cells) => _rows.Add(cells);

    /// <summary>A line of the title block above the table, in column A.</summary>
    public void AddTitleLine(ReportCell line) => _titleLines.Add(line);

    /// <summary>Marks a column (0-based) as holding statuses: its data cells get the status colour rules.</summary>
    public void MarkStatusColumn(int index) => _statusColumns.Add(index);

    public Worksheet ToWorksheet()
    {
        var worksheet = new Worksheet();
        var first = ColumnName(0) + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture);

        // A frozen header keeps long tables readable; above a title block it would freeze most of the screen instead.
        if (_titleLines.Count == 0)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = 1D,
                    TopLeftCell = first,
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = first, SequenceOfReferences = new ListValue<StringValue> { InnerText = first } })
            {
                WorkbookViewId = 0U,
            }));
        }

        var columns = new Columns();
        for (var i = 0; i < widths.Count; i++)
        {
            var index = (uint)(i + 1);
            columns.Append(new Column { Min = index, Max = index, Width = widths[i], CustomWidth = true });
        }

        var data = new SheetData();
        for (var i = 0; i < _titleLines.Count; i++)
        {
            data.Append(BuildRow((uint)(i + 1), [_titleLines[i]]));
        }

        var headerRow = (uint)HeaderRow;
        data.Append(BuildRow(headerRow, Headers.Select(ReportCell.Header).ToArray()));
        for (var i = 0; i < _rows.Count; i++)
        {
            data.Append(BuildRow(headerRow + 1 + (uint)i, _rows[i]));
        }

        // A filter on the header row lets a coordinator sort and filter by region, status or code.
        var lastRow = (HeaderRow + _rows.Count).ToString(CultureInfo.InvariantCulture);
        worksheet.Append(columns, data, new AutoFilter { Reference = "A" + HeaderRow.ToString(CultureInfo.InvariantCulture) + ":" + ColumnName(Headers.Count - 1) + lastRow });

        if (_rows.Count > 0 && _statusColumns.Count > 0)
        {
            var ranges = _statusColumns.Select(c => ColumnName(c) + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture) + ":" + ColumnName(c) + lastRow);
            worksheet.Append(ReportStyles.StatusConditionalFormatting(ranges));
        }

        return worksheet;
    }

    private static Row BuildRow(uint rowIndex, ReportCell[] cells)
    {
        var row = new Row { RowIndex = rowIndex };
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].ToCell(ColumnName(i) + rowIndex.ToString(CultureInfo.InvariantCulture)) is { } cell)
            {
                row.Append(cell);
            }
        }

        return row;
    }

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}

/// <summary>A cell value with its style: text (always an inline string, never a formula), number, percent or status.</summary>
internal sealed record ReportCell(string? TextValue, decimal? NumberValue, uint StyleIndex)
{
    public static ReportCell Empty { get; } = new(null, null, ReportStyles.Default);

    public static ReportCell Header(string text) => new(text, null, ReportStyles.Header);

    /// <summary>
    /// A text cell. Text that a spreadsheet could take for a formula (leading = + - @, tab or CR) gets the
    /// quote-prefix style, so it stays text even when a user edits the cell or exports the sheet.
    /// </summary>
    public static ReportCell Text(string? text) =>
        new(text, null, IsFormulaLike(text) ? ReportStyles.QuotedText : ReportStyles.Default);

    /// <summary>A text cell in a given style (title lines), quoted like <see cref="Text"/> when it looks like a formula.</summary>
    public static ReportCell Styled(string text, uint style) =>
        IsFormulaLike(text) ? Text(text) : new(text, null, style);

    public static ReportCell Number(decimal value) => new(null, value, ReportStyles.Default);

    /// <summary>A performance in points (96.00) shown as a percentage (96,00 %).</summary>
    public static ReportCell Percent(decimal points) => new(null, points / 100m, ReportStyles.Percent);

    public static ReportCell Status(ProgramStatus status) => new(status.Label(), null, ReportStyles.ForStatus(status));

    internal static bool IsFormulaLike(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public Cell? ToCell(string reference)
    {
        if (NumberValue is { } number)
        {
            return new Cell
            {
                CellReference = reference,
                StyleIndex = StyleIndex,
                DataType = CellValues.Number,
                CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
            };
        }

        if (string.IsNullOrEmpty(TextValue))
        {
            return null;
        }

        return new Cell
        {
            CellReference = reference,
            StyleIndex = StyleIndex,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(TextValue) { Space = SpaceProcessingModeValues.Preserve }),
        };
    }
}
