using Pmg.Domain.Regions;
using Pmg.Domain.Text;

namespace Pmg.Domain.Tests;

public sealed class ConfusablesTests
{
    [Theory]
    [InlineData("Tarap\u0430cá", "Tarapacá")] // Cyrillic а
    [InlineData("\u041C\u0430ule", "Maule")] // Cyrillic М and а
    [InlineData("Valpara\u03AFso", "Valparaíso")] // Greek ί: iota with tonos
    public void Skeleton_LookAlikeLetters_AreTheLatinOnesTheyImitate(string text, string expected)
    {
        var skeleton = Confusables.Skeleton(text);

        Assert.Equal(expected, skeleton);
        Assert.False(RegionCatalog.TryResolve(text, out _));
        Assert.True(RegionCatalog.TryResolve(skeleton, out _));
    }

    [Fact]
    public void Skeleton_ALetterWithNoLatinLookAlike_StaysAndTheNameDoesNotResolve()
    {
        var skeleton = Confusables.Skeleton("Bio\u0431io");

        Assert.Equal("Bio\u0431io", skeleton);
        Assert.False(RegionCatalog.TryResolve(skeleton, out _));
    }

    [Fact]
    public void NonSpanishCharacters_CyrillicAInTarapaca_NamesItOnceWithTheLetterItImitates()
    {
        var found = Assert.Single(Confusables.NonSpanishCharacters("I Región de Tarap\u0430c\u0430"));

        Assert.Equal("«\u0430» (U+0430, letra cirílica que imita la «a»)", found.ToString());
    }

    [Fact]
    public void NonSpanishCharacters_SpanishNamesWithTheirPunctuation_FindsNothing()
    {
        Assert.Empty(Confusables.NonSpanishCharacters("Región del Libertador B. O´Higgins (VI), Bío-Bío, Ñuble: Aysén/Aisén’s 1"));
    }

    [Fact]
    public void NonSpanishCharacters_ASymbolThatImitatesNothing_IsNamedByItsCodePoint()
    {
        Assert.Equal("«☃» (U+2603)", Assert.Single(Confusables.NonSpanishCharacters("Maule☃")).ToString());
    }
}
