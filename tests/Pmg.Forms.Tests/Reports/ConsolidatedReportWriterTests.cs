using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Forms.Reports;

using static Pmg.Forms.Tests.Reports.ReportWorkbook;

namespace Pmg.Forms.Tests.Reports;

public sealed class ConsolidatedReportWriterTests
{
    private const string Hostile = "=cmd|' /C calc'!A0";

    private static readonly Region Tarapaca = new("CL-TA", "Tarapacá", "I");
    private static readonly Region Biobio = new("CL-BI", "Biobío", "VIII");

    private static ConsolidatedReport SampleReport() => new()
    {
        Sections = [Section.III1, Section.III2],
        Regions =
        [
            new RegionalEntry(
                "cierre-2009-CL-TA.docx",
                Tarapaca,
                2009,
                [
                    new ProgramResult(Section.III1, 5, 12, 100m, 96.0m, 96m, ProgramStatus.Cumple),
                    new ProgramResult(Section.III2, 3, 9, 100m, 100m, 100m, ProgramStatus.Cumple),
                ],
                CountsNationally: true),
            new RegionalEntry(
                "cierre-2009-CL-BI.docx",
                Biobio,
                2009,
                [
                    new ProgramResult(Section.III1, 5, 12, 100m, 72.0m, 72m, ProgramStatus.NoCumple),
                    new ProgramResult(Section.III2, 3, 9, 100m, 77.77m, 77.77m, ProgramStatus.NoCumple),
                ],
                CountsNationally: true),
            new RegionalEntry(
                "seed.docx",
                Tarapaca,
                2010,
                [
                    new ProgramResult(Section.III1, 5, 12, 7.35m, 0m, null, ProgramStatus.Invalido),
                    new ProgramResult(Section.III2, 3, 9, 100m, 0m, 0m, ProgramStatus.Pendiente),
                ],
                CountsNationally: true),
        ],
        National =
        [
            new NationalResult(Section.III1, ProgramStatus.NoCumple, 2, 1, []),
            new NationalResult(Section.III2, ProgramStatus.NoCumple, 2, 1, []),
        ],
        Observations =
        [
            new ReportObservation("seed.docx", "CL-TA", Severity.Error, "WEIGHT_TOTAL", "Las ponderaciones de III.1 suman 7,35; deben sumar 100.", "III.1, Ponderación (%)"),
            new ReportObservation("hostil.docx", null, Severity.Warning, "X", Hostile, "+A1"),
        ],
    };

    private static CellFormat FormatOf(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);

    private static string FillOf(SpreadsheetDocument document, Cell cell)
    {
        var fill = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)FormatOf(document, cell).FillId!.Value);
        return fill.PatternFill!.ForegroundColor!.Rgb!.Value!;
    }

    [Fact]
    public void Write_SampleReport_HasTheThreeSheetsInOrder()
    {
        using var document = WriteAndReopen(SampleReport());

        var names = document.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ToList();

        Assert.Equal(["Nacional", "Regiones", "Observaciones"], names);
    }

    [Fact]
    public void AddPmgForms_ReportWriter_IsOneXlsxWriterThatWritesTheWorkbook()
    {
        using var provider = new ServiceCollection().AddPmgForms().BuildServiceProvider();
        var writer = provider.GetRequiredService<IReportWriter>();
        using var stream = new MemoryStream();

        writer.Write(stream, SampleReport());

        Assert.IsType<XlsxReportWriter>(writer);
        Assert.Same(writer, provider.GetRequiredService<IReportWriter>());
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Equal(["Nacional", "Regiones", "Observaciones"], document.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal("NO CUMPLE", TextAt(Sheet(document, "Nacional"), "C2"));
    }

    [Fact]
    public void Write_SampleReport_WritesSpanishHeaders()
    {
        using var document = WriteAndReopen(SampleReport());

        var national = Sheet(document, "Nacional");
        Assert.Equal(["Sección", "Programa", "Estado", "Regiones", "Regiones que cumplen"], HeaderTexts(national));
        var regions = Sheet(document, "Regiones");
        Assert.Equal(
            ["Código", "Región", "Año", "Archivo", "Cuenta a nivel nacional", "III.1 Desempeño", "III.1 Estado", "III.2 Desempeño", "III.2 Estado"],
            HeaderTexts(regions));
        var observations = Sheet(document, "Observaciones");
        Assert.Equal(["Archivo", "Región", "Severidad", "Código", "Mensaje", "Ubicación"], HeaderTexts(observations));
    }

    [Fact]
    public void Write_SampleReport_HeaderIsBoldAndFrozen()
    {
        using var document = WriteAndReopen(SampleReport());
        var regions = Sheet(document, "Regiones");

        var pane = regions.Descendants<Pane>().Single();
        Assert.Equal(1D, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        var headerFont = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .ElementAt((int)FormatOf(document, CellAt(regions, "A1")!).FontId!.Value);
        Assert.NotNull(headerFont.Bold);
        Assert.True(regions.Descendants<Column>().Count() >= 9);
        Assert.All(regions.Descendants<Column>(), c => Assert.True(c.Width!.Value >= 8));
    }

    [Fact]
    public void Write_SampleReport_NationalRowsCarryStatusAndCounts()
    {
        using var document = WriteAndReopen(SampleReport());
        var national = Sheet(document, "Nacional");

        Assert.Equal("III.1", TextAt(national, "A2"));
        Assert.Equal("Gestión Territorial", TextAt(national, "B2"));
        Assert.Equal("NO CUMPLE", TextAt(national, "C2"));
        Assert.Equal("2", CellAt(national, "D2")!.CellValue!.Text);
        Assert.Equal("1", CellAt(national, "E2")!.CellValue!.Text);
        Assert.Equal("III.2", TextAt(national, "A3"));
    }

    [Fact]
    public void Write_SampleReport_PerformanceIsAPercentFormattedNumber()
    {
        using var document = WriteAndReopen(SampleReport());
        var regions = Sheet(document, "Regiones");

        Assert.Equal("CL-TA", TextAt(regions, "A2"));
        Assert.Equal("Tarapacá", TextAt(regions, "B2"));
        Assert.Equal("2009", CellAt(regions, "C2")!.CellValue!.Text);
        Assert.Equal("cierre-2009-CL-TA.docx", TextAt(regions, "D2"));
        Assert.Equal("Sí", TextAt(regions, "E2"));
        var performance = CellAt(regions, "F2")!;
        Assert.Equal(0.96m, decimal.Parse(performance.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(10U, FormatOf(document, performance).NumberFormatId!.Value);
        Assert.Equal("CUMPLE", TextAt(regions, "G2"));
        Assert.Equal(0.7777m, decimal.Parse(CellAt(regions, "H3")!.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("NO CUMPLE", TextAt(regions, "I3"));
    }

    [Fact]
    public void Write_InvalidProgram_LeavesPerformanceEmptyAndMarksInvalido()
    {
        using var document = WriteAndReopen(SampleReport());
        var regions = Sheet(document, "Regiones");

        Assert.Null(CellAt(regions, "F4"));
        Assert.Equal("INVALIDO", TextAt(regions, "G4"));
        Assert.Equal("PENDIENTE", TextAt(regions, "I4"));
    }

    [Fact]
    public void Write_StatusCells_AreColouredByStatus()
    {
        using var document = WriteAndReopen(SampleReport());
        var regions = Sheet(document, "Regiones");

        Assert.Equal("FFC6EFCE", FillOf(document, CellAt(regions, "G2")!));
        Assert.Equal("FFFFC7CE", FillOf(document, CellAt(regions, "G3")!));
        Assert.Equal("FFD9D9D9", FillOf(document, CellAt(regions, "G4")!));
        Assert.Equal("FFFFEB9C", FillOf(document, CellAt(regions, "I4")!));
    }

    [Fact]
    public void Write_Observations_WriteSeverityInSpanishAndLocation()
    {
        using var document = WriteAndReopen(SampleReport());
        var observations = Sheet(document, "Observaciones");

        Assert.Equal("seed.docx", TextAt(observations, "A2"));
        Assert.Equal("CL-TA", TextAt(observations, "B2"));
        Assert.Equal("error", TextAt(observations, "C2"));
        Assert.Equal("WEIGHT_TOTAL", TextAt(observations, "D2"));
        Assert.Equal("Las ponderaciones de III.1 suman 7,35; deben sumar 100.", TextAt(observations, "E2"));
        Assert.Equal("III.1, Ponderación (%)", TextAt(observations, "F2"));
        Assert.Equal("advertencia", TextAt(observations, "C3"));
    }

    [Fact]
    public void Write_HostileText_ArrivesAsAQuotedStringNotAFormula()
    {
        using var document = WriteAndReopen(SampleReport());
        var observations = Sheet(document, "Observaciones");

        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        var message = CellAt(observations, "E3")!;
        Assert.Equal(Hostile, message.InlineString!.InnerText);
        Assert.Equal(CellValues.InlineString, message.DataType!.Value);
        Assert.True(FormatOf(document, message).QuotePrefix!.Value);
        var location = CellAt(observations, "F3")!;
        Assert.Equal("+A1", location.InlineString!.InnerText);
        Assert.True(FormatOf(document, location).QuotePrefix!.Value);
    }

    [Fact]
    public void Write_PlainText_HasNoQuotePrefix()
    {
        using var document = WriteAndReopen(SampleReport());
        var observations = Sheet(document, "Observaciones");

        var quotePrefix = FormatOf(document, CellAt(observations, "A2")!).QuotePrefix;
        Assert.False(quotePrefix?.Value ?? false);
    }

    [Fact]
    public void Write_SampleReport_IsAValidSpreadsheetDocument()
    {
        using var document = WriteAndReopen(SampleReport());

        var errors = new OpenXmlValidator().Validate(document).Select(e => e.Path?.XPath + ": " + e.Description.Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "x", StringComparison.Ordinal)).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Write_EmptyReport_StillWritesTheThreeSheetsWithHeaders()
    {
        using var document = WriteAndReopen(new ConsolidatedReport { Sections = [] });

        Assert.Equal(["Archivo", "Región", "Severidad", "Código", "Mensaje", "Ubicación"], HeaderTexts(Sheet(document, "Observaciones")));
        Assert.Single(Sheet(document, "Nacional").Descendants<Row>());
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void Write_SampleReport_FiltersTheHeaderRow()
    {
        using var document = WriteAndReopen(SampleReport());

        Assert.Equal("A1:I4", Sheet(document, "Regiones").Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal("A1:F3", Sheet(document, "Observaciones").Descendants<AutoFilter>().Single().Reference!.Value);
    }

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+56 9 1234", true)]
    [InlineData("-5", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tx", true)]
    [InlineData("\rx", true)]
    [InlineData("Tarapacá", false)]
    [InlineData("", false)]
    public void IsFormulaLike_LeadingCharacter_DecidesQuoting(string text, bool expected) =>
        Assert.Equal(expected, ReportCell.IsFormulaLike(text));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    public void ColumnName_Index_IsSpreadsheetLetters(int index, string expected) =>
        Assert.Equal(expected, SheetTable.ColumnName(index));

    private static List<string?> HeaderTexts(Worksheet worksheet) =>
        worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InlineString?.InnerText).ToList();
}
