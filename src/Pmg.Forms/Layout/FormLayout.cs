using Pmg.Domain.Model;

namespace Pmg.Forms.Layout;

/// <summary>A file reduced to what the assembler needs: paragraphs and tables in reading order, format-neutral.</summary>
internal sealed record FormLayout(FormFormat Format, IReadOnlyList<LayoutBlock> Blocks);

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
    public LayoutCell? CellAt(int column) =>
        Cells.FirstOrDefault(c => c.Column <= column && column < c.Column + c.Span);

    /// <summary>True when no cell holds any text.</summary>
    public bool IsBlank => Cells.All(c => c.IsBlank);
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

    /// <summary>The lines that hold text, trimmed.</summary>
    public IReadOnlyList<string> TextLines => [.. Lines.Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>All text joined with single spaces.</summary>
    public string Text => string.Join(' ', TextLines);

    /// <summary>True when the cell holds no text.</summary>
    public bool IsBlank => TextLines.Count == 0;
}
