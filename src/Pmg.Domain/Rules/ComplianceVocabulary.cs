using Pmg.Domain.Model;
using Pmg.Domain.Text;

namespace Pmg.Domain.Rules;

/// <summary>Reads the "Cumple/no cumple" column (notes 9–10).</summary>
public static class ComplianceVocabulary
{
    /// <summary>The mark of a complied activity as the form's dropdown offers it.</summary>
    public const string CompliedLabel = "Cumple";

    /// <summary>The mark of an activity not complied as the form's dropdown offers it.</summary>
    public const string NotCompliedLabel = "No cumple";

    private static readonly HashSet<string> Complied = new(StringComparer.Ordinal) { "si", "cumple", "si cumple" };

    private static readonly HashSet<string> NotComplied = new(StringComparer.Ordinal) { "no", "no cumple" };

    /// <summary>
    /// si, sí, SI, SÍ, Cumple → complied; no, NO, No cumple → not complied; blank → not yet marked;
    /// anything else (including "parcial": partial is not complied, but the region must say so) → unrecognised.
    /// </summary>
    public static Compliance Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Compliance.Unmarked;
        }

        var text = TextNormalizer.Normalize(raw);

        if (Complied.Contains(text))
        {
            return Compliance.Complied;
        }

        return NotComplied.Contains(text) ? Compliance.NotComplied : Compliance.Unrecognised;
    }
}
