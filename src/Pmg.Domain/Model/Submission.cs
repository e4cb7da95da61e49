namespace Pmg.Domain.Model;

/// <summary>The file format a submission arrived in.</summary>
public enum FormFormat
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>A Word document (.docx).</summary>
    Word,

    /// <summary>An Excel workbook (.xlsx).</summary>
    Excel,
}

/// <summary>One region's Etapa 3 form for one year: the programmes III.1–III.3 and the III.4 progress rows.</summary>
public sealed record Submission
{
    /// <summary>The public service, e.g. "SERNAM".</summary>
    public required string Service { get; init; }

    /// <summary>The year the form commits.</summary>
    public required int Year { get; init; }

    /// <summary>The region, resolved through the catalogue; null when it could not be resolved.</summary>
    public Regions.Region? Region { get; init; }

    /// <summary>The region as written in the form ("I Región de Tarapacá").</summary>
    public string? RegionLabel { get; init; }

    /// <summary>The submitted file's name.</summary>
    public required string SourceFile { get; init; }

    /// <summary>The format of the submitted file.</summary>
    public FormFormat Format { get; init; }

    /// <summary>The programmes present in the form, in form order.</summary>
    public IReadOnlyList<WorkProgram> Programs { get; init; } = [];

    /// <summary>The III.4 progress analysis rows.</summary>
    public IReadOnlyList<ProgressRow> ProgressRows { get; init; } = [];

    /// <summary>The programme of the given section, if the form has it.</summary>
    public WorkProgram? Program(Section section) => Programs.FirstOrDefault(p => p.Section == section);
}

/// <summary>A programme (III.1, III.2 or III.3) as the region committed it.</summary>
public sealed record WorkProgram
{
    /// <summary>Which programme.</summary>
    public required Section Section { get; init; }

    /// <summary>The programme title as written.</summary>
    public string Title { get; init; } = "";

    /// <summary>The region as written in the section's "REGIÓN" row.</summary>
    public string? RegionLabel { get; init; }

    /// <summary>III.2 only: the coordinating body.</summary>
    public CoordinatingBody? CoordinatingBody { get; init; }

    /// <summary>The objectives, in form order.</summary>
    public IReadOnlyList<Objective> Objectives { get; init; } = [];

    /// <summary>All activities of all objectives, in form order.</summary>
    public IEnumerable<Activity> Activities => Objectives.SelectMany(o => o.Activities);

    /// <summary>Where the programme's objectives table starts.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Document;

    /// <summary>The "Desempeño Anual Región (%)" value (note 11) as written; empty when blank or absent.</summary>
    public string RawDeclaredPerformance { get; init; } = "";

    /// <summary>The declared regional performance in percent points (95.5 = 95,5 %); null when blank, absent or unreadable.</summary>
    public decimal? DeclaredPerformance { get; init; }

    /// <summary>Where the declared performance's value is (the cell next to its label); null when the form has no such row.</summary>
    public SourceLocation? DeclaredPerformanceLocation { get; init; }
}

/// <summary>III.2's "instancia" that coordinates the complementarity work.</summary>
public sealed record CoordinatingBody(
    string Name,
    string Problem,
    string Territories,
    string Institutions,
    IReadOnlyList<string> Products);

/// <summary>An objective (objetivo específico) with its indicators and activities.</summary>
public sealed record Objective
{
    /// <summary>The objective's text.</summary>
    public required string Text { get; init; }

    /// <summary>III.3 only: the fixed category of the first column (e.g. "Oferta de información al GORE").</summary>
    public string? Category { get; init; }

    /// <summary>The indicators, one per paragraph or line.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    /// <summary>"Resultado anual del indicador".</summary>
    public string AnnualResult { get; init; } = "";

    /// <summary>The committed activities (meta anual o actividades comprometidas).</summary>
    public IReadOnlyList<Activity> Activities { get; init; } = [];

    /// <summary>Where the objective's first row is.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>Whether an activity was marked as complied ("Cumple/no cumple").</summary>
public enum Compliance
{
    /// <summary>Blank: not yet marked.</summary>
    Unmarked,

    /// <summary>si, sí, Cumple.</summary>
    Complied,

    /// <summary>no, No cumple (partial is not complied).</summary>
    NotComplied,

    /// <summary>Anything else: an error naming the cell.</summary>
    Unrecognised,
}

/// <summary>A committed activity with its unit, means of verification, weight and compliance.</summary>
public sealed record Activity
{
    /// <summary>The activity's text.</summary>
    public required string Text { get; init; }

    /// <summary>"Unidad responsable".</summary>
    public string Unit { get; init; } = "";

    /// <summary>"Medio de verificación".</summary>
    public string Means { get; init; } = "";

    /// <summary>The weight in points (5 = 5 % of the programme); null when blank.</summary>
    public decimal? Weight { get; init; }

    /// <summary>The weight as written, for messages.</summary>
    public string RawWeight { get; init; } = "";

    /// <summary>The compliance mark.</summary>
    public Compliance Compliance { get; init; }

    /// <summary>The compliance mark as written.</summary>
    public string RawCompliance { get; init; } = "";

    /// <summary>The declared "ponderación ganada", in points; null when blank.</summary>
    public decimal? DeclaredEarned { get; init; }

    /// <summary>Where the activity's row (or its line in a multi-paragraph cell) is; Column left null.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Cell references per column title, for workbooks (e.g. "Ponderación (%)" → "G9").</summary>
    public IReadOnlyDictionary<string, string> Cells { get; init; } = new Dictionary<string, string>();

    /// <summary>The location of one of this activity's columns.</summary>
    public SourceLocation At(string column) =>
        Location.WithColumn(column, Cells.TryGetValue(column, out var cell) ? cell : null);
}

/// <summary>A III.4 progress analysis row.</summary>
public sealed record ProgressRow
{
    /// <summary>The programme as written ("Diseño Acceso y Distribución").</summary>
    public string Program { get; init; } = "";

    /// <summary>The objective the row reports on.</summary>
    public required string Objective { get; init; }

    /// <summary>"Avance".</summary>
    public string Progress { get; init; } = "";

    /// <summary>"Medidas de la autoridad".</summary>
    public string AuthorityMeasures { get; init; } = "";

    /// <summary>"Recomendaciones".</summary>
    public string Recommendations { get; init; } = "";

    /// <summary>"Responsable".</summary>
    public string Responsible { get; init; } = "";

    /// <summary>Where the row is.</summary>
    public required SourceLocation Location { get; init; }
}
