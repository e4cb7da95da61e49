using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Model;
using Pmg.Forms.Templates;
using Pmg.Forms.Tests.Samples;

namespace Pmg.Forms.Tests.Templates;

public sealed class ExcelTemplateTests
{
    [Fact]
    public async Task Blank_HasOneSheetPerSectionWithTheSeedsTitlesAndHeaders()
    {
        using var template = Open(await TemplateFiles.BlankAsync(FormFormat.Excel, year: 2009));
        using var seed = SpreadsheetDocument.Open(SharedSamples.Form("tarapaca-2009-etapa3.xlsx"), false);

        Assert.Equal(["III.1", "III.2", "III.3", "III.4"], SheetNames(template));
        foreach (var (sheet, headerRows) in new[] { ("III.1", new[] { 6 }), ("III.2", new[] { 5, 9 }), ("III.3", new[] { 6 }), ("III.4", new[] { 5 }) })
        {
            Assert.Equal(Text(seed, sheet, "A1"), Text(template, sheet, "A1"));
            Assert.Equal(Text(seed, sheet, "A3"), Text(template, sheet, "A3"));
            foreach (var row in headerRows)
            {
                Assert.Equal(RowTexts(seed, sheet, row), RowTexts(template, sheet, row));
            }
        }

        Assert.Equal("Objetivos específicos (2)", Text(template, "III.1", "A6"));
        Assert.Equal("Ponderación ganada (15)", Text(template, "III.2", "I9"));
        Assert.Equal(("Servicio:", "SERNAM", "Tarapacá"), (Text(template, "III.1", "A2"), Text(template, "III.1", "B2"), Text(template, "III.1", "B3")));
    }

    [Fact]
    public async Task Blank_ComplianceCellsOfferCumpleOrNoCumpleAndWeightsArePercentsFrom0To100()
    {
        using var template = Open(await TemplateFiles.BlankAsync(FormFormat.Excel));
        var worksheet = Worksheet(template, "III.1");

        var validations = worksheet.Descendants<DataValidation>().ToList();
        var marks = Assert.Single(validations, v => v.Type?.Value == DataValidationValues.List);
        Assert.Equal("H7:H21", marks.SequenceOfReferences!.InnerText);
        Assert.Equal("\"Cumple,No cumple\"", marks.Formula1!.Text);
        Assert.True(marks.ShowErrorMessage!.Value);
        Assert.Contains("«Cumple» o «No cumple»", marks.Error!.Value, StringComparison.Ordinal);
        var weights = Assert.Single(validations, v => v.Type?.Value == DataValidationValues.Decimal);
        Assert.Equal("G7:G21", weights.SequenceOfReferences!.InnerText);
        Assert.Equal(("0", "1"), (weights.Formula1!.Text, weights.Formula2!.Text));
        Assert.Equal(DataValidationOperatorValues.Between, weights.Operator!.Value);

        var weightFormat = CellFormat(template, Cell(worksheet, "G7"));
        Assert.Equal(10u, weightFormat.NumberFormatId!.Value);
        Assert.False(weightFormat.Protection!.Locked!.Value);
    }

    [Fact]
    public async Task Blank_LocksTitlesHeadersAndFormulasAndLeavesTheOfficesCellsOpen()
    {
        using var template = Open(await TemplateFiles.BlankAsync(FormFormat.Excel));
        var worksheet = Worksheet(template, "III.1");

        var protection = worksheet.GetFirstChild<SheetProtection>()!;
        Assert.True(protection.Sheet!.Value);
        Assert.Null(protection.Password);
        Assert.Null(protection.HashValue);
        Assert.False(protection.InsertRows!.Value);
        foreach (var locked in new[] { "A1", "B2", "B3", "A5", "A6", "I6", "I7", "B22", "G23" })
        {
            Assert.True(IsLocked(template, Cell(worksheet, locked)), locked + " should be locked");
        }

        foreach (var open in new[] { "A7", "D7", "E7", "F7", "G7", "H7", "A21", "H21" })
        {
            Assert.False(IsLocked(template, Cell(worksheet, open)), open + " should be open");
        }
    }

    [Fact]
    public async Task Blank_FreezesTheHeaderAndSizesTheColumns()
    {
        using var template = Open(await TemplateFiles.BlankAsync(FormFormat.Excel));
        var worksheet = Worksheet(template, "III.1");

        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 6d, "A7"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal([45d, 35, 25, 45, 25, 25, 13, 14, 13], worksheet.Descendants<Column>().Select(c => c.Width!.Value));
        Assert.True(CellFormat(template, Cell(worksheet, "A7")).Alignment!.WrapText!.Value);
    }

    [Fact]
    public async Task Marked_LiveFormulasComputeEarnedTotalAndPerformanceAsTheRulesDo()
    {
        // 60 % complied and 40 % not: earned 60 %, performance 60 %.
        var content = Content(
            ("Capacitar a funcionarias", 60m, Compliance.Complied),
            ("Difundir derechos", 40m, Compliance.NotComplied));
        var bytes = await TemplateFiles.WriteAsync(content, FormFormat.Excel, TemplateLayout.RowPerActivity);
        using var template = Open(bytes);
        var worksheet = Worksheet(template, "III.1");

        Assert.Equal("Cumple", Text(template, "III.1", "H7"));
        Assert.Equal(("0.6", "0"), (Cell(worksheet, "I7").CellValue!.Text, Cell(worksheet, "I8").CellValue!.Text));
        Assert.StartsWith("IF(OR($D7=\"\",$G7=\"\",$H7=\"\"),\"\",IF($H7=\"Cumple\",$G7", Cell(worksheet, "I7").CellFormula!.Text, StringComparison.Ordinal);

        // Data rows 7–13 (two activities, five spare): the performance line, then the total.
        Assert.StartsWith("Desempeño Anual Región Programa de Trabajo", Text(template, "III.1", "A14"), StringComparison.Ordinal);
        Assert.EndsWith("SUM($I$7:$I$13)/SUM($G$7:$G$13))", Cell(worksheet, "B14").CellFormula!.Text, StringComparison.Ordinal);
        Assert.Equal(0.6m, decimal.Parse(Cell(worksheet, "B14").CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(("SUM($G$7:$G$13)", "1"), (Cell(worksheet, "G15").CellFormula!.Text, Cell(worksheet, "G15").CellValue!.Text));
        Assert.Equal("ABS($G$15-1)>0.00500000001", worksheet.Descendants<ConditionalFormattingRule>().Single().GetFirstChild<Formula>()!.Text);

        var read = await TemplateFiles.ReadAsync(bytes, FormFormat.Excel);
        Assert.Equal(60m, read.Submission!.Programs[0].DeclaredPerformance);
        Assert.Equal([60m, 0m], read.Submission.Programs[0].Activities.Select(a => a.DeclaredEarned));
    }

    [Fact]
    public async Task Marked_PerformanceIsBlankWhileAnActivityIsUnmarked()
    {
        var content = Content(("Capacitar", 60m, Compliance.Complied), ("Difundir", 40m, Compliance.Unmarked));
        using var template = Open(await TemplateFiles.WriteAsync(content, FormFormat.Excel, TemplateLayout.RowPerActivity));
        var worksheet = Worksheet(template, "III.1");

        Assert.Equal(CellValues.String, Cell(worksheet, "B14").DataType!.Value);
        Assert.Equal("", Cell(worksheet, "B14").CellValue!.Text);
        Assert.Equal("", Cell(worksheet, "I8").CellValue!.Text);
    }

    private static Submission Content(params (string Text, decimal Weight, Compliance Mark)[] activities) => new()
    {
        Service = "SERNAM",
        Year = 2010,
        Region = TemplateFiles.Tarapaca,
        SourceFile = "",
        Programs =
        [
            new WorkProgram
            {
                Section = Section.III1,
                Objectives =
                [
                    new Objective
                    {
                        Text = "Asesorar a los servicios públicos",
                        Location = SourceLocation.Document,
                        Activities = [.. activities.Select(a => new Activity { Text = a.Text, Weight = a.Weight, Compliance = a.Mark, Location = SourceLocation.Document })],
                    },
                ],
            },
        ],
    };

    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    private static List<string?> SheetNames(SpreadsheetDocument document) =>
        [.. document.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name?.Value)];

    private static Worksheet Worksheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static Cell Cell(Worksheet worksheet, string reference) =>
        worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    private static string? Text(SpreadsheetDocument document, string sheet, string reference) =>
        Worksheet(document, sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference) is { } cell
            ? cell.InlineString?.InnerText ?? cell.CellValue?.Text
            : null;

    private static List<string> RowTexts(SpreadsheetDocument document, string sheet, int row) =>
        [.. Worksheet(document, sheet).Descendants<Row>().Single(r => r.RowIndex! == (uint)row)
            .Elements<Cell>().Select(c => c.InlineString?.InnerText ?? "").Where(t => t.Length > 0)];

    private static CellFormat CellFormat(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static bool IsLocked(SpreadsheetDocument document, Cell cell) =>
        CellFormat(document, cell).Protection?.Locked?.Value ?? true;
}
