using System.Globalization;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Forms.Assembly;

namespace Pmg.Forms.Templates;

/// <summary>The text of each cell of a planned objectives row, line by line, as both writers print it.</summary>
internal static class TemplateCells
{
    /// <summary>
    /// The lines of a column in a row: one per activity for the activity columns (blank ones kept, so marks and
    /// weights stay in line with their activities), the objective's own cells on its first row only.
    /// </summary>
    public static IReadOnlyList<string> Lines(PlannedRow row, ColumnKind kind)
    {
        if (row.Kind == PlannedRowKind.Category)
        {
            return kind == ColumnKind.Objective ? [row.Category!] : [];
        }

        var objective = row.ContinuesObjective ? null : row.Objective;
        return kind switch
        {
            ColumnKind.Objective => objective is null ? [] : [objective.Text],
            ColumnKind.Indicator => objective?.Indicators ?? [],
            ColumnKind.AnnualResult => objective is null || objective.AnnualResult.Length == 0 ? [] : [objective.AnnualResult],
            ColumnKind.Activity => [.. row.Activities.Select(a => a.Text)],
            ColumnKind.Unit => [.. row.Activities.Select(a => a.Unit)],
            ColumnKind.Means => [.. row.Activities.Select(a => a.Means)],
            ColumnKind.Weight => [.. row.Activities.Select(a => Percent(a.Weight))],
            ColumnKind.Compliance => [.. row.Activities.Select(Mark)],
            ColumnKind.Earned => [.. row.Activities.Select(a => Percent(a.DeclaredEarned))],
            _ => [],
        };
    }

    /// <summary>"Cumple", "No cumple", blank when not yet marked, or an unrecognised mark as written.</summary>
    public static string Mark(Activity activity) => activity.Compliance switch
    {
        Compliance.Complied => ComplianceVocabulary.CompliedLabel,
        Compliance.NotComplied => ComplianceVocabulary.NotCompliedLabel,
        Compliance.Unrecognised => activity.RawCompliance,
        _ => "",
    };

    /// <summary>Points as a Chilean reader writes a percentage: 12.5 → "12,5%"; blank for null.</summary>
    public static string Percent(decimal? points) =>
        points is { } value ? value.ToString("0.##########", CultureInfo.InvariantCulture).Replace('.', ',') + "%" : "";
}
