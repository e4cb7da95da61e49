using Microsoft.Extensions.Time.Testing;

namespace Pmg.Pipeline.Tests;

public sealed class PmgOptionsTests
{
    [Theory]
    [InlineData("0 0 * * * *")]
    [InlineData("0 */5 * * * *")]
    [InlineData("*/15 * * * *")]
    public void Validate_ScheduleNCrontabReads_Passes(string schedule)
    {
        var options = new PmgOptions { Services = "SERNAM", ClosingMonthDay = "01-31", RecalculationSchedule = schedule };

        Assert.False(new PmgOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void KnownServices_CommaSeparatedSetting_TrimmedList()
    {
        var options = new PmgOptions { Services = " SERNAM, INJUV ,," };

        Assert.Equal(["SERNAM", "INJUV"], options.KnownServices);
        Assert.Equal("INJUV", options.FindService("injuv"));
        Assert.Null(options.FindService("SENAME"));
    }

    [Fact]
    public void ExpectedRegionsIn_Empty_EveryRegionExistingThatYear()
    {
        var options = new PmgOptions();

        Assert.Equal(15, options.ExpectedRegionsIn(2009).Count);
        Assert.Equal(16, options.ExpectedRegionsIn(2018).Count);
    }

    [Fact]
    public void ExpectedRegionsIn_Configured_OnlyThoseThatExisted()
    {
        var options = new PmgOptions { ExpectedRegions = "CL-TA, CL-VS, CL-NB" };

        Assert.Equal(["CL-TA", "CL-VS"], options.ExpectedRegionsIn(2009).Select(r => r.Code));
    }

    [Theory]
    [InlineData("2010-02-01T02:59:00Z", false)] // 23:59 of 31 January in Chile (UTC−3 in summer), already 1 February in UTC
    [InlineData("2010-02-01T03:00:00Z", true)]  // midnight in Chile
    public void ClosingDatePassed_AroundChileanMidnight_ByChileDateNotUtc(string utc, bool passed)
    {
        var options = new PmgOptions();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc); // the machine's zone must not matter: Linux plans run in UTC

        Assert.Equal(new DateOnly(2010, 1, 31), options.ClosingDateFor(2009));
        Assert.Equal(passed, options.ClosingDatePassed(2009, clock));
    }

    [Theory]
    // Chile left daylight-saving time at 24:00 of 6 April 2024 (UTC−3 → UTC−4): 03:30 UTC is still 23:30 of the 6th.
    [InlineData("04-06", "2024-04-07T03:30:00Z", false, 0)]
    [InlineData("04-06", "2024-04-07T04:00:00Z", true, -1)]
    // and entered it at 24:00 of 7 September 2024 (UTC−4 → UTC−3): 03:59 UTC is 23:59 of the 7th, 04:00 UTC is 01:00 of the 8th.
    [InlineData("09-07", "2024-09-08T03:59:00Z", false, 0)]
    [InlineData("09-07", "2024-09-08T04:00:00Z", true, -1)]
    public void ClosingDatePassed_AcrossDaylightSavingChanges_FollowsChileClock(string closing, string utc, bool passed, int daysLeft)
    {
        var options = new PmgOptions { ClosingMonthDay = closing };
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(passed, options.ClosingDatePassed(2023, clock));
        Assert.Equal(daysLeft, Domain.Rules.ClosingDate.DaysLeft(options.ClosingDateFor(2023), options.Today(clock)));
    }

    [Fact]
    public void Today_OtherZoneConfigured_ThatZonesDate()
    {
        var options = new PmgOptions { TimeZone = "UTC" };
        var clock = new FakeTimeProvider(new DateTimeOffset(2010, 2, 1, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2010, 2, 1), options.Today(clock));
        Assert.Equal(new DateOnly(2010, 1, 31), new PmgOptions().Today(clock));
    }

    [Fact]
    public void Validate_UnknownTimeZone_FailsNamingTheSetting()
    {
        var options = new PmgOptions { Services = "SERNAM", TimeZone = "Chile/Marte" };

        var result = new PmgOptionsValidator().Validate(null, options);

        Assert.Contains("Pmg:TimeZone «Chile/Marte» is not a time zone", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "01-31", "0 0 * * * *", "Pmg:Services must list at least one service")]
    [InlineData("SERNAM", "31-01", "0 0 * * * *", "Pmg:ClosingMonthDay must be MM-dd")]
    [InlineData("SERNAM", "01-31", "hourly", "Pmg:RecalculationSchedule «hourly» must be an NCRONTAB expression")]
    [InlineData("SERNAM", "01-31", "0 0 25 * * *", "Pmg:RecalculationSchedule «0 0 25 * * *» must be an NCRONTAB expression with 5 or 6 fields: NCrontab cannot read it.")]
    [InlineData("SERNAM", "01-31", "0 */5 * * * lunes", "Pmg:RecalculationSchedule «0 */5 * * * lunes» must be an NCRONTAB expression with 5 or 6 fields: NCrontab cannot read it.")]
    [InlineData("SER|NAM", "01-31", "0 0 * * * *", "Pmg:Services entries must not contain")]
    public void Validate_BadSetting_FailsNamingTheSetting(string services, string closing, string schedule, string expected)
    {
        var options = new PmgOptions { Services = services, ClosingMonthDay = closing, RecalculationSchedule = schedule };

        var result = new PmgOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SampleSettings_Succeed()
    {
        var options = new PmgOptions { Services = "SERNAM", ExpectedRegions = "", ClosingMonthDay = "01-31", RecalculationSchedule = "0 0 * * * *", ReminderInterval = TimeSpan.FromDays(7) };

        Assert.True(new PmgOptionsValidator().Validate(null, options).Succeeded);
    }
}
