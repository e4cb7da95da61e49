using System.Globalization;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;

namespace Pmg.Forms.Templates;

/// <summary>
/// The workbook's live formulas and the values they compute, written as each formula's cached value so that a file
/// read before Excel ever recalculates it (the pipeline reads cached values) says what Excel will show. The formulas
/// follow docs/rules.md: an activity earns its weight only when marked «Cumple»; the regional performance is
/// shown only when every activity is marked, every one has a weight and the weights sum to 100 % (±0,5).
/// </summary>
internal static class ExcelFormulas
{
    // The rules' ±0.5 points as a fraction, with a margin for Excel's binary arithmetic (0.995 - 1 is 0.0050000000000000044).
    private const string ToleranceText = "0.00500000001";
    private const decimal Tolerance = 0.005m;

    /// <summary>A row's "Ponderación ganada": its weight when «Cumple», 0 when «No cumple», blank otherwise.</summary>
    public static string Earned(int row, char activity, char weight, char mark) =>
        Invariant($"IF(OR(${activity}{row}=\"\",${weight}{row}=\"\",${mark}{row}=\"\"),\"\",IF(${mark}{row}=\"{ComplianceVocabulary.CompliedLabel}\",${weight}{row},IF(${mark}{row}=\"{ComplianceVocabulary.NotCompliedLabel}\",0,\"\")))");

    /// <summary>What <see cref="Earned(int, char, char, char)"/> computes for an activity, as a fraction (0.05 = 5 %); null when blank.</summary>
    public static decimal? Earned(Activity activity)
    {
        if (activity.Text.Length == 0 || activity.Weight is not { } weight)
        {
            return null;
        }

        var mark = TemplateCells.Mark(activity);
        return Is(mark, ComplianceVocabulary.CompliedLabel) ? weight / 100m
            : Is(mark, ComplianceVocabulary.NotCompliedLabel) ? 0m
            : null;
    }

    /// <summary>"Desempeño Anual Región (%)" over the data rows <paramref name="first"/>…<paramref name="last"/>, as a fraction.</summary>
    public static string Performance(int first, int last, char activity, char weight, char mark, char earned)
    {
        string Range(char column) => Invariant($"${column}${first}:${column}${last}");
        return Invariant($"IF(OR(COUNTIFS({Range(activity)},\"<>\",{Range(mark)},\"<>{ComplianceVocabulary.CompliedLabel}\",{Range(mark)},\"<>{ComplianceVocabulary.NotCompliedLabel}\")>0,")
            + Invariant($"COUNTIFS({Range(activity)},\"<>\",{Range(weight)},\"\")>0,ABS(SUM({Range(weight)})-1)>{ToleranceText}),\"\",SUM({Range(earned)})/SUM({Range(weight)}))");
    }

    /// <summary>What <see cref="Performance(int, int, char, char, char, char)"/> computes for a programme's activities; null when blank.</summary>
    public static decimal? Performance(IReadOnlyCollection<Activity> activities)
    {
        var listed = activities.Where(a => a.Text.Length > 0).ToList();
        var pending = listed.Any(a => !Is(TemplateCells.Mark(a), ComplianceVocabulary.CompliedLabel) && !Is(TemplateCells.Mark(a), ComplianceVocabulary.NotCompliedLabel));
        if (pending || listed.Any(a => a.Weight is null))
        {
            return null;
        }

        var total = WeightTotal(activities);
        if (Math.Abs(total - 1m) > Tolerance)
        {
            return null;
        }

        return Math.Round(EarnedTotal(activities) / total, 12, MidpointRounding.AwayFromZero);
    }

    /// <summary>The sum of a column over the data rows.</summary>
    public static string Sum(int first, int last, char column) => Invariant($"SUM(${column}${first}:${column}${last})");

    /// <summary>The weights' total as a fraction (1 = 100 %).</summary>
    public static decimal WeightTotal(IEnumerable<Activity> activities) => activities.Sum(a => a.Weight is { } w ? w / 100m : 0m);

    /// <summary>The earned weights' total as a fraction.</summary>
    public static decimal EarnedTotal(IEnumerable<Activity> activities) => activities.Sum(a => Earned(a) ?? 0m);

    /// <summary>"Total del programa" is out of line (≠ 100 % ± 0,5) in cell <paramref name="cell"/>: the conditional format's rule.</summary>
    public static string TotalOutOfLine(string cell) => Invariant($"ABS({cell}-1)>{ToleranceText}");

    // Excel compares text without regard to case.
    private static bool Is(string mark, string label) => string.Equals(mark, label, StringComparison.OrdinalIgnoreCase);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
