using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Styles = Pmg.Forms.Templates.ExcelTemplateStyles;

namespace Pmg.Forms.Templates;

/// <summary>One worksheet being written: cells by row and column, merges, validations, the frozen header.</summary>
internal sealed class ExcelSheetWriter
{
    private readonly SortedDictionary<int, SortedDictionary<int, Cell>> rows = [];
    private readonly List<(int Row, int Column, string Text)> wrapped = [];
    private readonly List<(int Top, int Bottom, int Column)> verticalMerges = [];
    private readonly List<string> merges = [];
    private readonly List<DataValidation> validations = [];
    private readonly List<ConditionalFormatting> highlights = [];
    private int frozenRows;

    public IReadOnlyList<double> Widths { get; set; } = [];

    public static string Reference(int row, int column) => ExcelReference(row, column);

    public void Text(int row, int column, string text, uint style)
    {
        var cell = new Cell { CellReference = Reference(row, column), StyleIndex = style };
        if (text.Length > 0)
        {
            if (Wraps(style))
            {
                wrapped.Add((row, column, text));
            }

            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }

        Put(row, column, cell);
    }

    public void Number(int row, int column, decimal value, uint style) =>
        Put(row, column, new Cell { CellReference = Reference(row, column), StyleIndex = style, CellValue = new CellValue(Format(value)) });

    /// <summary>A formula with its cached value: a number, or the empty text when null.</summary>
    public void Formula(int row, int column, string formula, decimal? cached, uint style)
    {
        var cell = new Cell { CellReference = Reference(row, column), StyleIndex = style, CellFormula = new CellFormula(formula) };
        if (cached is { } value)
        {
            cell.CellValue = new CellValue(Format(value));
        }
        else
        {
            cell.DataType = CellValues.String;
            cell.CellValue = new CellValue(string.Empty);
        }

        Put(row, column, cell);
    }

    public void Merge(int top, int left, int bottom, int right)
    {
        merges.Add(Reference(top, left) + ":" + Reference(bottom, right));
        if (bottom > top && left == right)
        {
            verticalMerges.Add((top, bottom, left));
        }
    }

    public void FreezeBelow(int row) => frozenRows = row;

    public void ListValidation(string range, IReadOnlyList<string> items, string promptTitle, string prompt, string error)
    {
        var validation = new DataValidation(new Formula1("\"" + string.Join(',', items) + "\"")) { Type = DataValidationValues.List };
        validations.Add(Stopping(validation, range, promptTitle, prompt, error));
    }

    public void FractionValidation(string range, string promptTitle, string prompt, string error)
    {
        var validation = new DataValidation(new Formula1("0"), new Formula2("1")) { Type = DataValidationValues.Decimal, Operator = DataValidationOperatorValues.Between };
        validations.Add(Stopping(validation, range, promptTitle, prompt, error));
    }

    // A validation that may be left blank, prompts when the cell is selected and refuses (Stop) what breaks it.
    private static DataValidation Stopping(DataValidation validation, string range, string promptTitle, string prompt, string error)
    {
        validation.AllowBlank = true;
        validation.ShowInputMessage = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = DataValidationErrorStyleValues.Stop;
        validation.PromptTitle = promptTitle;
        validation.Prompt = prompt;
        validation.ErrorTitle = promptTitle;
        validation.Error = error;
        validation.SequenceOfReferences = new ListValue<StringValue> { InnerText = range };
        return validation;
    }

    public void HighlightWhen(string cell, string condition) =>
        highlights.Add(new ConditionalFormatting(
            new ConditionalFormattingRule(new Formula(condition)) { Type = ConditionalFormatValues.Expression, FormatId = Styles.TotalOutOfLineFormat, Priority = highlights.Count + 1 })
        {
            SequenceOfReferences = new ListValue<StringValue> { InnerText = cell },
        });

    public Worksheet ToWorksheet(bool selected)
    {
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(View(selected)),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            Columns(),
            Data(),

            // No password: protection keeps titles and formulas from being overwritten by mistake, not from a decision to change them.
            new SheetProtection
            {
                Sheet = true,
                Objects = true,
                Scenarios = true,
                FormatColumns = false,
                FormatRows = false,
                InsertRows = false,
                DeleteRows = false,
            });
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        }

        worksheet.Append(highlights);
        if (validations.Count > 0)
        {
            worksheet.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        }

        worksheet.Append(
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }

    private SheetView View(bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected ? true : null };
        if (frozenRows == 0)
        {
            return view;
        }

        var topLeft = Reference(frozenRows + 1, 0);
        view.Append(
            new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        return view;
    }

    private DocumentFormat.OpenXml.Spreadsheet.Columns Columns()
    {
        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns();
        for (var i = 0; i < Widths.Count; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Widths[i], CustomWidth = true });
        }

        return columns;
    }

    private SheetData Data()
    {
        var heights = RowHeights();
        var data = new SheetData();
        foreach (var (index, cells) in rows)
        {
            var row = new Row(cells.Values) { RowIndex = (uint)index };
            if (heights.TryGetValue(index, out var height))
            {
                row.Height = height;
                row.CustomHeight = true;
            }

            data.Append(row);
        }

        return data;
    }

    // Neither Excel nor LibreOffice fits a row to wrapped text written by another program, so each row with
    // wrapped text gets the height its longest cell needs (estimated from the column's width); a text merged
    // down over several rows spreads its height over them.
    private Dictionary<int, double> RowHeights()
    {
        var heights = new Dictionary<int, double>();
        var spans = verticalMerges.ToDictionary(m => (m.Top, m.Column), m => m.Bottom);
        var tall = new List<(int Top, int Bottom, double Height)>();
        foreach (var (row, column, text) in wrapped)
        {
            var height = LineHeight * Lines(text, column < Widths.Count ? Widths[column] : 10);
            if (spans.TryGetValue((row, column), out var bottom))
            {
                tall.Add((row, bottom, height));
                continue;
            }

            heights[row] = Math.Max(heights.GetValueOrDefault(row, LineHeight), height);
        }

        foreach (var (top, bottom, height) in tall)
        {
            var covered = Enumerable.Range(top, bottom - top + 1).Sum(r => heights.GetValueOrDefault(r, LineHeight));
            if (covered < height)
            {
                heights[bottom] = heights.GetValueOrDefault(bottom, LineHeight) + (height - covered);
            }
        }

        return heights;
    }

    // Lines a text takes in a column: a Calibri 11 letter is about 0.85 of the "0" that measures a column's width,
    // and wrapping at words leaves the end of each line short.
    private static int Lines(string text, double width)
    {
        var perLine = Math.Max(1, (int)(width * 1.05) - 2);
        return text.Split('\n').Sum(line => Math.Max(1, (line.Length + perLine - 1) / perLine));
    }

    private const double LineHeight = 15;

    private static bool Wraps(uint style) => style is Styles.InputText or Styles.Header or Styles.Label or Styles.FixedValue or Styles.Category;

    private void Put(int row, int column, Cell cell)
    {
        if (!rows.TryGetValue(row, out var cells))
        {
            cells = [];
            rows[row] = cells;
        }

        cells[column] = cell;
    }

    // Without trailing zeros: 0.6 + 0.4 is written "1", not "1.0".
    private static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string ExcelReference(int row, int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
