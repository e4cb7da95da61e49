using Pmg.Domain.Model;
using Pmg.Domain.Text;
using Pmg.Forms.Layout;

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
        var objectives = new Dictionary<ColumnKind, int>();
        var progress = new Dictionary<ColumnKind, int>();
        var body = new Dictionary<ColumnKind, int>();
        foreach (var cell in row.Cells)
        {
            var title = TextNormalizer.Normalize(cell.Text);
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

        if (objectives.ContainsKey(ColumnKind.Objective) && objectives.ContainsKey(ColumnKind.Activity))
        {
            return new HeaderMap(TableKind.Objectives, objectives);
        }

        if (progress.ContainsKey(ColumnKind.ProgressObjective) && progress.ContainsKey(ColumnKind.Progress))
        {
            return new HeaderMap(TableKind.Progress, progress);
        }

        return body.ContainsKey(ColumnKind.BodyName) && body.Count >= 3 ? new HeaderMap(TableKind.CoordinatingBody, body) : null;
    }

    private static ColumnKind? ObjectivesColumn(string title)
    {
        if (title.StartsWith("objetivo", StringComparison.Ordinal))
        {
            return ColumnKind.Objective;
        }

        if (title.StartsWith("indicador", StringComparison.Ordinal))
        {
            return ColumnKind.Indicator;
        }

        if (title.Contains("resultado anual", StringComparison.Ordinal))
        {
            return ColumnKind.AnnualResult;
        }

        if (title.Contains("meta anual", StringComparison.Ordinal) || title.Contains("actividades comprometidas", StringComparison.Ordinal))
        {
            return ColumnKind.Activity;
        }

        if (title.StartsWith("unidad", StringComparison.Ordinal))
        {
            return ColumnKind.Unit;
        }

        if (title.Contains("verificacion", StringComparison.Ordinal))
        {
            return ColumnKind.Means;
        }

        if (title.Contains("ganada", StringComparison.Ordinal))
        {
            return ColumnKind.Earned;
        }

        if (title.StartsWith("ponderacion", StringComparison.Ordinal))
        {
            return ColumnKind.Weight;
        }

        return title.StartsWith("cumple", StringComparison.Ordinal) ? ColumnKind.Compliance : null;
    }

    private static ColumnKind? ProgressColumn(string title)
    {
        if (title.StartsWith("programa", StringComparison.Ordinal))
        {
            return ColumnKind.ProgressProgram;
        }

        if (title.StartsWith("objetivo", StringComparison.Ordinal))
        {
            return ColumnKind.ProgressObjective;
        }

        if (title.Contains("medidas", StringComparison.Ordinal))
        {
            return ColumnKind.AuthorityMeasures;
        }

        if (title.StartsWith("avance", StringComparison.Ordinal))
        {
            return ColumnKind.Progress;
        }

        if (title.StartsWith("recomendacion", StringComparison.Ordinal))
        {
            return ColumnKind.Recommendations;
        }

        return title.StartsWith("responsable", StringComparison.Ordinal) ? ColumnKind.Responsible : null;
    }

    private static ColumnKind? BodyColumn(string title)
    {
        if (title.Contains("instancia", StringComparison.Ordinal))
        {
            return ColumnKind.BodyName;
        }

        if (title.Contains("problema", StringComparison.Ordinal))
        {
            return ColumnKind.BodyProblem;
        }

        if (title.StartsWith("territorio", StringComparison.Ordinal))
        {
            return ColumnKind.BodyTerritories;
        }

        if (title.StartsWith("instituciones", StringComparison.Ordinal))
        {
            return ColumnKind.BodyInstitutions;
        }

        return title.StartsWith("productos", StringComparison.Ordinal) ? ColumnKind.BodyProducts : null;
    }
}
