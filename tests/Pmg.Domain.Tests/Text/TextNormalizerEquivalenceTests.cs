using System.Globalization;
using System.Text;
using System.Text.Json;
using Pmg.Domain.Text;

namespace Pmg.Domain.Tests.Text;

/// <summary>The single-pass <see cref="TextNormalizer.Normalize"/> against the original FormD + StringBuilder algorithm.</summary>
public class TextNormalizerEquivalenceTests
{
    public static TheoryData<string> TrickyTexts => new()
    {
        "Región de Ñuble", "PINGÜINO", "ACCIÓN Çà", "O´Higgins", "O’Higgins", "O‘Higgins", "O`Higgins", "Oʼ Higgins", "O'Higgins",
        "Objetivo (2)", "Objetivo(11)", "( 7 )", "(  12  )x", "((2)", "(2)(3)", "(2", "( )", "(a1)", "(1 2)", "(\t3)", "(٣)",
        "Ａｂｃ", "ﬁnal", "Ⅻ", "²³¹", "½", "İstanbul", "ß", "ẞ", "Σίσυφος", "Ωμέγα", "Кириллица", "中文 标题", "한국어", "עִבְרִית",
        "العربية", "हिन्दी", "e\u0301", "n\u0303", "a\u0301\u0327", "\u0301inicio", "x\u20DDy", "a\u0903b", "Ω", "Å", "K",
        "😀 emoji", "a😀b", "𝐀𝐁𝐂 math", "𐐀𐐨 deseret", "tab\tnewline\nreturn\r", "\u00A0nbsp\u00A0", "em\u2003space", "zero\u200Bwidth",
        "guion–largo—y…", "«comillas» “dobles”", "ǅungla ǈ", "ǖǘ", "Ǻ", "Ḁḁ ẞ ỹ", "ŉ", "ı", "ſ", "ĳ", "ℌ", "Ⓐ", "\u037E;", "\u1FEFx\u1FFD",
        "Meta: 70% de 737 MJH", "  Ponderación   (%) ", "Bío-Bío", "", " ", "\t\n", "A", "ya normal", "ya normal ",
        new string('á', 300), string.Concat(Enumerable.Repeat("Ñandú (3) ", 60)),
    };

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void Normalize_TrickyText_MatchesOriginalAlgorithm(string text)
    {
        Assert.Equal(ReferenceNormalize(text), TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_EveryTextOfTheSampleForms_MatchesOriginalAlgorithm()
    {
        var texts = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            CollectStrings(document.RootElement, texts);
        }

        Assert.True(texts.Count > 500, $"only {texts.Count} texts in the samples");
        var mismatches = texts.Where(t => ReferenceNormalize(t) != TextNormalizer.Normalize(t)).ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Normalize_EveryBmpCharacterAloneAndInContext_MatchesOriginalAlgorithm()
    {
        var mismatches = new List<string>();
        for (var code = 0; code <= 0xFFFF; code++)
        {
            var c = (char)code;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            foreach (var text in new[] { $"A{c}", $"{c}\u0301x", $"x{c}{c}B", $"({c})", $"{c}\u0327\u0301" })
            {
                // The original threw on U+FFFE (and on lone surrogates): now it separates words like any other non-letter.
                var reference = c == '\uFFFE' ? ReferenceNormalize(text.Replace(c, ' ')) : ReferenceNormalize(text);
                if (reference != TextNormalizer.Normalize(text))
                {
                    mismatches.Add($"U+{code:X4} in \"{text}\"");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Normalize_EveryPairOfLatinAndPunctuationCharacters_MatchesOriginalAlgorithm()
    {
        var characters = Enumerable.Range(0x20, 0x250 - 0x20).Concat(Enumerable.Range(0x1E00, 0x100)).Concat(Enumerable.Range(0x2000, 0x70))
            .Select(code => (char)code).ToArray();
        var mismatches = new List<string>();
        var pair = new char[2];
        foreach (var first in characters)
        {
            pair[0] = first;
            foreach (var second in characters)
            {
                pair[1] = second;
                var text = new string(pair);
                if (ReferenceNormalize(text) != TextNormalizer.Normalize(text))
                {
                    mismatches.Add(text);
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Normalize_LoneSurrogate_IsASeparatorWhereTheOriginalThrew()
    {
        Assert.Throws<ArgumentException>(() => ReferenceNormalize("a\uD800b"));

        Assert.Equal("a b", TextNormalizer.Normalize("a\uD800b"));
        Assert.Equal("a b", TextNormalizer.Normalize("A\uDC00B"));
        Assert.Equal("nandu", TextNormalizer.Normalize("\uD800Ñandú\uDBFF"));
        Assert.Equal("x y", TextNormalizer.Normalize("x\uFFFEy"));
    }

    [Fact]
    public void Normalize_AlreadyNormalText_ReturnsTheSameString()
    {
        var text = "objetivos especificos 2009";

        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_SpanishText_AllocatesOnlyTheResult()
    {
        const string text = "Programa de Trabajo de Gestión Territorial (2) — Región de Ñuble, O’Higgins y Bío-Bío";
        var expected = TextNormalizer.Normalize(text);
        var resultSize = AllocatedBy(() => new string('x', expected.Length));

        var allocated = AllocatedBy(() => TextNormalizer.Normalize(text));

        Assert.Equal("programa de trabajo de gestion territorial region de nuble ohiggins y bio bio", expected);
        Assert.Equal(resultSize, allocated);
    }

    private static long AllocatedBy(Func<string> action)
    {
        GC.KeepAlive(action());
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(action());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void CollectStrings(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                texts.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectStrings(item, texts);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    texts.Add(property.Name);
                    CollectStrings(property.Value, texts);
                }

                break;
        }
    }

    // The original implementation (before the single-pass rewrite), kept verbatim as the reference.
    private static string ReferenceNormalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = ReferenceRemoveNoteNumbers(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || IsApostrophe(c))
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static bool IsApostrophe(char c) => c is '\'' or '´' or '’' or '‘' or '`' or 'ʼ';

    private static string ReferenceRemoveNoteNumbers(string text)
    {
        if (!text.Contains('(', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '(')
            {
                var j = i + 1;
                while (j < text.Length && text[j] == ' ')
                {
                    j++;
                }

                var digitsStart = j;
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                var hasDigits = j > digitsStart;
                while (j < text.Length && text[j] == ' ')
                {
                    j++;
                }

                if (hasDigits && j < text.Length && text[j] == ')')
                {
                    builder.Append(' ');
                    i = j + 1;
                    continue;
                }
            }

            builder.Append(text[i]);
            i++;
        }

        return builder.ToString();
    }
}
