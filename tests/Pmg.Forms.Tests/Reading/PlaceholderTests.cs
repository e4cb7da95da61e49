using DocumentFormat.OpenXml;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Forms.Tests.Builders;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pmg.Forms.Tests.Reading;

/// <summary>Content controls left at Word's placeholder ("Elija un elemento.") are blank: the activity is not yet marked.</summary>
public sealed class PlaceholderTests
{
    public static TheoryData<FormFormat> Formats => FormReading.BothFormats;

    public enum Wrapping
    {
        /// <summary>A dropdown around the run, as Word inserts it in a paragraph.</summary>
        Run,

        /// <summary>A content control around the cell's paragraph.</summary>
        Paragraph,

        /// <summary>A content control around the whole cell.</summary>
        Cell,
    }

    [Theory]
    [InlineData(Wrapping.Run, "Elija un elemento.")]
    [InlineData(Wrapping.Paragraph, "Elija un elemento.")]
    [InlineData(Wrapping.Cell, "Elija un elemento.")]
    [InlineData(Wrapping.Paragraph, "Haga clic o pulse aquí para escribir texto.")]
    [InlineData(Wrapping.Cell, "Haga clic o pulse aquí para escribir texto.")]
    public async Task ReadAsync_WordComplianceControlShowingItsPlaceholder_IsNotYetMarkedWithoutError(Wrapping wrapping, string prompt)
    {
        var form = OfficeEditsTests.Clean().EditingWord(document =>
        {
            var mark = DocumentEdits.Run(document, "no");
            mark.GetFirstChild<W.Text>()!.Text = prompt;
            var properties = new W.SdtProperties(new W.SdtAlias { Val = "Cumple/no cumple" }, new W.ShowingPlaceholder());
            if (wrapping == Wrapping.Run)
            {
                properties.Append(new W.SdtContentDropDownList(new W.ListItem { DisplayText = "Cumple", Value = "Cumple" }, new W.ListItem { DisplayText = "No cumple", Value = "No cumple" }));
                DocumentEdits.Wrap(mark, run => new W.SdtRun(properties, new W.SdtContentRun(run)));
            }
            else if (wrapping == Wrapping.Paragraph)
            {
                DocumentEdits.Wrap(mark.Ancestors<W.Paragraph>().First(), paragraph => new W.SdtBlock(properties, new W.SdtContentBlock(paragraph)));
            }
            else
            {
                DocumentEdits.Wrap(mark.Ancestors<W.TableCell>().First(), cell => new W.SdtCell(properties, new W.SdtContentCell(cell)));
            }
        });

        var result = await FormReading.ReadAsync(form, FormFormat.Word);

        var activities = result.Submission!.Program(Section.III1)!.Activities.ToList();
        Assert.Equal([Compliance.Complied, Compliance.Unmarked], activities.Select(a => a.Compliance));
        Assert.Equal("", activities[1].RawCompliance);
        Assert.Equal([60m, 40m], activities.Select(a => a.Weight));
        Assert.Empty(result.Diagnostics);
        var evaluation = FormRules.Evaluate(result.Submission);
        Assert.Equal(ProgramStatus.Pendiente, evaluation.Program(Section.III1)!.Status);
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Code == RuleCodes.ComplianceUnrecognised);
    }

    [Fact]
    public async Task ReadAsync_WordTextControlShowingItsPlaceholder_LeavesTheColumnBlank()
    {
        var form = OfficeEditsTests.Clean().EditingWord(document =>
        {
            var means = DocumentEdits.Run(document, "Actas");
            means.GetFirstChild<W.Text>()!.Text = "Haga clic o pulse aquí para escribir texto.";
            DocumentEdits.Wrap(means, run => new W.SdtRun(new W.SdtProperties(new W.ShowingPlaceholder()), new W.SdtContentRun(run)));
        });

        var activities = (await FormReading.ReadSubmissionAsync(form, FormFormat.Word)).Program(Section.III1)!.Activities.ToList();

        Assert.Equal(["", "Listas"], activities.Select(a => a.Means));
    }

    [Fact]
    public async Task ReadAsync_WordControlWithAnAnswer_ReadsTheAnswer()
    {
        var form = OfficeEditsTests.Clean().EditingWord(document =>
        {
            var mark = DocumentEdits.Run(document, "no");
            mark.GetFirstChild<W.Text>()!.Text = "No cumple";
            DocumentEdits.Wrap(mark.Ancestors<W.TableCell>().First(), cell => new W.SdtCell(new W.SdtProperties(new W.SdtAlias { Val = "Cumple/no cumple" }), new W.SdtContentCell(cell)));
        });

        var activities = (await FormReading.ReadSubmissionAsync(form, FormFormat.Word)).Program(Section.III1)!.Activities;

        Assert.Equal([Compliance.Complied, Compliance.NotComplied], activities.Select(a => a.Compliance));
    }

    [Theory]
    [InlineData(FormFormat.Word, "Elija un elemento.")]
    [InlineData(FormFormat.Excel, "Elija un elemento.")]
    [InlineData(FormFormat.Word, "Haga clic o pulse aquí para escribir texto.")]
    [InlineData(FormFormat.Excel, "Haga clic o pulse aquí para escribir texto.")]
    [InlineData(FormFormat.Word, "elija un elemento")]
    [InlineData(FormFormat.Excel, "Choose an item.")]
    public async Task ReadAsync_PlaceholderTextWithoutTheFlag_IsBlank(FormFormat format, string prompt)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº", "5", "Realizar asesorías", "Profesional", prompt, "60%", "sí")
            .Row("", "", "", "Capacitar a FFPP", "Profesional", "Listas", "40%", prompt));

        var result = await FormReading.ReadAsync(form, format);

        var activities = result.Submission!.Program(Section.III1)!.Activities.ToList();
        Assert.Equal([Compliance.Complied, Compliance.Unmarked], activities.Select(a => a.Compliance));
        Assert.Equal(["", "Listas"], activities.Select(a => a.Means));
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_PromptOnOneLineOfAComplianceCellPerActivity_KeepsTheOtherLinesInPlace(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar", "Nº", "5", FormCell.Text("Realizar asesorías", "Capacitar a FFPP"), "Profesional", "Actas",
                FormCell.Text("50%", "50%"), FormCell.Text("Elija un elemento.", "Cumple")));

        var activities = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!.Activities;

        Assert.Equal([Compliance.Unmarked, Compliance.Complied], activities.Select(a => a.Compliance));
    }
}
