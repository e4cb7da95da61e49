using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Forms.Layout;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Assembly;

/// <summary>
/// A summary row of an objectives table ("Total", "Subtotal", "Suma", "Total ponderación", …): the totals the form
/// declares for the activities it sums, and which activities those are (by their index among the table's activities).
/// </summary>
internal sealed record SummaryRow(string Label, int FirstActivity, int EndActivity, DeclaredValue? Weight, DeclaredValue? Earned);

/// <summary>A total as declared in a summary row's cell: in points, as written, and where.</summary>
internal sealed record DeclaredValue(decimal Points, string Raw, SourceLocation Location);

/// <summary>
/// Recognises the summary rows offices add to an objectives table and checks what they declare against the
/// activities they sum. A summary row is never an activity. Its label (<see cref="FormVocabulary.SummaryLabels"/>)
/// is the row's first text and the row holds no other text in the objective, indicator, result, activity, unit or
/// means columns, only numbers under "Ponderación (%)" and "Ponderación ganada". A subtotal sums the activities since
/// the previous summary row; a total those since the previous total (so a total below subtotals sums them all).
/// </summary>
internal sealed class SummaryRows(Section section, HeaderMap header)
{
    private static readonly ColumnKind[] TextColumns =
        [ColumnKind.Objective, ColumnKind.Indicator, ColumnKind.AnnualResult, ColumnKind.Activity, ColumnKind.Unit, ColumnKind.Means];

    private readonly List<SummaryRow> found = [];
    private int sinceSummary;
    private int sinceTotal;

    /// <summary>Reads <paramref name="row"/> as a summary row when it is one (true), given how many activities the table has so far.</summary>
    public bool TryRead(LayoutRow row, int number, int activitiesSoFar)
    {
        if (row.FirstFilled is not { ContinuesAbove: false } label || !label.CouldStartWith("st")
            || !FormVocabulary.IsSummaryLabel(label.NormalizedText, out var subtotal, out var exact))
        {
            return false;
        }

        // A word like "Total" may open an activity's text ("Suma de voluntades con los municipios"): only an exact
        // label may stand in the activity column.
        if (!exact && ReferenceEquals(header.Cell(row, ColumnKind.Activity), label))
        {
            return false;
        }

        foreach (var kind in TextColumns)
        {
            if (header.Cell(row, kind) is { IsBlank: false } cell && !ReferenceEquals(cell, label))
            {
                return false;
            }
        }

        var weight = Declared(row, number, ColumnKind.Weight, label);
        var earned = Declared(row, number, ColumnKind.Earned, label);
        if (weight is null && earned is null && !exact)
        {
            return false;
        }

        var first = subtotal ? sinceSummary : sinceTotal;
        found.Add(new SummaryRow(label.Text, first, activitiesSoFar, weight, earned));
        sinceSummary = activitiesSoFar;
        if (!subtotal)
        {
            sinceTotal = activitiesSoFar;
        }

        return true;
    }

    /// <summary>Compares each summary row's declared totals with its activities' weights and what they earn; a difference is a warning.</summary>
    public void Check(IReadOnlyList<Activity> activities, List<Diagnostic> diagnostics)
    {
        foreach (var summary in found)
        {
            var scope = activities.Skip(summary.FirstActivity).Take(summary.EndActivity - summary.FirstActivity).ToList();
            if (scope.Count == 0 || scope.Any(a => a.Weight is null))
            {
                // Nothing to sum, or weights missing: the rules report those; a total has nothing sound to agree with.
                continue;
            }

            var weights = scope.Sum(a => a.Weight!.Value);
            if (summary.Weight is { } weight && Round2(weight.Points) != Round2(weights))
            {
                diagnostics.Add(ReadMessages.SummaryWeightMismatch(summary.Label, weight, weights));
            }

            var earned = scope.Where(a => a.Compliance == Compliance.Complied).Sum(a => a.Weight!.Value);
            if (summary.Earned is { } declared && Round2(declared.Points) != Round2(earned))
            {
                diagnostics.Add(ReadMessages.SummaryEarnedMismatch(summary.Label, declared, earned));
            }
        }
    }

    // The number in the column's cell of the summary row, unless the label's own cell spans over that column.
    private DeclaredValue? Declared(LayoutRow row, int number, ColumnKind kind, LayoutCell label)
    {
        if (header.Cell(row, kind) is not { IsBlank: false, ContinuesAbove: false } cell || ReferenceEquals(cell, label))
        {
            return null;
        }

        var location = new SourceLocation(section, number, HeaderMap.Title(kind), cell.Reference);
        if (cell.Number is { } value)
        {
            var raw = cell.PercentFormatted ? ReadMessages.Number(value * 100m) + "%" : ReadMessages.Number(value);
            return WeightParser.FromNumber(value, cell.PercentFormatted).Points is { } points ? new DeclaredValue(points, raw, location) : null;
        }

        return WeightParser.Parse(cell.Text).Points is { } parsed ? new DeclaredValue(parsed, cell.Text, location) : null;
    }

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
