namespace Pmg.Forms.Safety;

/// <summary>
/// Counts the rows and cells of one worksheet as it is read and refuses the package once they pass
/// <see cref="PackageLimits.MaxSheetRows"/> or <see cref="PackageLimits.MaxSheetCells"/>.
/// </summary>
internal sealed class SheetGuard(string file, string part, PackageLimits limits)
{
    private long rows;
    private long cells;

    /// <summary>Counts one &lt;row&gt;.</summary>
    public void Row()
    {
        if (++rows > limits.MaxSheetRows)
        {
            throw new PackageRefusedException(Refusals.SheetRows(file, part, limits.MaxSheetRows));
        }
    }

    /// <summary>Counts one &lt;c&gt;.</summary>
    public void Cell()
    {
        if (++cells > limits.MaxSheetCells)
        {
            throw new PackageRefusedException(Refusals.SheetCells(file, part, limits.MaxSheetCells));
        }
    }
}
