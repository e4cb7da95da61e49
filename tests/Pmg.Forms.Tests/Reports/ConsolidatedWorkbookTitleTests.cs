using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Forms.Reports;

using static Pmg.Forms.Tests.Reports.ReportWorkbook;

namespace Pmg.Forms.Tests.Reports;

/// <summary>The workbook the recalculation writes, read back as a coordinator reads it: title block, contacts, status colours.</summary>
public sealed class ConsolidatedWorkbookTitleTests
{
    private const string Generated = "2 de febrero de 2010, 23:30 (hora de Chile)";
    private static readonly Region Tarapaca = new("CL-TA", "Tarapacá", "I");
    private static readonly Region Biobio = new("CL-BI", "Biobío", "VIII");

    private static ConsolidatedReport RecalculationReport(params Section[] sections) => new()
    {
        Header = new ReportHeader(ReportHeader.ConsolidatedTitle, "SERNAM", "2009", Generated, ReportRules.Lines),
        Sections = sections,
        Regions =
        [
            new RegionalEntry("CL-TA.docx", Tarapaca, 2009, [.. sections.Select(s => new ProgramResult(s, 5, 12, 100m, 96m, 96m, ProgramStatus.Cumple))], CountsNationally: true),
            new RegionalEntry("CL-BI.docx", Biobio, 2009, [new ProgramResult(Section.III1, 5, 12, 100m, 72m, 72m, ProgramStatus.NoCumple)], CountsNationally: true),
        ],
        National = [.. sections.Select(s => new NationalResult(s, s == Section.III1 ? ProgramStatus.NoCumple : ProgramStatus.Cumple, 2, 1, []))],
        AtRisk =
        [
            new AtRiskRow("CL-TA", "Tarapacá", Section.III1, "Objetivo 1", "Actividad 1", "Unidad de Gestión Territorial", "La actividad está marcada como no cumplida.", null)
            {
                Emails = ["ugt.tarapaca@example.org", "apoyo.ugt@example.org"],
            },
            new AtRiskRow("CL-BI", "Biobío", Section.III1, "Objetivo 2", "Actividad 2", "Unidad Jurídica", "La actividad está marcada como no cumplida.", null),
        ],
    };

    private static List<string?> RowTexts(Worksheet worksheet, uint row) =>
        worksheet.Descendants<Row>().Single(r => r.RowIndex! == row).Elements<Cell>().Select(c => c.InlineString?.InnerText).ToList();

    [Fact]
    public void Write_RecalculationReport_FirstSheetStartsWithTitleServiceYearAndGenerationTime()
    {
        using var document = WriteAndReopen(RecalculationReport(Section.III1, Section.III2));

        var first = document.WorkbookPart!.Workbook.Descendants<Sheet>().First();
        Assert.Equal("Nacional", first.Name!.Value);
        var national = Sheet(document, "Nacional");
        Assert.Equal("Consolidado PMG Gestión Territorial", TextAt(national, "A1"));
        Assert.Equal("Servicio: SERNAM", TextAt(national, "A2"));
        Assert.Equal("Año: 2009", TextAt(national, "A3"));
        Assert.Equal("Generado el 2 de febrero de 2010, 23:30 (hora de Chile)", TextAt(national, "A4"));
        Assert.Equal("Reglas aplicadas:", TextAt(national, "A5"));
        Assert.StartsWith("Desempeño regional por programa = suma de las ponderaciones ganadas", TextAt(national, "A6"), StringComparison.Ordinal);
        Assert.Contains(national.Descendants<Cell>().Select(c => c.InlineString?.InnerText), t => t is not null && t.Contains("CUMPLE con desempeño ≥ 90,00 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_RecalculationReport_NationalTableFollowsTheTitleBlockWithItsFilter()
    {
        using var document = WriteAndReopen(RecalculationReport(Section.III1, Section.III2));
        var national = Sheet(document, "Nacional");
        var header = (uint)(6 + ReportRules.Lines.Count + 1);

        Assert.Equal(["Sección", "Programa", "Estado", "Regiones", "Regiones que cumplen"], RowTexts(national, header));
        Assert.Equal(["III.1", "Gestión Territorial", "NO CUMPLE", null, null], RowTexts(national, header + 1));
        Assert.Equal($"A{header}:E{header + 2}", national.Descendants<AutoFilter>().Single().Reference!.Value);
    }

    [Fact]
    public void Write_SectionsWithoutIii3_WritesNoIii3Column()
    {
        using var document = WriteAndReopen(RecalculationReport(Section.III1, Section.III2));

        var cells = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Select(c => c.InlineString?.InnerText ?? "");
        Assert.DoesNotContain(cells, t => t.StartsWith("III.3", StringComparison.Ordinal));
        Assert.Equal(["Código", "Región", "Año", "Archivo", "Cuenta a nivel nacional", "III.1 Desempeño", "III.1 Estado", "III.2 Desempeño", "III.2 Estado"], RowTexts(Sheet(document, "Regiones"), 1));
    }

    [Fact]
    public void Write_SectionsWithIii3_WritesIii3ColumnsAndNationalRow()
    {
        using var document = WriteAndReopen(RecalculationReport(Section.III1, Section.III3));

        Assert.Equal(["Código", "Región", "Año", "Archivo", "Cuenta a nivel nacional", "III.1 Desempeño", "III.1 Estado", "III.3 Desempeño", "III.3 Estado"], RowTexts(Sheet(document, "Regiones"), 1));
        Assert.Contains(Sheet(document, "Nacional").Descendants<Cell>(), c => c.InlineString?.InnerText == "III.3");
    }

    [Fact]
    public void Write_AtRiskRows_ShowTheUnitsAddressesOrSinContacto()
    {
        using var document = WriteAndReopen(RecalculationReport(Section.III1));
        var atRisk = Sheet(document, "Actividades en riesgo");

        Assert.Equal(["Región", "Programa", "Objetivo", "Actividad", "Unidad", "Correo de contacto", "Motivo", "Cita"], RowTexts(atRisk, 1));
        Assert.Equal(("Unidad de Gestión Territorial", "ugt.tarapaca@example.org; apoyo.ugt@example.org"), (TextAt(atRisk, "E2"), TextAt(atRisk, "F2")));
        Assert.Equal(("Unidad Jurídica", "sin contacto"), (TextAt(atRisk, "E3"), TextAt(atRisk, "F3")));
        Assert.Equal("La actividad está marcada como no cumplida.", TextAt(atRisk, "G3"));
    }

    [Theory]
    [InlineData("Nacional", "C13:C14")]
    [InlineData("Regiones", "G2:G3 I2:I3")]
    public void Write_StatusColumns_HaveAConditionalRulePerStatusWithItsColour(string sheet, string ranges)
    {
        using var document = WriteAndReopen(RecalculationReport(Section.III1, Section.III2));

        var formatting = Assert.Single(Sheet(document, sheet).Elements<ConditionalFormatting>());
        Assert.Equal(ranges, formatting.SequenceOfReferences!.InnerText);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.DifferentialFormats!.Elements<DifferentialFormat>().ToList();
        var rules = formatting.Elements<ConditionalFormattingRule>()
            .ToDictionary(
                r => r.GetFirstChild<Formula>()!.Text,
                r => (r.Type!.Value, r.Operator!.Value, Fill: formats[(int)r.FormatId!.Value].Fill!.PatternFill!.BackgroundColor!.Rgb!.Value));
        Assert.Equal(
            new Dictionary<string, (ConditionalFormatValues, ConditionalFormattingOperatorValues, string?)>
            {
                ["\"CUMPLE\""] = (ConditionalFormatValues.CellIs, ConditionalFormattingOperatorValues.Equal, "FFC6EFCE"),
                ["\"NO CUMPLE\""] = (ConditionalFormatValues.CellIs, ConditionalFormattingOperatorValues.Equal, "FFFFC7CE"),
                ["\"PENDIENTE\""] = (ConditionalFormatValues.CellIs, ConditionalFormattingOperatorValues.Equal, "FFFFEB9C"),
                ["\"INVALIDO\""] = (ConditionalFormatValues.CellIs, ConditionalFormattingOperatorValues.Equal, "FFD9D9D9"),
            },
            rules);
        Assert.Equal([1, 2, 3, 4], formatting.Elements<ConditionalFormattingRule>().Select(r => r.Priority!.Value).Order());
    }

    [Fact]
    public void Write_RecalculationReport_StatusWordsStayBesideTheirColours()
    {
        using var document = WriteAndReopen(RecalculationReport(Section.III1, Section.III2));
        var regions = Sheet(document, "Regiones");

        Assert.Equal(("CUMPLE", "NO CUMPLE"), (TextAt(regions, "G2"), TextAt(regions, "G3")));
    }

    [Fact]
    public void Write_RecalculationReport_IsAValidSpreadsheetDocument()
    {
        using var document = WriteAndReopen(RecalculationReport(Section.III1, Section.III2, Section.III3));

        var errors = new OpenXmlValidator().Validate(document).Select(e => e.Path?.XPath + ": " + e.Description).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
