using Pmg.Domain.Model;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Templates;

/// <summary>What a row of an objectives table holds.</summary>
internal enum PlannedRowKind
{
    /// <summary>An objective's row: its cells (first row only) and its activities (one, or all of them as lines).</summary>
    Objective,

    /// <summary>III.3: a fixed category ("Oferta de información al GORE (11)") on its own row.</summary>
    Category,

    /// <summary>An empty row left for the office to fill.</summary>
    Spare,
}

/// <summary>
/// One row of an objectives table, format-neutral. <paramref name="ObjectiveSpan"/> is the number of rows the
/// objective's cells cover on its first row, 0 on the rows below it that they are merged over.
/// </summary>
internal sealed record PlannedRow(PlannedRowKind Kind, Objective? Objective, int ObjectiveSpan, IReadOnlyList<Activity> Activities, string? Category = null)
{
    /// <summary>The objective's cells are merged down from the row above.</summary>
    public bool ContinuesObjective => Kind == PlannedRowKind.Objective && ObjectiveSpan == 0;
}

/// <summary>Lays out a programme's objectives as table rows, in one of the <see cref="TemplateLayout"/>s, the same for Word and Excel.</summary>
internal static class ObjectivesTablePlan
{
    /// <summary>Empty rows after the content of a programme that has some, for activities the office adds.</summary>
    public const int SpareRows = 5;

    /// <summary>Empty rows of a programme with no content (a blank form).</summary>
    public const int BlankRows = 15;

    /// <summary>Empty rows under each III.3 category with no objective in a blank form.</summary>
    public const int BlankRowsPerCategory = 3;

    public static List<PlannedRow> Rows(WorkProgram program, TemplateLayout layout)
    {
        var rows = new List<PlannedRow>();
        if (program.Section != Section.III3)
        {
            foreach (var objective in program.Objectives)
            {
                AddObjective(rows, objective, layout);
            }

            AddSpare(rows, program.Objectives.Count == 0 ? BlankRows : SpareRows);
            return rows;
        }

        // III.3: objectives without a category first (so none is filed under one), then each category's row and objectives.
        foreach (var objective in program.Objectives.Where(o => CategoryIndex(o) < 0))
        {
            AddObjective(rows, objective, layout);
        }

        for (var index = 0; index < FormVocabulary.InformationCategories.Count; index++)
        {
            var category = FormVocabulary.InformationCategories[index];
            rows.Add(new PlannedRow(PlannedRowKind.Category, null, 1, [], FormVocabulary.WithNote(category, FormVocabulary.CategoryNote(index))));
            var objectives = program.Objectives.Where(o => CategoryIndex(o) == index).ToList();
            foreach (var objective in objectives)
            {
                AddObjective(rows, objective, layout);
            }

            AddSpare(rows, objectives.Count == 0 ? BlankRowsPerCategory : 1);
        }

        return rows;
    }

    private static int CategoryIndex(Objective objective) =>
        objective.Category is { } category ? FormVocabulary.InformationCategories.ToList().IndexOf(category) : -1;

    private static void AddObjective(List<PlannedRow> rows, Objective objective, TemplateLayout layout)
    {
        if (layout == TemplateLayout.ActivitiesInOneCell || objective.Activities.Count <= 1)
        {
            rows.Add(new PlannedRow(PlannedRowKind.Objective, objective, 1, objective.Activities));
            return;
        }

        for (var i = 0; i < objective.Activities.Count; i++)
        {
            rows.Add(new PlannedRow(PlannedRowKind.Objective, objective, i == 0 ? objective.Activities.Count : 0, [objective.Activities[i]]));
        }
    }

    private static void AddSpare(List<PlannedRow> rows, int count)
    {
        for (var i = 0; i < count; i++)
        {
            rows.Add(new PlannedRow(PlannedRowKind.Spare, null, 1, []));
        }
    }
}
