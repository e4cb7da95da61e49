using Pmg.Domain.Model;
using Pmg.Forms.Layout;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Assembly;

/// <summary>The columns of the tables the form holds, recognised by their normalised titles.</summary>
internal enum ColumnKind
{
    Objective,
    Indicator,
    AnnualResult,
    Activity,
    Unit,
    Means,
    Weight,
    Compliance,
    Earned,
    ProgressProgram,
    ProgressObjective,
    Progress,
    AuthorityMeasures,
    Recommendations,
    Responsible,
    BodyName,
    BodyProblem,
    BodyTerritories,
    BodyInstitutions,
    BodyProducts,
}

/// <summary>Which table a header row opens.</summary>
internal enum TableKind
{
    Objectives,
    Progress,
    CoordinatingBody,
}

/// <summary>A header row: the grid column of each recognised title. Titles are matched on normalised text, never on position.</summary>
internal sealed class HeaderMap
{
    private const int MinimumTitles = 4;

    // The first letters of every title (objetivo, indicador, resultado, meta, actividades, unidad, …).
    private static readonly string TitleInitials = FormVocabulary.TitleInitials;

    private readonly Dictionary<ColumnKind, int> columns;

    private HeaderMap(TableKind kind, Dictionary<ColumnKind, int> columns)
    {
        Kind = kind;
        this.columns = columns;
    }

    public TableKind Kind { get; }

    /// <summary>The user-facing title of an objectives-table column, as locations show it.</summary>
    public static string Title(ColumnKind kind) => kind switch
    {
        ColumnKind.Objective => Columns.Objective,
        ColumnKind.Indicator => Columns.Indicator,
        ColumnKind.AnnualResult => Columns.AnnualResult,
        ColumnKind.Activity => Columns.Activity,
        ColumnKind.Unit => Columns.Unit,
        ColumnKind.Means => Columns.Means,
        ColumnKind.Weight => Columns.Weight,
        ColumnKind.Compliance => Columns.Compliance,
        ColumnKind.Earned => Columns.Earned,
        _ => kind.ToString(),
    };

    public IEnumerable<ColumnKind> Kinds => columns.Keys;

    /// <summary>The cell under the given column in a data row, if the table has that column.</summary>
    public LayoutCell? Cell(LayoutRow row, ColumnKind kind) =>
        columns.TryGetValue(kind, out var column) ? row.CellAt(column) : null;

    /// <summary>Recognises a header row of one of the form's tables.</summary>
    public static HeaderMap? TryRecognise(LayoutRow row)
    {
        // Most rows are data rows: count the titled cells before building any map.
        var titled = 0;
        foreach (var cell in row.Cells)
        {
            if (!cell.CouldStartWith(TitleInitials))
            {
                continue;
            }

            var title = cell.NormalizedText;
            if (title.Length > 0 && title.Length <= 120 && (ObjectivesColumn(title) is not null || ProgressColumn(title) is not null || BodyColumn(title) is not null))
            {
                titled++;
            }
        }

        if (titled < 3)
        {
            return null;
        }

        var objectives = new Dictionary<ColumnKind, int>();
        var progress = new Dictionary<ColumnKind, int>();
        var body = new Dictionary<ColumnKind, int>();
        foreach (var cell in row.Cells)
        {
            var title = cell.NormalizedText;
            if (title.Length == 0 || title.Length > 120)
            {
                continue;
            }

            if (ObjectivesColumn(title) is { } o)
            {
                objectives.TryAdd(o, cell.Column);
            }

            if (ProgressColumn(title) is { } p)
            {
                progress.TryAdd(p, cell.Column);
            }

            if (BodyColumn(title) is { } b)
            {
                body.TryAdd(b, cell.Column);
            }
        }

        // At least four titled columns, so a data row whose texts happen to start like titles is not a header.
        if (objectives.ContainsKey(ColumnKind.Objective) && objectives.ContainsKey(ColumnKind.Activity) && objectives.Count >= MinimumTitles)
        {
            return new HeaderMap(TableKind.Objectives, objectives);
        }

        if (progress.ContainsKey(ColumnKind.ProgressObjective) && progress.ContainsKey(ColumnKind.Progress) && progress.Count >= MinimumTitles)
        {
            return new HeaderMap(TableKind.Progress, progress);
        }

        return body.ContainsKey(ColumnKind.BodyName) && body.Count >= 3 ? new HeaderMap(TableKind.CoordinatingBody, body) : null;
    }

    // Titles are matched as whole phrases ("recomendaciones" or "recomendaciones y compromisos …"), so that a data
    // cell that merely starts with the same word ("Recomendaciones: insistir") is not taken for a title.
    private static ColumnKind? ObjectivesColumn(string title) => FormVocabulary.Match(FormVocabulary.ObjectivesColumns, title);

    private static ColumnKind? ProgressColumn(string title) => FormVocabulary.Match(FormVocabulary.ProgressColumns, title);

    private static ColumnKind? BodyColumn(string title) => FormVocabulary.Match(FormVocabulary.BodyColumns, title);
}
