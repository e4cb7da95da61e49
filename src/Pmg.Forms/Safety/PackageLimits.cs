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

    /// <summary>
    /// Largest number of characters one read materialises into the layout: every paragraph and cell, and every cell's
    /// copy of a shared string it references (one huge shared string referenced by many cells counts each time).
    /// A real form holds well under 200 000; past this the read is refused instead of exhausting memory.
    /// </summary>
    public long MaxTextCharacters { get; init; } = 8_000_000;

    /// <summary>Largest number of cells and paragraphs one read materialises, across every table and sheet.</summary>
    public long MaxLayoutCells { get; init; } = 1_000_000;

    /// <summary>The limits used when the caller gives none.</summary>
    public static PackageLimits Default { get; } = new();
}
