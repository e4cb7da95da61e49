using System.Globalization;

namespace Pmg.Domain.Text;

/// <summary>Formats decimals the way Chilean readers write them (decimal comma), rounding half-up.</summary>
public static class SpanishNumbers
{
    /// <summary>At most <paramref name="maxDecimals"/> decimals, trailing zeros dropped: 7.35 → "7,35", 100 → "100".</summary>
    public static string Format(decimal value, int maxDecimals = 2)
    {
        var rounded = Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero);
        var format = maxDecimals == 0 ? "0" : "0." + new string('#', maxDecimals);
        return rounded.ToString(format, CultureInfo.InvariantCulture).Replace('.', ',');
    }

    /// <summary>A weight total as the tables show it, with the decimals it needs up to four: 2.5 → "2,50", 99.6667 → "99,6667".</summary>
    public static string Weight(decimal value) =>
        Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.00##", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>Exactly <paramref name="decimals"/> decimals: 96 → "96,00", 88.875 → "88,88".</summary>
    public static string Fixed(decimal value, int decimals = 2)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('.', ',');
    }
}
