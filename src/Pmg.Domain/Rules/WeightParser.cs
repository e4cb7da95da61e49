using System.Globalization;

namespace Pmg.Domain.Rules;

/// <summary>What was unusual about a weight as written.</summary>
public enum WeightNotice
{
    /// <summary>Read as written.</summary>
    None,

    /// <summary>The cell is blank.</summary>
    Blank,

    /// <summary>Written with a leading zero ("01%") and read as the number (1), with a notice.</summary>
    LeadingZero,

    /// <summary>Not a number.</summary>
    Unreadable,
}

/// <summary>A weight read from a cell, in points (5 = 5 % of the programme).</summary>
/// <param name="Points">The weight in points; null when blank or unreadable.</param>
/// <param name="Notice">What was unusual about it.</param>
public sealed record WeightValue(decimal? Points, WeightNotice Notice);

/// <summary>Reads "Ponderación (%)" cells as points, in decimal, whatever way the form wrote them.</summary>
public static class WeightParser
{
    /// <summary>
    /// Reads a weight as text: "0.5%" and "0,5%" are 0.5 points, "0.05 %" is 0.05, "5" is 5, "11,11%" is 11.11,
    /// "01%" is 1 (with <see cref="WeightNotice.LeadingZero"/>); blank is <see cref="WeightNotice.Blank"/>,
    /// anything else <see cref="WeightNotice.Unreadable"/>.
    /// </summary>
    public static WeightValue Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new WeightValue(null, WeightNotice.Blank);
        }

        var text = raw.Trim().Replace('\u00A0', ' ');
        if (text.EndsWith('%'))
        {
            text = text[..^1].TrimEnd();
        }

        text = text.Replace(',', '.');
        if (text.Length == 0 || text.Count(c => c == '.') > 1 || !text.All(c => char.IsAsciiDigit(c) || c == '.')
            || text[0] == '.' || text[^1] == '.')
        {
            return new WeightValue(null, WeightNotice.Unreadable);
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points))
        {
            return new WeightValue(null, WeightNotice.Unreadable);
        }

        var leadingZero = text.Length > 1 && text[0] == '0' && char.IsAsciiDigit(text[1]);
        return new WeightValue(points, leadingZero ? WeightNotice.LeadingZero : WeightNotice.None);
    }

    /// <summary>Reads a numeric (Excel) cell: with a percent format 0.05 is shown as 5 % and is 5 points; otherwise the number is the points.</summary>
    public static WeightValue FromNumber(decimal value, bool percentFormatted)
    {
        if (value < 0)
        {
            return new WeightValue(null, WeightNotice.Unreadable);
        }

        return new WeightValue(percentFormatted ? value * 100m : value, WeightNotice.None);
    }
}
