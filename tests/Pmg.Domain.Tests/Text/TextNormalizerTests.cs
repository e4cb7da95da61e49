using Pmg.Domain.Text;

namespace Pmg.Domain.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("Objetivos específicos (2)", "objetivos especificos")]
    [InlineData("OBJETIVOS ESPECÍFICOS ( 7 )", "objetivos especificos")]
    [InlineData("Ñuble", "nuble")]
    [InlineData("  Ponderación   (%) ", "ponderacion")]
    [InlineData("Cumple/no cumple", "cumple no cumple")]
    [InlineData("O´Higgins", "ohiggins")]
    [InlineData("O’Higgins", "ohiggins")]
    [InlineData("Bío-Bío", "bio bio")]
    [InlineData("Oferta de información al GORE(11)", "oferta de informacion al gore")]
    [InlineData("Meta: 70% de 737 MJH", "meta 70 de 737 mjh")]
    public void Normalize_FormText_ComparesIgnoringCaseAccentsNotesAndPunctuation(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t ")]
    [InlineData("(3)")]
    public void Normalize_BlankOrOnlyNote_ReturnsEmpty(string? text)
    {
        Assert.Equal("", TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_NoteNumberInsideSentence_KeepsRealParentheses()
    {
        Assert.Equal("taller presencial y e learning", TextNormalizer.Normalize("Taller (presencial y e-learning)"));
    }

    [Fact]
    public void Shorten_LongText_CutsAtWordWithEllipsis()
    {
        var shortened = TextNormalizer.Shorten("Asesorar técnicamente a los SSPP desconcentrados para que incorporen la variable territorial", 40);

        Assert.Equal("Asesorar técnicamente a los SSPP…", shortened);
    }
}
