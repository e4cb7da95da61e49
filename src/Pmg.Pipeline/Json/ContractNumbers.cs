namespace Pmg.Pipeline.Json;

/// <summary>How the JSON contracts write numbers.</summary>
public static class ContractNumbers
{
    /// <summary>A performance rounded half-up and always with two decimals (96 → 96.00); null stays null.</summary>
    public static decimal? TwoDecimals(decimal? value) =>
        value is { } v ? TwoDecimals(v) : null;

    /// <summary>
    /// A weight or performance rounded half-up and always with two decimals (7.35 → 7.35, 2.5 → 2.50, 100 → 100.00),
    /// so that a script reading the JSON sees every number of a field at one scale.
    /// </summary>
    public static decimal TwoDecimals(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
