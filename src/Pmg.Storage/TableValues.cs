using System.Globalization;

namespace Pmg.Storage;

/// <summary>How values are kept in table properties.</summary>
internal static class TableValues
{
    /// <summary>Tables have no decimal type: the exact decimal text (scale kept), never a double.</summary>
    public static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal written by <see cref="Number"/>; null when absent or unreadable.</summary>
    public static decimal? Decimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A property holds at most 32 K characters; form cells are far shorter, a hostile one is cut.</summary>
    public static string? Clip(string? text) => text is { Length: > 30_000 } ? text[..30_000] : text;
}
