using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Domain.Text;
using Pmg.Forms.Layout;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Assembly;

/// <summary>
/// Reads an objectives table into objectives and activities, whatever the layout: several activities as lines of
/// one cell, or one row per activity with the objective's cells merged or blank below the first; a row starting in
/// lower case continues the row above (text split at a page break).
/// </summary>
/// <remarks>
/// III.3: the first column holds a fixed category followed by the objectives, one per line. Each listed
/// objective becomes an <see cref="Objective"/> with <see cref="Objective.Category"/> set; indicators and results
/// go one per objective when their counts match (else every objective gets them all); the row's activities go one
/// per objective when the counts match, otherwise all to the category's first objective, so that every activity
/// is counted once. A category with activities but no objective listed becomes one objective named after it.
/// Summary rows ("Total", "Subtotal", …) are the form's declared totals, checked by <see cref="SummaryRows"/>, never activities.
/// </remarks>
internal sealed class ObjectivesTableReader(Section section, HeaderMap header, List<Diagnostic> diagnostics)
{
    private static readonly string[] Categories = [.. FormVocabulary.InformationCategories];

    private static readonly string[] NormalizedCategories = [.. Categories.Select(TextNormalizer.Normalize)];

    private readonly List<Draft> drafts = [];
    private readonly SummaryRows summaries = new(section, header);
    private string? category;
    private int activityCount;

    /// <summary>The objectives of the table's data rows.</summary>
    public List<Objective> Read(IReadOnlyList<LayoutRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            ReadRow(rows[i], i + 1);
        }

        List<Objective> objectives = [.. drafts.Select(d => d.ToObjective())];
        summaries.Check([.. objectives.SelectMany(o => o.Activities)], diagnostics);
        return objectives;
    }

    private void ReadRow(LayoutRow row, int number)
    {
        if (row.IsBlank)
        {
            return;
        }

        ReportUncalculatedFormulas(row, number);
        if (summaries.TryRead(row, number, activityCount))
        {
            return;
        }

        var objectiveCell = header.Cell(row, ColumnKind.Objective);
        var continuesObjective = objectiveCell is null || objectiveCell.ContinuesAbove || objectiveCell.IsBlank;
        var last = drafts.LastOrDefault();
        if (!continuesObjective && last is not null && StartsInLowerCase(objectiveCell!.Text))
        {
            AppendContinuation(last, row);
            return;
        }

        List<Draft> started = continuesObjective ? [] : StartObjectives(objectiveCell!, row, number);
        if (!continuesObjective && started.Count == 0)
        {
            // III.3: a category with nothing listed under it.
            return;
        }

        if (continuesObjective && last is null)
        {
            // Activities before any objective: keep them under an objective with no text, so none is lost.
            started = [NewDraft("", row, number)];
        }

        drafts.AddRange(started);
        var owner = started.FirstOrDefault() ?? drafts.LastOrDefault();
        if (owner is null)
        {
            return;
        }

        var activities = ReadActivities(row, number, owner);
        activityCount += activities.Count;
        if (started.Count > 1 && activities.Count == started.Count)
        {
            for (var i = 0; i < started.Count; i++)
            {
                started[i].Activities.Add(activities[i]);
            }
        }
        else
        {
            owner.Activities.AddRange(activities);
        }
    }

    private List<Draft> StartObjectives(LayoutCell objectiveCell, LayoutRow row, int number)
    {
        if (section != Section.III3)
        {
            var draft = NewDraft(objectiveCell.Text, row, number);
            draft.Indicators.AddRange(Lines(row, ColumnKind.Indicator));
            draft.AnnualResults.AddRange(Lines(row, ColumnKind.AnnualResult));
            return [draft];
        }

        var lines = objectiveCell.TextLines.ToList();
        if (lines.Count > 0 && MatchCategory(lines[0]) is { } found)
        {
            category = found;
            lines.RemoveAt(0);
        }

        if (lines.Count == 0)
        {
            var hasActivities = !IsBlank(row, ColumnKind.Activity);
            if (!hasActivities)
            {
                return [];
            }

            lines.Add(category ?? "");
        }

        var indicators = Lines(row, ColumnKind.Indicator);
        var results = Lines(row, ColumnKind.AnnualResult);
        var listed = new List<Draft>();
        for (var i = 0; i < lines.Count; i++)
        {
            var draft = NewDraft(lines[i], row, number);
            draft.Indicators.AddRange(indicators.Count == lines.Count ? [indicators[i]] : indicators);
            draft.AnnualResults.AddRange(results.Count == lines.Count ? [results[i]] : results);
            listed.Add(draft);
        }

        return listed;
    }

    private Draft NewDraft(string text, LayoutRow row, int number) =>
        new(text, section == Section.III3 ? category : null, Locate(row, number, ColumnKind.Objective));

    // The continuation of the row above: each non-blank cell's text goes on the corresponding text above.
    private void AppendContinuation(Draft last, LayoutRow row)
    {
        last.Text = Words.Join(last.Text, header.Cell(row, ColumnKind.Objective)!.Text);
        AppendToLast(last.Indicators, Text(row, ColumnKind.Indicator));
        AppendToLast(last.AnnualResults, Text(row, ColumnKind.AnnualResult));
        if (last.Activities.Count == 0)
        {
            return;
        }

        var activity = last.Activities[^1];
        last.Activities[^1] = activity with
        {
            Text = Words.Join(activity.Text, Text(row, ColumnKind.Activity)),
            Unit = Words.Join(activity.Unit, Text(row, ColumnKind.Unit)),
            Means = Words.Join(activity.Means, Text(row, ColumnKind.Means)),
        };
    }

    private List<Activity> ReadActivities(LayoutRow row, int number, Draft owner)
    {
        var texts = Lines(row, ColumnKind.Activity);
        var weights = Weights(row);
        var count = texts.Count > 0 ? texts.Count : weights.Count;
        if (count == 0)
        {
            return [];
        }

        var previous = owner.Activities.LastOrDefault();
        var units = Distribute(row, ColumnKind.Unit, count, previous?.Unit);
        var means = Distribute(row, ColumnKind.Means, count, previous?.Means);
        var marks = Positional(row, ColumnKind.Compliance, count, previous?.RawCompliance);
        var earned = Positional(row, ColumnKind.Earned, count, inherited: null);
        var cells = CellReferences(row);
        var location = new SourceLocation(section, number);
        if (weights.Count > 0 && weights.Count != count)
        {
            diagnostics.Add(ReadMessages.WeightCountMismatch(weights.Count, count, location.WithColumn(Columns.Weight, cells.GetValueOrDefault(Columns.Weight))));
        }

        var activities = new List<Activity>(count);
        for (var i = 0; i < count; i++)
        {
            var (rawWeight, weight) = i < weights.Count ? weights[i] : ("", new WeightValue(null, WeightNotice.Blank));
            var activity = new Activity
            {
                Text = i < texts.Count ? texts[i] : "",
                Unit = units[i],
                Means = means[i],
                Weight = weight.Points,
                RawWeight = rawWeight,
                Compliance = ComplianceVocabulary.Parse(marks[i]),
                RawCompliance = marks[i],
                DeclaredEarned = ReadEarned(earned[i], row, location, cells),
                Location = location,
                Cells = cells,
            };
            Report(activity, weight);
            activities.Add(activity);
        }

        return activities;
    }

    // An Excel formula saved without its value is read as blank: say so at its cell, so it is never taken for 0 unseen.
    private void ReportUncalculatedFormulas(LayoutRow row, int number)
    {
        foreach (var cell in row.Cells)
        {
            if (cell.UncalculatedFormula is not { } formula)
            {
                continue;
            }

            string? title = null;
            foreach (var kind in header.Kinds)
            {
                if (ReferenceEquals(header.Cell(row, kind), cell))
                {
                    title = HeaderMap.Title(kind);
                    break;
                }
            }

            diagnostics.Add(ReadMessages.FormulaNotCalculated(formula, new SourceLocation(section, number, title, cell.Reference)));
        }
    }

    private void Report(Activity activity, WeightValue weight)
    {
        if (weight.Notice == WeightNotice.Unreadable)
        {
            diagnostics.Add(ReadMessages.WeightUnreadable(activity.RawWeight, activity.At(Columns.Weight)));
        }
        else if (weight.Notice == WeightNotice.LeadingZero && weight.Points is { } points)
        {
            diagnostics.Add(ReadMessages.WeightLeadingZero(activity.RawWeight, points, activity.At(Columns.Weight)));
        }

        if (activity.Compliance == Compliance.Unrecognised)
        {
            diagnostics.Add(ReadMessages.ComplianceUnrecognised(activity.RawCompliance, activity.At(Columns.Compliance)));
        }
    }

    private decimal? ReadEarned(string raw, LayoutRow row, SourceLocation location, IReadOnlyDictionary<string, string> cells)
    {
        var cell = header.Cell(row, ColumnKind.Earned);
        var value = cell is { Number: { } number } ? WeightParser.FromNumber(number, cell.PercentFormatted) : WeightParser.Parse(raw);
        if (value.Notice == WeightNotice.Unreadable)
        {
            diagnostics.Add(ReadMessages.EarnedUnreadable(raw, location.WithColumn(Columns.Earned, cells.GetValueOrDefault(Columns.Earned))));
        }

        return value.Points;
    }

    // Excel numbers are read as numbers (a percent format makes 0.05 five points); text is parsed line by line.
    private List<(string Raw, WeightValue Value)> Weights(LayoutRow row)
    {
        var cell = header.Cell(row, ColumnKind.Weight);
        if (cell is null || cell.ContinuesAbove)
        {
            return [];
        }

        if (cell.Number is { } number)
        {
            var raw = cell.PercentFormatted ? ReadMessages.Number(number * 100m) + "%" : ReadMessages.Number(number);
            return [(raw, WeightParser.FromNumber(number, cell.PercentFormatted))];
        }

        return [.. cell.TextLines.Select(line => (line, WeightParser.Parse(line)))];
    }

    /// <summary>
    /// Units and means: one per activity in order; one (or a differing number) applies to all; a merged or blank
    /// cell below the first row of an objective repeats the objective's previous value.
    /// </summary>
    private List<string> Distribute(LayoutRow row, ColumnKind kind, int count, string? inherited)
    {
        var cell = header.Cell(row, kind);
        if (cell is null || cell.ContinuesAbove || cell.IsBlank)
        {
            return [.. Enumerable.Repeat(inherited ?? "", count)];
        }

        var lines = cell.TextLines;
        return lines.Count == count ? [.. lines] : [.. Enumerable.Repeat(cell.Text, count)];
    }

    /// <summary>
    /// Compliance and earned weight: strictly by position, blank lines counting when they line up with the
    /// activities. A compliance cell merged down over an objective's rows marks each of them alike; an earned
    /// weight merged down is the objective's, not each activity's, so it is not repeated.
    /// </summary>
    private List<string> Positional(LayoutRow row, ColumnKind kind, int count, string? inherited)
    {
        var cell = header.Cell(row, kind);
        if (cell is null || cell.ContinuesAbove)
        {
            return [.. Enumerable.Repeat(cell is { ContinuesAbove: true } ? inherited ?? "" : "", count)];
        }

        var all = cell.PositionalLines;
        var lines = all.Count == count ? all : cell.TextLines;
        return [.. Enumerable.Range(0, count).Select(i => i < lines.Count ? lines[i] : "")];
    }

    private Dictionary<string, string> CellReferences(LayoutRow row)
    {
        var cells = new Dictionary<string, string>();
        foreach (var kind in header.Kinds)
        {
            if (header.Cell(row, kind)?.Reference is { } reference)
            {
                cells[HeaderMap.Title(kind)] = reference;
            }
        }

        return cells;
    }

    private SourceLocation Locate(LayoutRow row, int number, ColumnKind kind) =>
        new(section, number, HeaderMap.Title(kind), header.Cell(row, kind)?.Reference);

    // The cell's own lines, read-only and not copied.
    private IReadOnlyList<string> Lines(LayoutRow row, ColumnKind kind) =>
        header.Cell(row, kind) is { ContinuesAbove: false } cell ? cell.TextLines : [];

    // The cell's own text: its lines joined by spaces.
    private string Text(LayoutRow row, ColumnKind kind) =>
        header.Cell(row, kind) is { ContinuesAbove: false } cell ? cell.Text : "";

    private bool IsBlank(LayoutRow row, ColumnKind kind) =>
        header.Cell(row, kind) is not { ContinuesAbove: false, IsBlank: false };

    private static void AppendToLast(List<string> lines, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (lines.Count == 0)
        {
            lines.Add(text);
        }
        else
        {
            lines[^1] = Words.Join(lines[^1], text);
        }
    }

    private static bool StartsInLowerCase(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length > 0 && char.IsLower(trimmed[0]);
    }

    private static string? MatchCategory(string line)
    {
        var normalized = TextNormalizer.Normalize(line);
        for (var i = 0; i < Categories.Length; i++)
        {
            if (normalized.StartsWith(NormalizedCategories[i], StringComparison.Ordinal))
            {
                return Categories[i];
            }
        }

        return null;
    }

    /// <summary>An objective being read; rows below may still add activities or continue its text.</summary>
    private sealed class Draft(string text, string? category, SourceLocation location)
    {
        public string Text { get; set; } = text;

        public List<string> Indicators { get; } = [];

        public List<string> AnnualResults { get; } = [];

        public List<Activity> Activities { get; } = [];

        public Objective ToObjective() => new()
        {
            Text = Text,
            Category = category,
            Indicators = Indicators,
            AnnualResult = string.Join(' ', AnnualResults),
            Activities = Activities,
            Location = location,
        };
    }
}
