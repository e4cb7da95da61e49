namespace Pmg.Forms.Tests.Builders;

/// <summary>A cell of a generated form: lines of text, a number with its format, or a continuation of the cell above.</summary>
internal sealed record FormCell
{
    public static FormCell Blank { get; } = new();

    /// <summary>Continues the cell above: Word vMerge, Excel merged range.</summary>
    public static FormCell MergedAbove { get; } = new() { Merged = true };

    public IReadOnlyList<string> Lines { get; init; } = [];

    public bool Merged { get; init; }

    /// <summary>Word: the lines as runs of one paragraph, split where the test says (e.g. mid-word).</summary>
    public bool AsRuns { get; init; }

    /// <summary>Word: the lines in one paragraph separated by w:br.</summary>
    public bool AsBreaks { get; init; }

    /// <summary>Word: the lines in a table nested inside the cell, one row each.</summary>
    public bool AsNestedTable { get; init; }

    /// <summary>Word: the cell wrapped in a content control (w:sdt), as template-based forms have it.</summary>
    public bool InContentControl { get; init; }

    public decimal? Number { get; init; }

    /// <summary>Excel number format: null (General), "9" (built-in 0%) or a custom code such as "0.0%".</summary>
    public string? NumberFormat { get; init; }

    public static FormCell Text(params string[] lines) => new() { Lines = lines };

    public static FormCell Runs(params string[] runs) => new() { Lines = runs, AsRuns = true };

    public static FormCell Breaks(params string[] lines) => new() { Lines = lines, AsBreaks = true };

    public static FormCell Nested(params string[] lines) => new() { Lines = lines, AsNestedTable = true };

    public static FormCell Numeric(decimal value, string? format = null) => new() { Number = value, NumberFormat = format };

    public static implicit operator FormCell(string text) => Text(text);

    /// <summary>The text as a Word user would type it for a number cell.</summary>
    public IReadOnlyList<string> WordLines =>
        Number is { } n ? [n.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Lines;
}
