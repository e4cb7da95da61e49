namespace Pmg.Forms.Safety;

/// <summary>
/// The memory one read may spend, counted as the readers materialise the layout: characters of text (a shared
/// string counted once per cell that references it) and cells/paragraphs. Past <see cref="PackageLimits.MaxTextCharacters"/>
/// or <see cref="PackageLimits.MaxLayoutCells"/> the read is refused with <see cref="RefusalCodes.ContentTooLarge"/>,
/// long before an <see cref="OutOfMemoryException"/> could be thrown.
/// </summary>
internal sealed class ReadBudget(string file, PackageLimits limits)
{
    private long characters;
    private long cells;

    /// <summary>Counts text taken into the layout from the document itself.</summary>
    public void Text(int length)
    {
        characters += length;
        if (characters > limits.MaxTextCharacters)
        {
            throw new PackageRefusedException(Refusals.TooMuchText(file, limits.MaxTextCharacters));
        }
    }

    /// <summary>Counts one cell's copy of a shared string.</summary>
    public void SharedText(int length)
    {
        characters += length;
        if (characters > limits.MaxTextCharacters)
        {
            throw new PackageRefusedException(Refusals.TooMuchSharedText(file, limits.MaxTextCharacters));
        }
    }

    /// <summary>Counts one cell or paragraph of the layout.</summary>
    public void Cell()
    {
        if (++cells > limits.MaxLayoutCells)
        {
            throw new PackageRefusedException(Refusals.TooManyCells(file, limits.MaxLayoutCells));
        }
    }

    /// <summary>Counts the cells a merged range touches once clipped to the sheet's extent.</summary>
    public void MergedCells(long area, string range)
    {
        cells += area;
        if (cells > limits.MaxLayoutCells)
        {
            throw new PackageRefusedException(Refusals.MergedTooLarge(file, range, limits.MaxLayoutCells));
        }
    }
}
