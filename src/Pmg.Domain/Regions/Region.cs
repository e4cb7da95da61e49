namespace Pmg.Domain.Regions;

/// <summary>A Chilean region (ISO 3166-2:CL) and the years it existed.</summary>
/// <param name="Code">ISO 3166-2 code, e.g. "CL-TA".</param>
/// <param name="Name">Official short name, e.g. "Tarapacá".</param>
/// <param name="Numeral">Roman numeral or "RM", e.g. "I".</param>
/// <param name="FromYear">First year it existed, or null when it always has.</param>
public sealed record Region(string Code, string Name, string Numeral, int? FromYear = null)
{
    /// <summary>Whether the region existed in the given year.</summary>
    public bool ExistedIn(int year) => FromYear is null || year >= FromYear;

    /// <inheritdoc />
    public override string ToString() => Code + " " + Name;
}
