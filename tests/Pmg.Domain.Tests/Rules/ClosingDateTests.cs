using Pmg.Domain.Rules;

namespace Pmg.Domain.Tests.Rules;

public class ClosingDateTests
{
    [Fact]
    public void For_DefaultMonthDay_Is31JanuaryOfNextYear()
    {
        Assert.Equal(new DateOnly(2010, 1, 31), ClosingDate.For(2009));
    }

    [Fact]
    public void For_ConfiguredMonthDay_UsesIt()
    {
        Assert.Equal(new DateOnly(2010, 3, 15), ClosingDate.For(2009, 3, 15));
    }

    [Theory]
    [InlineData(2010, 2, 30, 2011, 2, 28)]
    [InlineData(2011, 2, 30, 2012, 2, 29)]
    [InlineData(2009, 13, 40, 2010, 12, 31)]
    public void For_DayPastMonthEnd_ClampsWithoutThrowing(int year, int month, int day, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), ClosingDate.For(year, month, day));
    }

    [Fact]
    public void HasPassed_OnClosingDay_IsFalseAndNextDayTrue()
    {
        var closing = ClosingDate.For(2009);

        Assert.False(ClosingDate.HasPassed(closing, new DateOnly(2010, 1, 31)));
        Assert.True(ClosingDate.HasPassed(closing, new DateOnly(2010, 2, 1)));
    }

    [Theory]
    [InlineData("01-31", 1, 31)]
    [InlineData(" 02-29 ", 2, 29)]
    [InlineData("12-15", 12, 15)]
    public void TryParseMonthDay_Setting_ReadsMonthAndDay(string text, int month, int day)
    {
        Assert.True(ClosingDate.TryParseMonthDay(text, out var m, out var d));
        Assert.Equal((month, day), (m, d));
    }

    [Theory]
    [InlineData("")]
    [InlineData("31-01")]
    [InlineData("02-30")]
    [InlineData("enero")]
    public void TryParseMonthDay_Invalid_ReturnsFalseWithDefault(string text)
    {
        Assert.False(ClosingDate.TryParseMonthDay(text, out var m, out var d));
        Assert.Equal((1, 31), (m, d));
    }
}
