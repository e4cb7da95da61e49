using System.Globalization;

namespace Pmg.Portal;

/// <summary>Dates as people in Chile read them: America/Santiago, "29-11-2026 02:05".</summary>
public static class PortalClock
{
    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    /// <summary>Chile's time zone (IANA America/Santiago, with its daylight-saving changes).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

    /// <summary>Now in Chile.</summary>
    public static DateTimeOffset ChileNow(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);
    }

    /// <summary>"dd-MM-yyyy HH:mm" in Chile's time.</summary>
    public static string Format(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).ToString("dd-MM-yyyy HH:mm", Chile);
}
