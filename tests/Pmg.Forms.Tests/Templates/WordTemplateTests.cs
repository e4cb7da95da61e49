using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pmg.Domain.Model;
using Pmg.Forms.Tests.Samples;

namespace Pmg.Forms.Tests.Templates;

public sealed class WordTemplateTests
{
    [Fact]
    public async Task Blank_HasTheSeedsHeadingsAndTableHeaders()
    {
        using var template = Open(await TemplateFiles.BlankAsync(FormFormat.Word, year: 2009));
        using var seed = WordprocessingDocument.Open(SharedSamples.Form("tarapaca-2009-etapa3.docx"), false);

        var seedParagraphs = BodyParagraphs(seed);
        var paragraphs = BodyParagraphs(template);
        Assert.Equal("FORMATOS DE LA ETAPA 3: IMPLEMENTACIÓN DEL PROGRAMA DE TRABAJO GT 2009", paragraphs[0]);
        Assert.Equal("Servicio: SERNAM", paragraphs[1]);
        foreach (var heading in seedParagraphs.Where(p => p.StartsWith("Actividad III.", StringComparison.Ordinal) || p.StartsWith("Notas Actividad", StringComparison.Ordinal)))
        {
            Assert.Contains(heading, paragraphs);
        }

        // Every header row of the seed (objectives ×3, instancia, III.4) is in the template, word for word.
        var headers = HeaderRows(template);
        Assert.Equal(5, HeaderRows(seed).Count);
        Assert.All(HeaderRows(seed), row => Assert.Contains(row, headers));
        Assert.Contains(["REGIÓN (1)", "Tarapacá"], Rows(template));
        Assert.Contains(["Desempeño Anual Región Programa de Complementariedad Territorial 2009 (%)", ""], Rows(template));
    }

    [Fact]
    public async Task Blank_EveryComplianceCellIsADropdownOfCumpleOrNoCumpleShowingItsPlaceholder()
    {
        using var template = Open(await TemplateFiles.BlankAsync(FormFormat.Word));

        var dropdowns = template.MainDocumentPart!.Document.Descendants<SdtRun>().ToList();

        // 15 empty rows in III.1 and III.2, 3 under each of III.3's three categories.
        Assert.Equal(15 + 15 + 9, dropdowns.Count);
        Assert.All(dropdowns, dropdown =>
        {
            var properties = dropdown.SdtProperties!;
            Assert.Equal(["Cumple", "No cumple"], properties.GetFirstChild<SdtContentDropDownList>()!.Elements<ListItem>().Select(i => i.Value!.Value));
            Assert.NotNull(properties.GetFirstChild<ShowingPlaceholder>());
            Assert.Equal("Elija un elemento.", dropdown.SdtContentRun!.InnerText);
        });
        Assert.Equal(dropdowns.Count, dropdowns.Select(d => d.SdtProperties!.GetFirstChild<SdtId>()!.Val!.Value).Distinct().Count());
    }

    [Fact]
    public async Task FromTheSeed_MergesEachObjectiveOverItsActivitiesAndLeavesTheirMarksToChoose()
    {
        var seed = await TemplateFiles.ReadSeedAsync(FormFormat.Word);

        using var template = Open(await TemplateFiles.BlankAsync(FormFormat.Word, prefill: seed));

        var rows = template.MainDocumentPart!.Document.Descendants<TableRow>().ToList();
        var first = rows.First(r => r.InnerText.StartsWith("Asesorar técnicamente a los SSPP", StringComparison.Ordinal));
        var below = rows[rows.IndexOf(first) + 1];
        Assert.Equal(MergedCellValues.Restart, first.Elements<TableCell>().First().TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.Equal(MergedCellValues.Continue, below.Elements<TableCell>().First().TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.Contains("Capacitar a FFPP de los Servicios desconcentrados", below.InnerText, StringComparison.Ordinal);
        Assert.Equal("0,5%", below.Elements<TableCell>().ElementAt(6).InnerText);
        Assert.Equal("Elija un elemento.", below.Elements<TableCell>().ElementAt(7).InnerText);
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static List<string> BodyParagraphs(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText)];

    private static List<string[]> Rows(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())];

    // Rows whose cells are all column titles: they start with a title the seed's tables start with.
    private static List<string[]> HeaderRows(WordprocessingDocument document) =>
        [.. Rows(document).Where(r => r.Length >= 5 && r[0] is "Objetivos específicos (2)" or "Objetivos específicos (7)" or "Identificación de la instancia (2)" or "Programa de Trabajo")];
}
