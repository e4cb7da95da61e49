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

    [Fact]
    public void ClosingDatePassed_ByInjectedClock_DayAfterClosing()
    {
        var options = new PmgOptions { ClosingMonthDay = "02-15" };
        var clock = new FakeTimeProvider(new DateTimeOffset(2010, 2, 15, 23, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);

        Assert.Equal(new DateOnly(2010, 2, 15), options.ClosingDateFor(2009));
        Assert.False(options.ClosingDatePassed(2009, clock));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.True(options.ClosingDatePassed(2009, clock));
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
