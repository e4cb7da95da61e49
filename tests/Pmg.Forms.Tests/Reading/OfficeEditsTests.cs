using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Forms.Tests.Builders;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pmg.Forms.Tests.Reading;

/// <summary>
/// Forms as offices' word processors and spreadsheets leave them (tracked changes, comments, fields, formulas, rich
/// text, extra columns, renamed sheets) read to the same activities as the clean form.
/// </summary>
public sealed class OfficeEditsTests
{
    public static TheoryData<FormFormat> Formats => FormReading.BothFormats;

    [Fact]
    public async Task ReadAsync_WordTrackedChanges_ReadsTheFinalViewWithANotice()
    {
        var form = Clean(more: s => s.Row("Objetivo retirado", "Nº", "1", "Actividad retirada", "Nadie", "Nada", "30%", "sí"))
            .EditingWord(document =>
            {
                var inserted = DocumentEdits.Run(document, "Realizar asesorías");
                DocumentEdits.Wrap(inserted, run => new W.InsertedRun(run) { Id = "1", Author = "Oficina regional" });
                inserted.Parent!.InsertBeforeSelf(new W.DeletedRun(new W.Run(new W.DeletedText("Eliminar oficios") { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "Oficina regional" });
                var weight = DocumentEdits.Run(document, "60%");
                weight.InsertBeforeSelf(new W.DeletedRun(new W.Run(new W.DeletedText("50%"))) { Id = "3", Author = "Oficina regional" });

                // A row deleted with changes tracked (its text left as it was, as some editors leave it).
                var deleted = DocumentEdits.Row(document, "Actividad retirada");
                deleted.PrependChild(new W.TableRowProperties(new W.Deleted { Id = "4", Author = "Oficina regional" }));
            });

        var result = await FormReading.ReadAsync(form, FormFormat.Word);

        AssertCleanActivities(result.Submission!);
        Assert.Single(result.Submission!.Programs);
        var notice = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.TrackedChanges);
        Assert.Equal(Severity.Info, notice.Severity);
        Assert.Equal(
            "El documento tiene cambios sin aceptar (control de cambios): se leyó la versión final, con lo insertado y sin lo eliminado. Acepte o rechace los cambios antes de enviarlo.",
            notice.Message);
    }

    [Fact]
    public async Task ReadAsync_WordRunInAHidingStyleThatTurnsVanishOffItself_IsRead()
    {
        var form = Clean().EditingWord(document =>
        {
            AddHidingStyles(document);
            var weight = DocumentEdits.Run(document, "60%");
            weight.PrependChild(new W.RunProperties(new W.RunStyle { Val = "PmgOculto" }, new W.Vanish { Val = false }));
        });

        var result = await FormReading.ReadAsync(form, FormFormat.Word);

        AssertCleanActivities(result.Submission!);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ReadCodes.HiddenContentIgnored);
    }

    [Fact]
    public async Task ReadAsync_WordTextBoxInAHiddenParagraphStyle_DoesNotHideTheRestOfItsParagraph()
    {
        var form = Clean().EditingWord(document =>
        {
            AddHidingStyles(document);

            // An empty VML text box whose own paragraph is in a hiding style, in the paragraph of a weight, before it.
            var box = new W.Run(new W.Picture(new DocumentFormat.OpenXml.Vml.Shape(new DocumentFormat.OpenXml.Vml.TextBox(new W.TextBoxContent(
                new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "PmgParrafoOculto" }))))) { Id = "nota" }));
            DocumentEdits.Run(document, "60%").InsertBeforeSelf(box);
        });

        var result = await FormReading.ReadAsync(form, FormFormat.Word);

        // The box's style is its own paragraph's: the weight after it, in a visible paragraph, still counts.
        AssertCleanActivities(result.Submission!);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ReadCodes.HiddenContentIgnored);
    }

    // A character style "PmgOculto" and a paragraph style "PmgParrafoOculto" that hide their text (w:vanish).
    private static void AddHidingStyles(DocumentFormat.OpenXml.Packaging.WordprocessingDocument document)
    {
        var part = document.MainDocumentPart!.StyleDefinitionsPart ?? document.MainDocumentPart.AddNewPart<StyleDefinitionsPart>();
        part.Styles ??= new W.Styles();
        part.Styles.Append(
            new W.Style(new W.StyleName { Val = "Oculto" }, new W.StyleRunProperties(new W.Vanish())) { Type = W.StyleValues.Character, StyleId = "PmgOculto" },
            new W.Style(new W.StyleName { Val = "Párrafo oculto" }, new W.StyleRunProperties(new W.Vanish())) { Type = W.StyleValues.Paragraph, StyleId = "PmgParrafoOculto" });
        part.Styles.Save();
    }

    [Fact]
    public async Task ReadAsync_WordWithoutTrackedChanges_HasNoChangesNotice()
    {
        var result = await FormReading.ReadAsync(Clean(), FormFormat.Word);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ReadCodes.TrackedChanges);
    }

    [Fact]
    public async Task ReadAsync_WordComments_AreNotReadAsContent()
    {
        var form = Clean().EditingWord(document =>
        {
            var comments = document.MainDocumentPart!.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new W.Comments(new W.Comment(new W.Paragraph(new W.Run(new W.Text("Corregir: debe decir 90%")))) { Id = "7", Author = "Coordinación" });
            comments.Comments.Save();
            var weight = DocumentEdits.Run(document, "60%");
            weight.InsertBeforeSelf(new W.CommentRangeStart { Id = "7" });
            weight.InsertAfterSelf(new W.CommentRangeEnd { Id = "7" });
            weight.Parent!.Append(new W.Run(new W.CommentReference { Id = "7" }));
        });

        var result = await FormReading.ReadAsync(form, FormFormat.Word);

        AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task ReadAsync_WordRunsInsideHyperlinksSmartTagsCustomXmlAndContentControls_ReadsTheirText()
    {
        var form = Clean().EditingWord(document =>
        {
            DocumentEdits.Wrap(DocumentEdits.Run(document, "Realizar asesorías"), run => new W.Hyperlink(run) { Anchor = "asesorias" });
            DocumentEdits.Wrap(DocumentEdits.Run(document, "Profesional de apoyo"), SmartTag);
            DocumentEdits.Wrap(DocumentEdits.Run(document, "Actas"), run => new W.CustomXmlRun(run) { Element = "medio" });
            DocumentEdits.Wrap(DocumentEdits.Run(document, "60%"), run => new W.SdtRun(new W.SdtProperties(new W.SdtAlias { Val = "Ponderación" }), new W.SdtContentRun(run)));

            // Second row: a whole cell in custom XML, a paragraph in custom XML, a paragraph in a content control.
            DocumentEdits.Wrap(DocumentEdits.Run(document, "Encargada").Ancestors<W.TableCell>().First(), cell => new W.CustomXmlCell(cell) { Element = "unidad" });
            DocumentEdits.Wrap(DocumentEdits.Run(document, "Listas").Ancestors<W.Paragraph>().First(), paragraph => new W.CustomXmlBlock(paragraph) { Element = "medio" });
            DocumentEdits.Wrap(DocumentEdits.Run(document, "40%").Ancestors<W.Paragraph>().First(), paragraph => new W.SdtBlock(new W.SdtProperties(), new W.SdtContentBlock(paragraph)));
        });

        var result = await FormReading.ReadAsync(form, FormFormat.Word);

        AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_NoBreakSpaceBeforePercent_ReadsTheWeights(FormFormat format)
    {
        var form = Clean(firstWeight: "60\u00A0%", secondWeight: "40\u202F%");

        var result = await FormReading.ReadAsync(form, format);

        AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_RepeatedHeaderAndBlankRowsInsideTheTable_AreSkipped(FormFormat format)
    {
        var titles = SectionBuilder.DefaultTitles.Select(t => FormCell.Text(t)).ToArray();
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº de asesorías", "5", "Realizar asesorías", "Profesional de apoyo", "Actas", "60%", "sí")
            .Row()
            .Cells(titles)
            .Row()
            .Row("", "", "", "Capacitar a FFPP", "Encargada", "Listas", "40%", "no")
            .Row());

        var result = await FormReading.ReadAsync(form, format);

        AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_LeadingNumberAndTrailingObservationsColumns_AreIgnored(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .WithTitles(["N°", .. SectionBuilder.DefaultTitles, "Observaciones"])
            .Cells("1", "Asesorar a los SSPP", "Nº de asesorías", "5", "Realizar asesorías", "Profesional de apoyo", "Actas", "60%", "sí", "", "Sin observaciones")
            .Cells("2", "", "", "", "Capacitar a FFPP", "Encargada", "Listas", "40%", "no", "", "Se reprogramó en octubre"));

        var result = await FormReading.ReadAsync(form, format);

        AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task ReadAsync_ExcelFormulas_AreReadByTheirCachedValues()
    {
        var form = Clean().EditingExcel(document =>
        {
            // =3/5 shown as 60 %, =1-G6 as 40 %, and a text formula whose cached result is "Cumple".
            Formula(DocumentEdits.Cell(document, "G6"), "3/5", "0.6", percent: true);
            Formula(DocumentEdits.Cell(document, "G7"), "1-G6", "0.4", percent: true);
            var mark = DocumentEdits.Cell(document, "H6");
            mark.DataType = CellValues.String;
            mark.CellFormula = new CellFormula("IF(G6>0,\"Cumple\",\"No cumple\")");
            mark.CellValue = new CellValue("Cumple");
        });

        var result = await FormReading.ReadAsync(form, FormFormat.Excel);

        AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task ReadAsync_ExcelFormulaWithoutCachedValue_IsAnErrorNamingTheCellNotZero()
    {
        var form = Clean().EditingExcel(document =>
        {
            var weight = DocumentEdits.Cell(document, "G6");
            weight.DataType = null;
            weight.CellFormula = new CellFormula("1-G7");
            weight.CellValue = null;
        });

        var result = await FormReading.ReadAsync(form, FormFormat.Excel);

        Assert.Null(result.Submission!.Program(Section.III1)!.Activities.First().Weight);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.FormulaNotCalculated);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("III.1, fila 1, Ponderación (%), celda G6", error.Location?.ToString());
        Assert.Equal(
            "La celda G6 (III.1, fila 1, Ponderación (%)) tiene la fórmula «=1-G7» sin su valor calculado (el archivo se guardó sin calcular): ábralo en Excel y guárdelo de nuevo para que la fórmula tenga valor.",
            error.Message);
    }

    [Fact]
    public async Task ReadAsync_ExcelPerformanceFormulaWithoutCachedValue_IsAnErrorNamingTheCell()
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº", "5", "Realizar asesorías", "Profesional", "Actas", "100%", "sí")
            .DeclaringPerformance(FormCell.Numeric(1m, "9")))
            .EditingExcel(document =>
            {
                var value = DocumentEdits.Cell(document, "B8");
                value.CellFormula = new CellFormula("I6/G6");
                value.CellValue = null;
            });

        var result = await FormReading.ReadAsync(form, FormFormat.Excel);

        Assert.Null(result.Submission!.Program(Section.III1)!.DeclaredPerformance);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.FormulaNotCalculated);
        Assert.StartsWith("La celda B8 (III.1, Desempeño Anual Región (%)) tiene la fórmula «=I6/G6» sin su valor calculado", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ExcelInlineAndRichTextStrings_ReadAsTheirText()
    {
        var form = Clean().EditingExcel(document =>
        {
            var activity = DocumentEdits.Cell(document, "D6");
            var text = DocumentEdits.SharedText(document, activity);
            activity.DataType = CellValues.InlineString;
            activity.CellValue = null;
            activity.InlineString = new InlineString(new Run(new RunProperties(new Bold()), new Text("Realizar ")), new Run(new Text(text["Realizar ".Length..])));

            // A shared string in rich text runs split mid-word, with a phonetic hint that is not part of the value.
            var strings = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable;
            strings.Append(new SharedStringItem(
                new Run(new Text("Capa")),
                new Run(new RunProperties(new Italic()), new Text("citar a FFPP")),
                new PhoneticRun(new Text("かな")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }));
            DocumentEdits.Cell(document, "D7").CellValue = new CellValue(strings.Elements<SharedStringItem>().Count() - 1);
        });

        var result = await FormReading.ReadAsync(form, FormFormat.Excel);

        AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task ReadAsync_ExcelSheetsWithAnyName_FindTheSectionsByTheirHeadings()
    {
        var form = Clean()
            .WithProgress(s => s.Cells("Diseño Acceso y Distribución", "Asesorar a los SSPP", "Avance del 50%", "Oficios", "Insistir", "Encargada"))
            .EditingExcel(document =>
            {
                var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
                sheets[0].Name = "Hoja1";
                sheets[1].Name = "Formulario (2)";
            });

        var submission = (await FormReading.ReadAsync(form, FormFormat.Excel)).Submission!;

        AssertCleanActivities(submission);
        Assert.Equal("Asesorar a los SSPP", Assert.Single(submission.ProgressRows).Objective);
    }

    /// <summary>Two activities of one objective: 60 % complied, 40 % not.</summary>
    internal static FormBuilder Clean(string firstWeight = "60%", string secondWeight = "40%", Action<SectionBuilder>? more = null) => new FormBuilder().WithGestion(s =>
    {
        s.Row("Asesorar a los SSPP", "Nº de asesorías", "5", "Realizar asesorías", "Profesional de apoyo", "Actas", firstWeight, "sí")
            .Row(FormCell.MergedAbove, FormCell.MergedAbove, FormCell.MergedAbove, "Capacitar a FFPP", "Encargada", "Listas", secondWeight, "no");
        more?.Invoke(s);
    });

    internal static void AssertCleanActivities(Submission submission)
    {
        var program = submission.Program(Section.III1)!;
        var objective = Assert.Single(program.Objectives);
        Assert.Equal("Asesorar a los SSPP", objective.Text);
        Assert.Equal(["Realizar asesorías", "Capacitar a FFPP"], objective.Activities.Select(a => a.Text));
        Assert.Equal(["Profesional de apoyo", "Encargada"], objective.Activities.Select(a => a.Unit));
        Assert.Equal(["Actas", "Listas"], objective.Activities.Select(a => a.Means));
        Assert.Equal([60m, 40m], objective.Activities.Select(a => a.Weight));
        Assert.Equal([Compliance.Complied, Compliance.NotComplied], objective.Activities.Select(a => a.Compliance));
    }

    // w:smartTag (Word 2003–2007 smart tags; the SDK no longer types it), as documents of that era still carry it.
    private static OpenXmlElement SmartTag(OpenXmlElement run)
    {
        var tag = new OpenXmlUnknownElement("w", "smartTag", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        tag.SetAttribute(new OpenXmlAttribute("w", "element", "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "PersonName"));
        tag.Append(run);
        return tag;
    }

    private static void Formula(Cell cell, string formula, string cached, bool percent)
    {
        cell.DataType = null;
        cell.CellFormula = new CellFormula(formula);
        cell.CellValue = new CellValue(cached);
        cell.StyleIndex = percent ? 1U : 0U;
    }
}
