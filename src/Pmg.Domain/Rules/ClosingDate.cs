using System.Globalization;

namespace Pmg.Domain.Rules;

/// <summary>The date after which an unreported region or an unmarked activity counts against the programme.</summary>
public static class ClosingDate
{
    /// <summary>
    /// The closing date of the form for <paramref name="year"/>: the given month and day of the next year
    /// (default 31 January). A day past the month's end is clamped to its last day (e.g. 02-30 → 28/29 February).
    /// </summary>
    public static DateOnly For(int year, int month = 1, int day = 31)
    {
        var closingYear = Math.Clamp(year + 1, DateOnly.MinValue.Year, DateOnly.MaxValue.Year);
        var closingMonth = Math.Clamp(month, 1, 12);
        var closingDay = Math.Clamp(day, 1, DateTime.DaysInMonth(closingYear, closingMonth));
        return new DateOnly(closingYear, closingMonth, closingDay);
    }

    /// <summary>Whether the closing date has passed on <paramref name="today"/> (the closing day itself is still open).</summary>
    public static bool HasPassed(DateOnly closingDate, DateOnly today) => today > closingDate;

    /// <summary>Days from <paramref name="today"/> to the closing date: 0 on the day itself, negative once it has passed.</summary>
    public static int DaysLeft(DateOnly closingDate, DateOnly today) => closingDate.DayNumber - today.DayNumber;

    /// <summary>Parses the "MM-dd" setting (Pmg:ClosingMonthDay, e.g. "01-31"); false when it is not a real month and day.</summary>
    public static bool TryParseMonthDay(string? text, out int month, out int day)
    {
        month = 1;
        day = 31;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // A leap year, so "02-29" is accepted.
        if (!DateOnly.TryParseExact("2000-" + text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        month = parsed.Month;
        day = parsed.Day;
        return true;
    }
}
