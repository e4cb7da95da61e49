using System.Buffers;
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
    /// <remarks>
    /// Defined as: remove note numbers, decompose (Unicode FormD), drop non-spacing marks and apostrophes, keep letters
    /// and digits lower-cased (per UTF-16 unit) and turn every run of anything else into one space between words.
    /// Text made only of Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional and General Punctuation
    /// characters (every form text in practice) is folded in one pass through a precomputed table into a pooled buffer,
    /// allocating only the result (nothing when the text is already normalised); anything else is decomposed for real.
    /// A lone surrogate or U+FFFE is a separator (string.Normalize would throw on it).
    /// </remarks>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        char[]? rented = null;
        var buffer = text.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = FoldThroughTable(text, buffer);
            if (length < 0)
            {
                return FoldDecomposed(text);
            }

            var folded = buffer[..length];
            return folded.Length == 0 ? "" : folded.SequenceEqual(text) ? text : new string(folded);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
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

    private const int StackBufferLength = 256;

    // Table entries that are not a lower-cased letter or digit.
    private const char Separator = '\uFFFF';
    private const char Skip = '\uFFFE';
    private const char Unmapped = '\uFFFD';

    // Ranges whose characters are all starters (canonical combining class 0) with a context-free decomposition, so
    // decomposing the text is decomposing each character: folding per character gives exactly the FormD result.
    private static readonly (char First, char Last)[] TableRanges =
    [
        ('\u0000', '\u024F'), // Basic Latin, Latin-1 Supplement, Latin Extended-A and -B
        ('\u1E00', '\u1EFF'), // Latin Extended Additional
        ('\u2000', '\u206F'), // General Punctuation
    ];

    private static readonly char[][] Tables = BuildTables();

    private static bool IsApostrophe(char c) => c is '\'' or '´' or '’' or '‘' or '`' or 'ʼ';

    // Returns the folded length in buffer, or -1 when the text holds a character outside the tables.
    private static int FoldThroughTable(string text, Span<char> buffer)
    {
        var writer = new FoldWriter(buffer);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '(' && TryMatchNoteNumber(text, i, out var next))
            {
                writer.Separate();
                i = next;
                continue;
            }

            var folded = Lookup(c);
            if (folded == Unmapped)
            {
                return -1;
            }

            if (folded == Separator)
            {
                writer.Separate();
            }
            else if (folded != Skip)
            {
                writer.Append(folded);
            }

            i++;
        }

        return writer.Length;
    }

    private static char Lookup(char c)
    {
        for (var r = 0; r < TableRanges.Length; r++)
        {
            var (first, last) = TableRanges[r];
            if (c >= first && c <= last)
            {
                return Tables[r][c - first];
            }
        }

        return Unmapped;
    }

    // The general path: note numbers removed, the text decomposed for real, then every UTF-16 unit classified.
    private static string FoldDecomposed(string text)
    {
        var withoutNotes = ArrayPool<char>.Shared.Rent(text.Length);
        char[]? decomposed = null;
        try
        {
            var length = RemoveNoteNumbers(text, withoutNotes);
            var source = withoutNotes.AsSpan(0, length);
            var decomposedLength = source.GetNormalizedLength(NormalizationForm.FormD);
            decomposed = ArrayPool<char>.Shared.Rent(decomposedLength);
            source.TryNormalize(decomposed, out decomposedLength, NormalizationForm.FormD);

            // Folded in place: each character written stands for one already read (a letter, or the separator before it).
            var folding = decomposed.AsSpan(0, decomposedLength);
            var writer = new FoldWriter(folding);
            foreach (var c in folding)
            {
                var folded = Classify(c);
                if (folded == Separator)
                {
                    writer.Separate();
                }
                else if (folded != Skip)
                {
                    writer.Append(folded);
                }
            }

            return writer.Length == 0 ? "" : new string(decomposed, 0, writer.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(withoutNotes);
            if (decomposed is not null)
            {
                ArrayPool<char>.Shared.Return(decomposed);
            }
        }
    }

    // One UTF-16 unit of decomposed text: dropped, a separator, or a lower-cased letter or digit.
    private static char Classify(char c)
    {
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || IsApostrophe(c))
        {
            return Skip;
        }

        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : Separator;
    }

    // Writes the text without its note numbers (each becomes a space) and without lone surrogates and U+FFFE (each
    // becomes a space too: a separator either way, and decomposition rejects them); returns the length written.
    private static int RemoveNoteNumbers(string text, Span<char> destination)
    {
        var length = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '(' && TryMatchNoteNumber(text, i, out var next))
            {
                destination[length++] = ' ';
                i = next;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                destination[length++] = c;
                destination[length++] = text[i + 1];
                i += 2;
                continue;
            }

            destination[length++] = char.IsSurrogate(c) || c == '\uFFFE' ? ' ' : c;
            i++;
        }

        return length;
    }

    // "(2)", "( 11 )": footnote markers in column titles and categories. next is the index after the ")".
    private static bool TryMatchNoteNumber(string text, int open, out int next)
    {
        var j = open + 1;
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

        next = j + 1;
        return hasDigits && j < text.Length && text[j] == ')';
    }

    private static char[][] BuildTables()
    {
        var tables = new char[TableRanges.Length][];
        for (var r = 0; r < TableRanges.Length; r++)
        {
            var (first, last) = TableRanges[r];
            var table = new char[last - first + 1];
            for (var c = first; c <= last; c++)
            {
                table[c - first] = FoldAlone(c);
            }

            tables[r] = table;
        }

        return tables;
    }

    // What one character folds to on its own: nothing (Skip), a separator, one letter or digit, or Unmapped when its
    // decomposition is not one of those (a letter beside a separator; none in the table ranges today).
    private static char FoldAlone(char c)
    {
        var result = Skip;
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            var folded = Classify(d);
            if (folded == Skip || (folded == Separator && result == Separator))
            {
                continue;
            }

            if (result != Skip)
            {
                return Unmapped;
            }

            result = folded;
        }

        return result;
    }

    // Appends lower-cased letters and digits, with one space between words and none at either end.
    private ref struct FoldWriter(Span<char> destination)
    {
        private readonly Span<char> destination = destination;
        private bool pendingSpace;

        public int Length { get; private set; }

        public void Separate() => pendingSpace = true;

        public void Append(char c)
        {
            if (pendingSpace && Length > 0)
            {
                destination[Length++] = ' ';
            }

            pendingSpace = false;
            destination[Length++] = c;
        }
    }
}
