using DocumentFormat.OpenXml.Packaging;
using Pmg.Domain.Model;

namespace Pmg.Forms.Tests.Builders;

/// <summary>
/// Fluent description of an Etapa 3 form that renders to .docx or .xlsx in memory, so each layout variation
/// can be read from both formats.
/// </summary>
internal sealed class FormBuilder
{
    private readonly List<SectionBuilder> sections = [];
    private readonly List<Action<WordprocessingDocument>> wordEdits = [];
    private readonly List<Action<SpreadsheetDocument>> excelEdits = [];

    public string? Service { get; private set; } = "SERNAM";

    public int? Year { get; private set; } = 2009;

    public IReadOnlyList<SectionBuilder> Sections => sections;

    public List<string> Paragraphs { get; } = [];

    /// <summary>Excel: rows and cells without their optional r="…" references, as some tools write them.</summary>
    public bool OmitsCellReferences { get; private set; }

    public FormBuilder WithoutCellReferences()
    {
        OmitsCellReferences = true;
        return this;
    }

    public FormBuilder WithService(string? service)
    {
        Service = service;
        return this;
    }

    public FormBuilder WithYear(int? year)
    {
        Year = year;
        return this;
    }

    /// <summary>A paragraph before the sections (Word) or a row on the first sheet (Excel).</summary>
    public FormBuilder WithParagraph(string text)
    {
        Paragraphs.Add(text);
        return this;
    }

    public FormBuilder WithSection(Section section, Action<SectionBuilder> build)
    {
        var builder = new SectionBuilder(section);
        build(builder);
        sections.Add(builder);
        return this;
    }

    /// <summary>An III.4 section: the progress table's six titles, rows through <see cref="SectionBuilder.Cells"/>.</summary>
    public FormBuilder WithProgress(Action<SectionBuilder> build) => WithSection(Section.III4, s => build(s.WithTitles(
        "Programa de Trabajo", "Objetivos específicos", "Avance efectivo en la implementación de las actividades (2)",
        "Avance en la implementación de las medidas de la autoridad (3)", "Recomendaciones y compromisos para superar dificultades (4)", "Responsable (5)")));

    /// <summary>An III.1 section with the given rows and default titles.</summary>
    public FormBuilder WithGestion(Action<SectionBuilder> build) => WithSection(Section.III1, build);

    /// <summary>Word: changes the written document the way an office's editing would (tracked changes, comments, fields).</summary>
    public FormBuilder EditingWord(Action<WordprocessingDocument> edit)
    {
        wordEdits.Add(edit);
        return this;
    }

    /// <summary>Excel: changes the written workbook the way an office's spreadsheet would (formulas, inline strings, sheet names).</summary>
    public FormBuilder EditingExcel(Action<SpreadsheetDocument> edit)
    {
        excelEdits.Add(edit);
        return this;
    }

    public byte[] Build(FormFormat format) => format switch
    {
        FormFormat.Word => DocumentEdits.Apply(WordFormWriter.Write(this), wordEdits),
        FormFormat.Excel => DocumentEdits.Apply(ExcelFormWriter.Write(this), excelEdits),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>"Actividad III. 1. Programa de Trabajo de Gestión Territorial 2009 (…)".</summary>
    public string Heading(Section section)
    {
        var year = Year is { } y ? " " + y.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var name = section switch
        {
            Section.III1 => "Programa de Trabajo de Gestión Territorial" + year + " (mejoras en el diseño, acceso y distribución de los productos en el territorio)",
            Section.III2 => "Programa de Complementariedad Territorial" + year,
            Section.III3 => "Programa de Trabajo de Mejoras a los Sistemas de Información",
            _ => "Análisis del avance en la implementación de los Programas de Trabajo" + year,
        };
        return "Actividad " + section.Code().Replace(".", ". ", StringComparison.Ordinal) + ". " + name;
    }
}

/// <summary>One section: its region row and its objectives table (titles, column order, rows).</summary>
internal sealed class SectionBuilder(Section section)
{
    /// <summary>The nine titles as the seed writes them in III.1, in logical order.</summary>
    public static readonly string[] DefaultTitles =
    [
        "Objetivos específicos (2)", "Indicador (3)", "Resultado anual del indicador (4)",
        "Meta anual o actividades comprometidas (5)", "Unidad Responsable (6)", "Medio de verificación (7)",
        "Ponderación (%) (8)", "Cumple/no cumple (9)", "Ponderación ganada (10)",
    ];

    private readonly List<FormCell[]> rows = [];
    private readonly List<(int AfterRows, bool RepeatHeader)> pageBreaks = [];
    private string[] titles = DefaultTitles;
    private int[]? order;

    public Section Section { get; } = section;

    public string? Region { get; private set; } = "Tarapacá";

    public SectionBuilder WithRegion(string? label)
    {
        Region = label;
        return this;
    }

    /// <summary>The "Desempeño Anual Región … (%)" label below the objectives table; null when the section has none.</summary>
    public string? PerformanceLabel { get; private set; }

    /// <summary>The value cell next to <see cref="PerformanceLabel"/>.</summary>
    public FormCell PerformanceValue { get; private set; } = FormCell.Blank;

    /// <summary>
    /// Writes the "Desempeño Anual Región (%)" line after the objectives table with <paramref name="value"/> in the cell next
    /// to the label (Word: a two-column table with the "Desempeño Anual Servicio" row; Excel: a row two below the table).
    /// </summary>
    public SectionBuilder DeclaringPerformance(FormCell value, string label = "Desempeño Anual Región Programa de Trabajo (diseño, acceso y distribución) 2009 (%) (11)")
    {
        PerformanceLabel = label;
        PerformanceValue = value;
        return this;
    }

    /// <summary>
    /// Replaces the titles (objectives table, logical order: objective, indicator, result, activity, unit, means,
    /// weight, compliance, earned; or any other table's titles, with rows given through <see cref="Cells"/>).
    /// </summary>
    public SectionBuilder WithTitles(params string[] logicalTitles)
    {
        titles = logicalTitles;
        return this;
    }

    /// <summary>Writes the columns in another order: the logical indexes from left to right.</summary>
    public SectionBuilder WithColumnOrder(params int[] logicalIndexes)
    {
        order = logicalIndexes;
        return this;
    }

    public SectionBuilder Row(
        FormCell? objective = null,
        FormCell? indicator = null,
        FormCell? result = null,
        FormCell? activity = null,
        FormCell? unit = null,
        FormCell? means = null,
        FormCell? weight = null,
        FormCell? compliance = null,
        FormCell? earned = null)
    {
        rows.Add([.. new[] { objective, indicator, result, activity, unit, means, weight, compliance, earned }.Select(c => c ?? FormCell.Blank)]);
        return this;
    }

    /// <summary>A row of any table, cells in logical order.</summary>
    public SectionBuilder Cells(params FormCell[] cells)
    {
        rows.Add(cells);
        return this;
    }

    /// <summary>Word: ends the table here and goes on in a new table, as a table split at a page break; Excel ignores it.</summary>
    public SectionBuilder PageBreak(bool repeatHeader)
    {
        pageBreaks.Add((rows.Count, repeatHeader));
        return this;
    }

    public IReadOnlyList<(int AfterRows, bool RepeatHeader)> PageBreaks => pageBreaks;

    /// <summary>The header titles from left to right.</summary>
    public IReadOnlyList<string> OutputTitles => [.. Order.Select(i => titles[i])];

    /// <summary>The data rows with cells from left to right.</summary>
    public IReadOnlyList<FormCell[]> OutputRows => [.. rows.Select(r => Order.Select(i => i < r.Length ? r[i] : FormCell.Blank).ToArray())];

    /// <summary>Whether this is the nine-column objectives table (it gets the "Control de Resultados" row above).</summary>
    public bool IsObjectivesTable => titles.Length == DefaultTitles.Length;

    private int[] Order => order ?? [.. Enumerable.Range(0, titles.Length)];
}
