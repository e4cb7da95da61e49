using Pmg.Domain.Model;
using Pmg.Domain.Text;

namespace Pmg.Domain.Rules;

/// <summary>Matches objectives of III.1–III.3 to their III.4 progress rows (rule 6).</summary>
public static class ProgressCoverage
{
    // Shorter texts must match exactly: a 10-letter fragment would match too many objectives.
    private const int MinimumPartialLength = 15;

    /// <summary>The first progress row that reports on the objective, or null when none does.</summary>
    public static ProgressRow? FindRow(IEnumerable<ProgressRow> rows, Objective objective) =>
        rows.FirstOrDefault(row => Matches(objective.Text, row.Objective));

    /// <summary>
    /// Whether a III.4 row's objective text names the given objective. Compared normalised and without spaces,
    /// because cells get truncated, split mid-word ("Acerca r") or merged with a category; accepted when equal, when
    /// one contains the other, or when they differ by a typo (edit distance within 5 % of the length).
    /// </summary>
    public static bool Matches(string? objectiveText, string? rowText)
    {
        var objective = Compact(objectiveText);
        var row = Compact(rowText);
        if (objective.Length == 0 || row.Length == 0)
        {
            return false;
        }

        if (objective == row)
        {
            return true;
        }

        var shorter = Math.Min(objective.Length, row.Length);
        if (shorter < MinimumPartialLength)
        {
            return false;
        }

        if (objective.Contains(row, StringComparison.Ordinal) || row.Contains(objective, StringComparison.Ordinal))
        {
            return true;
        }

        var longer = Math.Max(objective.Length, row.Length);
        var allowed = longer / 20;
        return allowed > 0 && longer - shorter <= allowed && EditDistance(objective, row, allowed) <= allowed;
    }

    private static string Compact(string? text) => TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    // Levenshtein distance, giving up early once every path exceeds the limit.
    private static int EditDistance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return rowMinimum;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
