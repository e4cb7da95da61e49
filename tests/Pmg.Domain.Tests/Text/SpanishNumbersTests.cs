using Pmg.Domain.Text;

namespace Pmg.Domain.Tests.Text;

public class SpanishNumbersTests
{
    [Theory]
    [InlineData("7.35", 2, "7,35")]
    [InlineData("100", 2, "100")]
    [InlineData("100.50", 2, "100,5")]
    [InlineData("33.3333", 2, "33,33")]
    [InlineData("0.005", 2, "0,01")]
    public void Format_Value_UsesDecimalCommaAndDropsZeros(string value, int decimals, string expected)
    {
        Assert.Equal(expected, SpanishNumbers.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));
    }

    [Theory]
    [InlineData("96", "96,00")]
    [InlineData("88.875", "88,88")]
    [InlineData("88.874", "88,87")]
    public void Fixed_Value_ShowsTwoDecimalsHalfUp(string value, string expected)
    {
        Assert.Equal(expected, SpanishNumbers.Fixed(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
