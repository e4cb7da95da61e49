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
            var sheet = new ExcelSheetWriter();
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

    private static void WriteProgram(ExcelSheetWriter sheet, Submission content, WorkProgram program, TemplateLayout layout)
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
            sheet.Text(total, 0, FormVocabulary.ProgramTotalLabel, Styles.Label);
            sheet.Formula(total, 6, ExcelFormulas.Sum(first, last, WeightColumn), ExcelFormulas.WeightTotal(activities), Styles.Computed);
            sheet.Formula(total, 8, ExcelFormulas.Sum(first, last, EarnedColumn), ExcelFormulas.EarnedTotal(activities), Styles.Computed);
            sheet.HighlightWhen(ExcelSheetWriter.Reference(total, 6), ExcelFormulas.TotalOutOfLine("$" + WeightColumn + "$" + total.ToString(CultureInfo.InvariantCulture)));
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
    private static int WriteHeading(ExcelSheetWriter sheet, Submission content, Section section)
    {
        sheet.Text(1, 0, FormVocabulary.Heading(section, content.Year), Styles.Title);
        sheet.Text(2, 0, FormVocabulary.ServiceLabel, Styles.Label);
        sheet.Text(2, 1, content.Service, Styles.FixedValue);
        sheet.Text(3, 0, FormVocabulary.RegionLabel, Styles.Label);
        sheet.Text(3, 1, TemplateText.RegionName(content), Styles.FixedValue);
        return 5;
    }

    private static int WriteBody(ExcelSheetWriter sheet, int row, int year, CoordinatingBody? body)
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

    private static void WriteObjectivesRow(ExcelSheetWriter sheet, int row, PlannedRow planned, TemplateLayout layout)
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

    private static void WriteProgress(ExcelSheetWriter sheet, Submission content)
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

    private static void WriteNotes(ExcelSheetWriter sheet, int row, Section section)
    {
        foreach (var note in FormNotes.For(section))
        {
            sheet.Text(row++, 0, note, Styles.Note);
        }
    }

    private static string Join(IReadOnlyList<string> lines) => string.Join('\n', lines);

    private static string Range(char column, int first, int last) =>
        string.Create(CultureInfo.InvariantCulture, $"{column}{first}:{column}{last}");
}
