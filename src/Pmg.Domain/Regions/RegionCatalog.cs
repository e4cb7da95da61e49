using System.Text.RegularExpressions;
using Pmg.Domain.Text;

namespace Pmg.Domain.Regions;

/// <summary>The Chilean regions (ISO 3166-2:CL) and how forms write them.</summary>
public static partial class RegionCatalog
{
    private static readonly string[] RegionWords = ["region", "reg"];

    // An ISO code with the spaces a cell may keep around it; anything longer is not one (and is never matched).
    private const int MaxIsoCodeText = 64;

    // Joining words dropped before comparing names: "Región de la Araucanía" ≡ "Araucanía".
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal) { "de", "del", "la", "y", "el" };

    private static readonly (Region Region, string[] Aliases)[] Entries =
    [
        (new Region("CL-AP", "Arica y Parinacota", "XV", 2007), ["Arica y Parinacota", "Arica"]),
        (new Region("CL-TA", "Tarapacá", "I"), ["Tarapacá"]),
        (new Region("CL-AN", "Antofagasta", "II"), ["Antofagasta"]),
        (new Region("CL-AT", "Atacama", "III"), ["Atacama"]),
        (new Region("CL-CO", "Coquimbo", "IV"), ["Coquimbo"]),
        (new Region("CL-VS", "Valparaíso", "V"), ["Valparaíso"]),
        (new Region("CL-RM", "Metropolitana de Santiago", "RM"), ["Metropolitana de Santiago", "Metropolitana", "Santiago", "RM"]),
        (new Region("CL-LI", "Libertador General Bernardo O'Higgins", "VI"),
            ["Libertador General Bernardo O'Higgins", "Libertador Bernardo O'Higgins", "Libertador B. O'Higgins", "O'Higgins", "Libertador"]),
        (new Region("CL-ML", "Maule", "VII"), ["Maule"]),
        (new Region("CL-NB", "Ñuble", "XVI", 2018), ["Ñuble"]),
        (new Region("CL-BI", "Biobío", "VIII"), ["Biobío", "Bío-Bío", "Bio Bio"]),
        (new Region("CL-AR", "La Araucanía", "IX"), ["La Araucanía", "Araucanía"]),
        (new Region("CL-LR", "Los Ríos", "XIV", 2007), ["Los Ríos"]),
        (new Region("CL-LL", "Los Lagos", "X"), ["Los Lagos"]),
        (new Region("CL-AI", "Aysén del General Carlos Ibáñez del Campo", "XI"),
            ["Aysén del General Carlos Ibáñez del Campo", "Aisén del General Carlos Ibáñez del Campo", "Aysén", "Aisén"]),
        (new Region("CL-MA", "Magallanes y de la Antártica Chilena", "XII"),
            ["Magallanes y de la Antártica Chilena", "Magallanes y Antártica Chilena", "Magallanes"]),
    ];

    private static readonly Dictionary<string, Region> ByAlias = BuildAliasIndex();

    private static readonly Dictionary<string, Region> ByNumeral =
        Entries.ToDictionary(e => e.Region.Numeral.ToLowerInvariant(), e => e.Region, StringComparer.Ordinal);

    /// <summary>All sixteen regions, north to south.</summary>
    public static IReadOnlyList<Region> All { get; } = Entries.Select(e => e.Region).ToArray();

    /// <summary>The region with the given ISO code ("CL-TA", case-insensitive), or null.</summary>
    public static Region? FindByCode(string code) =>
        string.IsNullOrWhiteSpace(code)
            ? null
            : All.FirstOrDefault(r => string.Equals(r.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The regions that existed in the given year (Arica y Parinacota and Los Ríos from 2007, Ñuble from 2018).</summary>
    public static IReadOnlyList<Region> ExistingIn(int year) => All.Where(r => r.ExistedIn(year)).ToArray();

    /// <summary>
    /// Resolves a region as a form writes it: name with any accents, case or apostrophe ("O´Higgins", "Bío-Bío",
    /// "TARAPACA"), "I Región de Tarapacá", "Región de Valparaíso (V)", "V Región", "RM", or an ISO code.
    /// A numeral counts only next to the word "Región" (or "RM" on its own); a bare number never resolves.
    /// </summary>
    public static bool TryResolve(string? text, out Region region)
    {
        region = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Length <= MaxIsoCodeText && IsoCode().IsMatch(text) && FindByCode(text) is { } byCode)
        {
            region = byCode;
            return true;
        }

        var tokens = TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0)
        {
            return false;
        }

        Region? byNumeral = null;
        var regionWord = tokens.FindIndex(t => RegionWords.Contains(t));
        if (regionWord >= 0)
        {
            if (!TryTakeNumeral(tokens, regionWord, out byNumeral))
            {
                return false;
            }

            tokens.RemoveAll(t => RegionWords.Contains(t));
        }

        var name = Compact(tokens);
        Region? byName = null;
        if (name.Length > 0 && !ByAlias.TryGetValue(name, out byName))
        {
            byName = FindContainedAlias(tokens);
            if (byName is null)
            {
                return false;
            }
        }

        if (byName is not null && byNumeral is not null && byName != byNumeral)
        {
            // "I Región de Antofagasta": the numeral and the name disagree, so neither can be trusted.
            return false;
        }

        var resolved = byName ?? byNumeral;
        if (resolved is null)
        {
            return false;
        }

        region = resolved;
        return true;
    }

    // Takes one roman numeral adjacent to "región" ("V Región", "Región V") or closing the text ("Región de Valparaíso (V)").
    private static bool TryTakeNumeral(List<string> tokens, int regionWord, out Region? byNumeral)
    {
        byNumeral = null;
        int[] candidates = [regionWord - 1, regionWord + 1, tokens.Count - 1];
        foreach (var index in candidates)
        {
            if (index < 0 || index >= tokens.Count || index == regionWord)
            {
                continue;
            }

            if (ByNumeral.TryGetValue(tokens[index], out var found))
            {
                byNumeral = found;
                tokens.RemoveAt(index);
                return true;
            }
        }

        return true;
    }

    // "Dirección Regional de Tarapacá": accept a longer text only when exactly one region's name appears in it.
    private static Region? FindContainedAlias(List<string> tokens)
    {
        var words = tokens.Where(t => !FillerWords.Contains(t)).ToArray();
        var joined = " " + string.Join(' ', words) + " ";
        var matches = Entries
            .Where(e => e.Aliases.Any(a => a.Length > 2 && joined.Contains(" " + Spaced(a) + " ", StringComparison.Ordinal)))
            .Select(e => e.Region)
            .Distinct()
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string Spaced(string alias) =>
        string.Join(' ', TextNormalizer.Normalize(alias).Split(' ').Where(t => !FillerWords.Contains(t)));

    private static string Compact(IEnumerable<string> tokens) =>
        string.Concat(tokens.Where(t => !FillerWords.Contains(t)));

    private static Dictionary<string, Region> BuildAliasIndex()
    {
        var index = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var (region, aliases) in Entries)
        {
            foreach (var alias in aliases)
            {
                index[Compact(TextNormalizer.Normalize(alias).Split(' '))] = region;
            }
        }

        return index;
    }

    // Applied to document text: linear (NonBacktracking), with a timeout as a second line.
    [GeneratedRegex(@"^\s*[Cc][Ll]-[A-Za-z]{2}\s*$", RegexOptions.NonBacktracking, 1000)]
    private static partial Regex IsoCode();
}
