using System.Globalization;
using System.Text;

namespace Pmg.Domain.Text;

/// <summary>Normalises form text so headers, regions and objectives compare regardless of case, accents and punctuation.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Lower-case, accents removed (ñ → n), "(n)" note numbers removed, punctuation → space,
    /// whitespace collapsed, trimmed. Apostrophes (´ ' ’ `) join the letters around them ("O´Higgins" → "ohiggins").
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = RemoveNoteNumbers(text).Normalize(NormalizationForm.FormD);
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

    /// <summary>A short quotable form of a text for messages: trimmed, whitespace collapsed, cut at a word near <paramref name="maxLength"/> with "…".</summary>
    public static string Shorten(string? text, int maxLength = 60)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= maxLength)
        {
            return collapsed;
        }

        var cut = collapsed.LastIndexOf(' ', maxLength);
        if (cut < maxLength / 2)
        {
            cut = maxLength;
        }

        return collapsed[..cut].TrimEnd(',', ';', '.', ':', ' ') + "…";
    }

    private static bool IsApostrophe(char c) => c is '\'' or '´' or '’' or '‘' or '`' or 'ʼ';

    // "(2)", "( 11 )": footnote markers in column titles and categories.
    private static string RemoveNoteNumbers(string text)
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
