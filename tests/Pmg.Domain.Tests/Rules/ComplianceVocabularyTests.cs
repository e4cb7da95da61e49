using Pmg.Domain.Model;
using Pmg.Domain.Rules;

namespace Pmg.Domain.Tests.Rules;

public class ComplianceVocabularyTests
{
    [Theory]
    [InlineData("si")]
    [InlineData("sí")]
    [InlineData("SI")]
    [InlineData("SÍ")]
    [InlineData("Cumple")]
    [InlineData(" cumple. ")]
    public void Parse_Yes_IsComplied(string raw) => Assert.Equal(Compliance.Complied, ComplianceVocabulary.Parse(raw));

    [Theory]
    [InlineData("no")]
    [InlineData("NO")]
    [InlineData("No cumple")]
    [InlineData("NO CUMPLE")]
    public void Parse_No_IsNotComplied(string raw) => Assert.Equal(Compliance.NotComplied, ComplianceVocabulary.Parse(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Blank_IsUnmarked(string? raw) => Assert.Equal(Compliance.Unmarked, ComplianceVocabulary.Parse(raw));

    [Theory]
    [InlineData("parcial")]
    [InlineData("x")]
    [InlineData("-")]
    [InlineData("50%")]
    [InlineData("sin información")]
    public void Parse_AnythingElse_IsUnrecognised(string raw) => Assert.Equal(Compliance.Unrecognised, ComplianceVocabulary.Parse(raw));
}
