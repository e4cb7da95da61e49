using Pmg.Domain.Regions;
using Pmg.Domain.Rules;

namespace Pmg.Pipeline;

/// <summary>Settings of section "Pmg": known services, expected regions, closing date, schedules.</summary>
public sealed class PmgOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Pmg";

    /// <summary>Comma-separated known services (e.g. "SERNAM"); a blob under any other service is refused.</summary>
    public string Services { get; set; } = "";

    /// <summary>Comma-separated ISO region codes expected to report; empty = every region existing that year.</summary>
    public string ExpectedRegions { get; set; } = "";

    /// <summary>Closing month and day in the following year, "MM-dd" (default "01-31").</summary>
    public string ClosingMonthDay { get; set; } = "01-31";

    /// <summary>The binding expression both hosts' recalculation timers take their schedule from.</summary>
    public const string RecalculationScheduleBinding = "%" + SectionName + ":" + nameof(RecalculationSchedule) + "%";

    /// <summary>NCRONTAB schedule of the national recalculation (default hourly).</summary>
    public string RecalculationSchedule { get; set; } = "0 0 * * * *";

    /// <summary>How often reminders about activities at risk are repeated.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The default of <see cref="TimeZone"/>: Chile's zone, with its daylight-saving changes.</summary>
    public const string DefaultTimeZone = "America/Santiago";

    /// <summary>
    /// The zone every date people read is reckoned in (closing date, days left, report times): IANA or Windows id,
    /// default <see cref="DefaultTimeZone"/>. Linux Functions plans run in UTC, so nothing relies on the machine's zone.
    /// </summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>
    /// The zone of <see cref="TimeZone"/> (the validator refuses an unknown id at start-up). A method, not a property:
    /// the configuration binder (and its source generator under NativeAOT) must not try to bind a TimeZoneInfo.
    /// </summary>
    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(TimeZone) ? DefaultTimeZone : TimeZone.Trim());

    /// <summary>Now in <see cref="Zone()"/>, converted explicitly from the injected clock's UTC time.</summary>
    public DateTimeOffset LocalNow(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone());
    }

    /// <summary>Today's date in <see cref="Zone()"/>.</summary>
    public DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(LocalNow(time).DateTime);

    /// <summary>The known services, trimmed.</summary>
    public IReadOnlyList<string> KnownServices => Split(Services);

    /// <summary>The expected regions for a year: the configured ones, or every region existing that year.</summary>
    public IReadOnlyList<Region> ExpectedRegionsIn(int year)
    {
        var codes = Split(ExpectedRegions);
        return codes.Count == 0
            ? RegionCatalog.ExistingIn(year)
            : codes.Select(RegionCatalog.FindByCode).OfType<Region>().Where(r => r.ExistedIn(year)).ToArray();
    }

    /// <summary>The closing (month, day) parsed from <see cref="ClosingMonthDay"/>; 31 January when unset.</summary>
    public (int Month, int Day) ClosingDay => ClosingDate.TryParseMonthDay(ClosingMonthDay, out var month, out var day) ? (month, day) : (1, 31);

    /// <summary>The closing date of the forms of <paramref name="year"/> (the configured day of the next year).</summary>
    public DateOnly ClosingDateFor(int year) => ClosingDate.For(year, ClosingDay.Month, ClosingDay.Day);

    /// <summary>Whether the closing date of <paramref name="year"/> has passed, by today's date in <see cref="Zone()"/>.</summary>
    public bool ClosingDatePassed(int year, TimeProvider time) => ClosingDate.HasPassed(ClosingDateFor(year), Today(time));

    /// <summary>Finds the configured spelling of a service, case-insensitively.</summary>
    public string? FindService(string service) =>
        KnownServices.FirstOrDefault(s => string.Equals(s, service, StringComparison.OrdinalIgnoreCase));

    private static List<string> Split(string? list) =>
        (list ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
