namespace Pmg.Forms.Safety;

/// <summary>How much a submitted package may weigh, inflate to and contain before it is refused unopened.</summary>
public sealed record PackageLimits
{
    /// <summary>Largest accepted file, in bytes, as uploaded.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Largest total of inflated bytes across all entries (declared and actual).</summary>
    public long MaxInflatedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Largest inflated/compressed ratio for one entry (checked once the entry passes a small grace size).</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Largest number of zip entries.</summary>
    public int MaxEntries { get; init; } = 2_000;

    /// <summary>Largest number of &lt;row&gt; elements in one worksheet.</summary>
    public int MaxSheetRows { get; init; } = 50_000;

    /// <summary>Largest number of &lt;c&gt; (cell) elements in one worksheet.</summary>
    public long MaxSheetCells { get; init; } = 1_000_000;

    /// <summary>The limits used when the caller gives none.</summary>
    public static PackageLimits Default { get; } = new();
}
