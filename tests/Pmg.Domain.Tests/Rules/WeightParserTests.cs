using Pmg.Domain.Rules;

namespace Pmg.Domain.Tests.Rules;

public class WeightParserTests
{
    [Theory]
    [InlineData("0.5%", "0.5")]
    [InlineData("0,5%", "0.5")]
    [InlineData("0.05 %", "0.05")]
    [InlineData("5", "5")]
    [InlineData("11,11%", "11.11")]
    [InlineData("100%", "100")]
    [InlineData(" 4 % ", "4")]
    public void Parse_WrittenWeight_ReadsPoints(string raw, string points)
    {
        var value = WeightParser.Parse(raw);

        Assert.Equal(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), value.Points);
        Assert.Equal(WeightNotice.None, value.Notice);
    }

    [Fact]
    public void Parse_LeadingZero_ReadsNumberWithNotice()
    {
        Assert.Equal(new WeightValue(1m, WeightNotice.LeadingZero), WeightParser.Parse("01%"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Blank_IsBlankWithoutPoints(string? raw)
    {
        Assert.Equal(new WeightValue(null, WeightNotice.Blank), WeightParser.Parse(raw));
    }

    [Theory]
    [InlineData("cinco")]
    [InlineData("5 puntos")]
    [InlineData("%")]
    [InlineData("1.2.3")]
    [InlineData("-5%")]
    [InlineData("5%%")]
    public void Parse_Garbage_IsUnreadable(string raw)
    {
        Assert.Equal(new WeightValue(null, WeightNotice.Unreadable), WeightParser.Parse(raw));
    }

    [Fact]
    public void FromNumber_PercentFormatted_MultipliesByHundred()
    {
        Assert.Equal(new WeightValue(5m, WeightNotice.None), WeightParser.FromNumber(0.05m, percentFormatted: true));
    }

    [Fact]
    public void FromNumber_PlainNumber_IsPoints()
    {
        Assert.Equal(new WeightValue(5m, WeightNotice.None), WeightParser.FromNumber(5m, percentFormatted: false));
    }
}
