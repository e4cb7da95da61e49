using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Forms.Assembly;
using Pmg.Forms.Vocabulary;
using Styles = Pmg.Forms.Templates.ExcelTemplateStyles;

namespace Pmg.Forms.Templates;

/// <summary>
/// Writes a form as a workbook with one sheet per section (III.1–III.4), as the seed does: compliance cells with a
/// «Cumple»/«No cumple» list, weight cells numeric in percent with a range check, a live earned weight per row, a
/// live total and "Desempeño Anual Región (%)" per programme, and every cell but the office's input locked by sheet
/// protection (no password: it prevents slips, not edits).
/// </summary>
internal static class ExcelTemplateWriter
{
    // Objectives table columns A–I in form order; III.4's A–F.
    private const char ActivityColumn = 'D';
    private const char WeightColumn = 'G';
    private const char MarkColumn = 'H';
    private const char EarnedColumn = 'I';

    private static readonly double[] ProgramWidths = [45, 35, 25, 45, 25, 25, 13, 14, 13];
    private static readonly double[] ProgressWidths = [26, 45, 45, 35, 35, 25];

    public static void Write(Stream output, Submission content, TemplateLayout layout)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Creator = "Pmg";
        document.PackageProperties.Title = TemplateText.DocumentTitle(content);
        var workbookPart = document.AddWorkbookPart();
        var sheets = new Sheets();
        workbookPart.Workbook = new Workbook(sheets);
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Create();

        uint sheetId = 1;
        foreach (var section in new[] { Section.III1, Section.III2, Section.III3, Section.III4 })
        {
            var sheet = new SheetWriter();
            if (section == Section.III4)
            {
                WriteProgress(sheet, content);
            }
            else
            {
                WriteProgram(sheet, content, content.Program(section) ?? new WorkProgram { Section = section }, layout);
            }

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = sheet.ToWorksheet(selected: sheetId == 1);
            sheets.Append(new Sheet { Name = section.Code(), SheetId = sheetId++, Id = workbookPart.GetIdOfPart(worksheetPart) });
        }
    }

    private static void WriteProgram(SheetWriter sheet, Submission content, WorkProgram program, TemplateLayout layout)
    {
        sheet.Widths = ProgramWidths;
        var row = WriteHeading(sheet, content, program.Section);
        if (program.Section == Section.III2)
        {
            row = WriteBody(sheet, row, content.Year, program.CoordinatingBody) + 1;
        }

        sheet.Merge(row, 0, row, 2);
        sheet.Merge(row, 3, row, 8);
        for (var column = 0; column < 9; column++)
        {
            sheet.Text(row, column, column == 0 ? FormVocabulary.ResultsControl : column == 3 ? FormVocabulary.OperationalControl : "", Styles.Control);
        }

        var header = row + 1;
        var note = FormVocabulary.FirstObjectivesNote(program.Section);
        for (var column = 0; column < FormVocabulary.ObjectivesTableOrder.Count; column++)
        {
            sheet.Text(header, column, FormVocabulary.WithNote(FormVocabulary.Printed(FormVocabulary.ObjectivesTableOrder[column]), note + column), Styles.Header);
        }

        sheet.FreezeBelow(header);
        var first = header + 1;
        var plan = ObjectivesTablePlan.Rows(program, layout);
        for (var i = 0; i < plan.Count; i++)
        {
            WriteObjectivesRow(sheet, first + i, plan[i], layout);
        }

        var last = first + plan.Count - 1;
        var performance = last + 1;
        sheet.Text(performance, 0, FormVocabulary.RegionalPerformanceLabel(program.Section, content.Year), Styles.Label);
        var activities = program.Activities.ToList();
        if (layout == TemplateLayout.RowPerActivity)
        {
            sheet.Formula(performance, 1, ExcelFormulas.Performance(first, last, ActivityColumn, WeightColumn, MarkColumn, EarnedColumn), ExcelFormulas.Performance(activities), Styles.Computed);

            // The total goes below the performance line: a row inside the table would be read as one more activity.
            var total = performance + 1;
            sheet.Text(total, 0, TemplateText.ProgramTotalLabel, Styles.Label);
            sheet.Formula(total, 6, ExcelFormulas.Sum(first, last, WeightColumn), ExcelFormulas.WeightTotal(activities), Styles.Computed);
            sheet.Formula(total, 8, ExcelFormulas.Sum(first, last, EarnedColumn), ExcelFormulas.EarnedTotal(activities), Styles.Computed);
            sheet.HighlightWhen(SheetWriter.Reference(total, 6), ExcelFormulas.TotalOutOfLine("$" + WeightColumn + "$" + total.ToString(CultureInfo.InvariantCulture)));
            sheet.ListValidation(Range(MarkColumn, first, last), [ComplianceVocabulary.CompliedLabel, ComplianceVocabulary.NotCompliedLabel], TemplateText.MarkPromptTitle, TemplateText.MarkPrompt, TemplateText.MarkError);
            sheet.FractionValidation(Range(WeightColumn, first, last), TemplateText.WeightPromptTitle, TemplateText.WeightPrompt, TemplateText.WeightError);
            performance = total;
        }
        else if (program.DeclaredPerformance is { } declared)
        {
            sheet.Number(performance, 1, declared / 100m, Styles.Computed);
        }
        else
        {
            sheet.Text(performance, 1, "", Styles.Computed);
        }

        WriteNotes(sheet, performance + 2, program.Section);
    }

    // Title, service and region: rows 1–3; returns the first row after them and a blank one.
    private static int WriteHeading(SheetWriter sheet, Submission content, Section section)
    {
        sheet.Text(1, 0, FormVocabulary.Heading(section, content.Year), Styles.Title);
        sheet.Text(2, 0, FormVocabulary.ServiceLabel, Styles.Label);
        sheet.Text(2, 1, content.Service, Styles.FixedValue);
        sheet.Text(3, 0, FormVocabulary.RegionLabel, Styles.Label);
        sheet.Text(3, 1, TemplateText.RegionName(content), Styles.FixedValue);
        return 5;
    }

    private static int WriteBody(SheetWriter sheet, int row, int year, CoordinatingBody? body)
    {
        var columns = FormVocabulary.BodyTableOrder;
        for (var column = 0; column < columns.Count; column++)
        {
            var title = string.Format(CultureInfo.InvariantCulture, FormVocabulary.Printed(columns[column]), year);
            sheet.Text(row, column, FormVocabulary.WithNote(title, column + 2), Styles.Header);
        }

        string[] values = body is null
            ? ["", "", "", "", ""]
            : [body.Name, body.Problem, body.Territories, body.Institutions, string.Join('\n', body.Products)];
        for (var column = 0; column < values.Length; column++)
        {
            sheet.Text(row + 1, column, values[column], Styles.InputText);
        }

        return row + 2;
    }

    private static void WriteObjectivesRow(SheetWriter sheet, int row, PlannedRow planned, TemplateLayout layout)
    {
        if (planned.Kind == PlannedRowKind.Category)
        {
            for (var column = 0; column < 9; column++)
            {
                sheet.Text(row, column, column == 0 ? planned.Category! : "", Styles.Category);
            }

            return;
        }

        for (var column = 0; column < 3; column++)
        {
            sheet.Text(row, column, Join(TemplateCells.Lines(planned, FormVocabulary.ObjectivesTableOrder[column])), Styles.InputText);
            if (planned.ObjectiveSpan > 1)
            {
                sheet.Merge(row, column, row + planned.ObjectiveSpan - 1, column);
            }
        }

        for (var column = 3; column < 6; column++)
        {
            sheet.Text(row, column, Join(TemplateCells.Lines(planned, FormVocabulary.ObjectivesTableOrder[column])), Styles.InputText);
        }

        if (layout == TemplateLayout.ActivitiesInOneCell)
        {
            sheet.Text(row, 6, Join(TemplateCells.Lines(planned, ColumnKind.Weight)), Styles.InputText);
            sheet.Text(row, 7, Join(TemplateCells.Lines(planned, ColumnKind.Compliance)), Styles.InputText);
            sheet.Text(row, 8, Join(TemplateCells.Lines(planned, ColumnKind.Earned)), Styles.InputText);
            return;
        }

        var activity = planned.Activities.FirstOrDefault();
        if (activity?.Weight is { } weight)
        {
            sheet.Number(row, 6, weight / 100m, Styles.InputPercent);
        }
        else
        {
            sheet.Text(row, 6, "", Styles.InputPercent);
        }

        sheet.Text(row, 7, activity is null ? "" : TemplateCells.Mark(activity), Styles.InputMark);
        sheet.Formula(row, 8, ExcelFormulas.Earned(row, ActivityColumn, WeightColumn, MarkColumn), activity is null ? null : ExcelFormulas.Earned(activity), Styles.Computed);
    }

    private static void WriteProgress(SheetWriter sheet, Submission content)
    {
        sheet.Widths = ProgressWidths;
        var header = WriteHeading(sheet, content, Section.III4);
        var columns = FormVocabulary.ProgressTableOrder;
        for (var column = 0; column < columns.Count; column++)
        {
            sheet.Text(header, column, FormVocabulary.WithNote(FormVocabulary.Printed(columns[column]), FormVocabulary.ProgressNote(columns[column])), Styles.Header);
        }

        sheet.FreezeBelow(header);
        var row = header + 1;
        foreach (var progress in content.ProgressRows)
        {
            string[] values = [progress.Program, progress.Objective, progress.Progress, progress.AuthorityMeasures, progress.Recommendations, progress.Responsible];
            for (var column = 0; column < values.Length; column++)
            {
                sheet.Text(row, column, values[column], Styles.InputText);
            }

            row++;
        }

        var spare = content.ProgressRows.Count == 0 ? ObjectivesTablePlan.BlankRows : ObjectivesTablePlan.SpareRows;
        for (var i = 0; i < spare; i++, row++)
        {
            for (var column = 0; column < columns.Count; column++)
            {
                sheet.Text(row, column, "", Styles.InputText);
            }
        }

        WriteNotes(sheet, row + 1, Section.III4);
    }

    private static void WriteNotes(SheetWriter sheet, int row, Section section)
    {
        foreach (var note in FormNotes.For(section))
        {
            sheet.Text(row++, 0, note, Styles.Note);
        }
    }

    private static string Join(IReadOnlyList<string> lines) => string.Join('\n', lines);

    private static string Range(char column, int first, int last) =>
        string.Create(CultureInfo.InvariantCulture, $"{column}{first}:{column}{last}");

    /// <summary>One worksheet being written: cells by row and column, merges, validations, the frozen header.</summary>
    private sealed class SheetWriter
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

        public void ListValidation(string range, IReadOnlyList<string> items, string promptTitle, string prompt, string error) =>
            validations.Add(new DataValidation(new Formula1("\"" + string.Join(',', items) + "\""))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowInputMessage = true,
                ShowErrorMessage = true,
                ErrorStyle = DataValidationErrorStyleValues.Stop,
                PromptTitle = promptTitle,
                Prompt = prompt,
                ErrorTitle = promptTitle,
                Error = error,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
            });

        public void FractionValidation(string range, string promptTitle, string prompt, string error) =>
            validations.Add(new DataValidation(new Formula1("0"), new Formula2("1"))
            {
                Type = DataValidationValues.Decimal,
                Operator = DataValidationOperatorValues.Between,
                AllowBlank = true,
                ShowInputMessage = true,
                ShowErrorMessage = true,
                ErrorStyle = DataValidationErrorStyleValues.Stop,
                PromptTitle = promptTitle,
                Prompt = prompt,
                ErrorTitle = promptTitle,
                Error = error,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
            });

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
}
