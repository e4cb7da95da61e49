namespace Pmg.Pipeline.Json;

/// <summary>How the JSON contracts write numbers.</summary>
public static class ContractNumbers
{
    /// <summary>A performance rounded half-up and always with two decimals (96 → 96.00); null stays null.</summary>
    public static decimal? TwoDecimals(decimal? value) =>
        value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) + 0.00m : null;
}
