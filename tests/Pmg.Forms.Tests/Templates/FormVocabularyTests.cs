using Pmg.Domain.Model;
using Pmg.Forms.Assembly;
using Pmg.Forms.Layout;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Tests.Templates;

/// <summary>What the writer prints from the vocabulary, the readers recognise from the same vocabulary.</summary>
public sealed class FormVocabularyTests
{
    [Theory]
    [InlineData(Section.III1)]
    [InlineData(Section.III2)]
    [InlineData(Section.III3)]
    public void ObjectivesHeader_AsPrinted_IsRecognisedColumnByColumn(Section section)
    {
        var note = FormVocabulary.FirstObjectivesNote(section);
        var row = Row(FormVocabulary.ObjectivesTableOrder.Select((kind, i) => FormVocabulary.WithNote(FormVocabulary.Printed(kind), note + i)));

        var header = HeaderMap.TryRecognise(row);

        Assert.Equal(TableKind.Objectives, header?.Kind);
        for (var i = 0; i < FormVocabulary.ObjectivesTableOrder.Count; i++)
        {
            Assert.Same(row.Cells[i], header!.Cell(row, FormVocabulary.ObjectivesTableOrder[i]));
        }
    }

    [Fact]
    public void ProgressAndBodyHeaders_AsPrinted_AreRecognisedColumnByColumn()
    {
        var progress = Row(FormVocabulary.ProgressTableOrder.Select(kind => FormVocabulary.WithNote(FormVocabulary.Printed(kind), FormVocabulary.ProgressNote(kind))));
        var body = Row(FormVocabulary.BodyTableOrder.Select((kind, i) => FormVocabulary.WithNote(string.Format(System.Globalization.CultureInfo.InvariantCulture, FormVocabulary.Printed(kind), 2031), i + 2)));

        Assert.Equal(TableKind.Progress, HeaderMap.TryRecognise(progress)?.Kind);
        Assert.Equal(TableKind.CoordinatingBody, HeaderMap.TryRecognise(body)?.Kind);
        for (var i = 0; i < FormVocabulary.ProgressTableOrder.Count; i++)
        {
            Assert.Same(progress.Cells[i], HeaderMap.TryRecognise(progress)!.Cell(progress, FormVocabulary.ProgressTableOrder[i]));
        }

        for (var i = 0; i < FormVocabulary.BodyTableOrder.Count; i++)
        {
            Assert.Same(body.Cells[i], HeaderMap.TryRecognise(body)!.Cell(body, FormVocabulary.BodyTableOrder[i]));
        }
    }

    [Theory]
    [InlineData(Section.III1)]
    [InlineData(Section.III2)]
    [InlineData(Section.III3)]
    [InlineData(Section.III4)]
    public void Heading_AsPrinted_OpensItsSection(Section section)
    {
        Assert.True(FormSections.TryParseHeading(FormVocabulary.Heading(section, 2031), out var parsed, out _));
        Assert.Equal(section, parsed);
    }

    [Fact]
    public void TitleInitials_AreTheFirstLettersTheReadersLookFor()
    {
        Assert.Equal("acimoprtu", FormVocabulary.TitleInitials);
        Assert.Equal("cdn", string.Concat(FormVocabulary.RowKeyInitials.Order()));
    }

    private static LayoutRow Row(IEnumerable<string> titles) => new([.. titles.Select((title, i) => new LayoutCell([title], i))]);
}
