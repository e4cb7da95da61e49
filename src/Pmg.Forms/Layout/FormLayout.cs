using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Text;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Layout;

/// <summary>A file reduced to what the assembler needs: paragraphs and tables in reading order, format-neutral.</summary>
internal sealed record FormLayout(FormFormat Format, IReadOnlyList<LayoutBlock> Blocks)
{
    /// <summary>
    /// What the reader noticed about the file as a whole and says so (tracked changes; hidden sheets and hidden text it
    /// left out), reported before the content's diagnostics.
    /// </summary>
    public IReadOnlyList<Diagnostic> Notices { get; init; } = [];
}

/// <summary>A paragraph or a table of the neutral layout.</summary>
internal abstract record LayoutBlock;

/// <summary>A paragraph outside any table (Word) or a sheet's name (Excel).</summary>
internal sealed record LayoutParagraph(string Text) : LayoutBlock;

/// <summary>A table (Word) or a whole sheet (Excel): rows of cells.</summary>
internal sealed record LayoutTable(IReadOnlyList<LayoutRow> Rows) : LayoutBlock;

/// <summary>A table row: its cells by grid column (Excel: one row of the sheet).</summary>
internal sealed record LayoutRow(IReadOnlyList<LayoutCell> Cells)
{
    /// <summary>The cell covering grid column <paramref name="column"/>, if any.</summary>
    public LayoutCell? CellAt(int column)
    {
        foreach (var cell in Cells)
        {
            if (cell.Column <= column && column < cell.Column + cell.Span)
            {
                return cell;
            }
        }

        return null;
    }

    /// <summary>True when no cell holds any text.</summary>
    public bool IsBlank => FirstFilled is null;

    /// <summary>The first cell after <paramref name="cell"/> that holds text, if any.</summary>
    public LayoutCell? FilledAfter(LayoutCell cell)
    {
        var seen = false;
        foreach (var candidate in Cells)
        {
            if (seen && !candidate.IsBlank)
            {
                return candidate;
            }

            seen |= ReferenceEquals(candidate, cell);
        }

        return null;
    }

    /// <summary>The first cell that holds text, if any.</summary>
    public LayoutCell? FirstFilled
    {
        get
        {
            foreach (var cell in Cells)
            {
                if (!cell.IsBlank)
                {
                    return cell;
                }
            }

            return null;
        }
    }
}

/// <summary>
/// A cell: its lines (Word paragraphs or Excel line breaks), its grid position, whether it only continues a cell
/// merged from above (Word vMerge, Excel merged range), and for Excel its reference and numeric value.
/// </summary>
internal sealed record LayoutCell(IReadOnlyList<string> Lines, int Column, int Span = 1)
{
    /// <summary>Continues the cell above (vertical merge): its own content is not new.</summary>
    public bool ContinuesAbove { get; init; }

    /// <summary>Excel cell reference such as "G9"; null for Word.</summary>
    public string? Reference { get; init; }

    /// <summary>Excel numeric value, when the cell holds a number.</summary>
    public decimal? Number { get; init; }

    /// <summary>Whether the Excel number is shown with a percent format.</summary>
    public bool PercentFormatted { get; init; }

    /// <summary>
    /// Excel: the formula ("1-G7", or "" for a shared one) of a cell saved without its calculated value, which is
    /// read as blank and reported, never taken for 0; null otherwise.
    /// </summary>
    public string? UncalculatedFormula { get; init; }

    // Computed once: the assembler asks for a cell's text many times (header recognition, every column lookup).
    // Initialised from Lines, so a copy made with "with" (which never changes Lines) keeps them valid.
    private readonly IReadOnlyList<string> textLines = TrimmedLines(Lines);
    private string? text;
    private string? normalizedText;

    /// <summary>The lines that hold text, trimmed; Word's prompt of an untouched content control is no text.</summary>
    public IReadOnlyList<string> TextLines => textLines;

    /// <summary>Every line in place, trimmed, Word's prompts blank: for values matched to activities by position.</summary>
    public IReadOnlyList<string> PositionalLines =>
        [.. Lines.Select(l => FormVocabulary.IsPlaceholderPrompt(l) ? "" : l.Trim())];

    /// <summary>All text joined with single spaces.</summary>
    public string Text => text ??= textLines.Count switch
    {
        0 => "",
        1 => textLines[0],
        _ => string.Join(' ', textLines),
    };

    /// <summary><see cref="Text"/> through <see cref="TextNormalizer.Normalize"/>, as headers and labels are matched.</summary>
    public string NormalizedText => normalizedText ??= textLines.Count == 0 ? "" : TextNormalizer.Normalize(Text);

    /// <summary>True when the cell holds no text.</summary>
    public bool IsBlank => textLines.Count == 0;

    /// <summary>
    /// False only when <see cref="NormalizedText"/> certainly does not start with one of <paramref name="initials"/>
    /// (lower-case ASCII letters), judged from the first letter or digit without normalising: most cells of a form
    /// are data, and this spares normalising them all just to learn they are not a column title. Anything the quick
    /// look cannot settle (a non-ASCII letter, a "(n)" note before the first letter) answers true.
    /// </summary>
    public bool CouldStartWith(string initials)
    {
        foreach (var line in textLines)
        {
            foreach (var c in line)
            {
                if (c == '(' || (c > 127 && char.IsLetterOrDigit(c)))
                {
                    return true;
                }

                if (char.IsAsciiLetterOrDigit(c))
                {
                    return initials.Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(LayoutCell? other) =>
        other is not null && Lines.SequenceEqual(other.Lines) && Column == other.Column && Span == other.Span
        && ContinuesAbove == other.ContinuesAbove && Reference == other.Reference && Number == other.Number
        && PercentFormatted == other.PercentFormatted && UncalculatedFormula == other.UncalculatedFormula;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lines.Count, Column, Span, ContinuesAbove, Reference, Number, PercentFormatted);

    private static IReadOnlyList<string> TrimmedLines(IReadOnlyList<string> lines)
    {
        // Usually every line is already trimmed text (or the cell is one empty line): no copy then.
        var clean = true;
        var blank = true;
        foreach (var line in lines)
        {
            var prompt = FormVocabulary.IsPlaceholderPrompt(line);
            clean &= line.Length > 0 && !char.IsWhiteSpace(line[0]) && !char.IsWhiteSpace(line[^1]) && !prompt;
            blank &= string.IsNullOrWhiteSpace(line) || prompt;
        }

        if (blank)
        {
            return [];
        }

        if (clean)
        {
            return lines;
        }

        List<string>? kept = null;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !FormVocabulary.IsPlaceholderPrompt(trimmed))
            {
                (kept ??= new List<string>(lines.Count)).Add(trimmed);
            }
        }

        return kept is null ? [] : kept;
    }
}
