using System.Globalization;
using Pmg.Domain.Model;
using Pmg.Domain.Text;
using Pmg.Forms.Assembly;

namespace Pmg.Forms.Vocabulary;

/// <summary>A column of one of the form's tables: how the official form prints it, and the phrases the readers take for it.</summary>
/// <param name="Kind">The column.</param>
/// <param name="Printed">The title as the official form prints it, without its "(n)" note number.</param>
/// <param name="Phrases">
/// Normalised titles recognised (<see cref="Pmg.Domain.Text.TextNormalizer"/>): a single word must be the whole title;
/// a longer phrase may be followed by more words ("principal problema a resolver el año 2009").
/// </param>
internal sealed record ColumnTerm(ColumnKind Kind, string Printed, string[] Phrases);

/// <summary>
/// The words of the official Etapa 3 form (the 2009 seed, <c>samples/forms/tarapaca-2009-etapa3.docx</c>): section
/// headings, column titles with their note numbers, labels and fixed categories. The template writer prints them and
/// the readers recognise them, from this one place, so a form Pmg writes is always a form Pmg reads.
/// </summary>
internal static class FormVocabulary
{
    private static readonly string[] ObjectivePhrases = ["objetivo", "objetivos", "objetivo especifico", "objetivos especificos"];

    /// <summary>The objectives table's columns in the order titles are matched in (see <see cref="ObjectivesTableOrder"/> for the printed order).</summary>
    public static IReadOnlyList<ColumnTerm> ObjectivesColumns { get; } =
    [
        new(ColumnKind.Objective, "Objetivos específicos", ObjectivePhrases),
        new(ColumnKind.Indicator, "Indicador", ["indicador", "indicadores"]),
        new(ColumnKind.AnnualResult, "Resultado anual del indicador", ["resultado anual", "resultados anuales"]),
        new(ColumnKind.Activity, "Meta anual o actividades comprometidas", ["meta anual o actividades comprometidas", "meta anual", "metas anuales", "actividades comprometidas"]),
        new(ColumnKind.Unit, "Unidad Responsable", ["unidad responsable", "unidades responsables"]),
        new(ColumnKind.Means, "Medio de verificación", ["medio de verificacion", "medios de verificacion"]),

        // "ponderación ganada" before "ponderación": the earned weight's title starts with the weight's.
        new(ColumnKind.Earned, "Ponderación ganada", ["ponderacion ganada"]),
        new(ColumnKind.Weight, "Ponderación (%)", ["ponderacion"]),
        new(ColumnKind.Compliance, "Cumple/no cumple", ["cumple no cumple", "cumple"]),
    ];

    /// <summary>The III.4 progress table's columns, in match order.</summary>
    public static IReadOnlyList<ColumnTerm> ProgressColumns { get; } =
    [
        new(ColumnKind.ProgressProgram, "Programa de Trabajo", ["programa", "programa de trabajo"]),
        new(ColumnKind.ProgressObjective, "Objetivos específicos", ObjectivePhrases),

        // "avance en la implementación de las medidas" before "avance …": both start with "avance".
        new(ColumnKind.AuthorityMeasures, "Avance en la implementación de las medidas de la autoridad", ["avance en la implementacion de las medidas", "medidas de la autoridad"]),
        new(ColumnKind.Progress, "Avance efectivo en la implementación de las actividades", ["avance", "avance efectivo", "avance en la implementacion de las actividades"]),
        new(ColumnKind.Recommendations, "Recomendaciones y compromisos para superar dificultades", ["recomendaciones y compromisos", "recomendaciones"]),
        new(ColumnKind.Responsible, "Responsable", ["responsable", "responsables"]),
    ];

    /// <summary>III.2's coordinating body ("instancia") table's columns, in match order; {0} in a title is the year.</summary>
    public static IReadOnlyList<ColumnTerm> BodyColumns { get; } =
    [
        new(ColumnKind.BodyName, "Identificación de la instancia", ["identificacion de la instancia", "instancia"]),
        new(ColumnKind.BodyProblem, "Principal problema a resolver el año {0}", ["principal problema", "problema"]),
        new(ColumnKind.BodyTerritories, "Territorio(s) en el/ los que opera", ["territorio", "territorios", "territorio s", "territorios en", "territorio en"]),
        new(ColumnKind.BodyInstitutions, "Instituciones participantes", ["instituciones participantes", "instituciones"]),
        new(ColumnKind.BodyProducts, "Productos o subproductos", ["productos o subproductos", "productos"]),
    ];

    /// <summary>The objectives table's columns as the form prints them, left to right.</summary>
    public static IReadOnlyList<ColumnKind> ObjectivesTableOrder { get; } =
    [
        ColumnKind.Objective, ColumnKind.Indicator, ColumnKind.AnnualResult, ColumnKind.Activity, ColumnKind.Unit,
        ColumnKind.Means, ColumnKind.Weight, ColumnKind.Compliance, ColumnKind.Earned,
    ];

    /// <summary>The III.4 table's columns as the form prints them, left to right.</summary>
    public static IReadOnlyList<ColumnKind> ProgressTableOrder { get; } =
    [
        ColumnKind.ProgressProgram, ColumnKind.ProgressObjective, ColumnKind.Progress, ColumnKind.AuthorityMeasures,
        ColumnKind.Recommendations, ColumnKind.Responsible,
    ];

    /// <summary>III.2's instancia table's columns as the form prints them, left to right.</summary>
    public static IReadOnlyList<ColumnKind> BodyTableOrder { get; } =
    [
        ColumnKind.BodyName, ColumnKind.BodyProblem, ColumnKind.BodyTerritories, ColumnKind.BodyInstitutions, ColumnKind.BodyProducts,
    ];

    /// <summary>The printed title of a column (without its note number); {0} in III.2's problem column is the year.</summary>
    public static string Printed(ColumnKind kind) =>
        ObjectivesColumns.Concat(ProgressColumns).Concat(BodyColumns).First(c => c.Kind == kind).Printed;

    /// <summary>The column recognised by a normalised title: the first term with a matching phrase, or null.</summary>
    public static ColumnKind? Match(IReadOnlyList<ColumnTerm> terms, string title)
    {
        foreach (var term in terms)
        {
            if (IsPhrase(title, term.Phrases))
            {
                return term.Kind;
            }
        }

        return null;
    }

    // Single words must be the whole title; longer phrases may be followed by more words.
    private static bool IsPhrase(string title, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (title == phrase
                || (phrase.Contains(' ', StringComparison.Ordinal) && title.Length > phrase.Length && title[phrase.Length] == ' '
                    && title.StartsWith(phrase, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first letter of every title phrase: a cell starting otherwise is certainly not a column title.</summary>
    public static string TitleInitials { get; } = string.Concat(
        ObjectivesColumns.Concat(ProgressColumns).Concat(BodyColumns).SelectMany(c => c.Phrases).Select(p => p[0]).Distinct().Order());

    /// <summary>The region row's label, note 1 of every section ("REGIÓN (1) | Tarapacá").</summary>
    public const string RegionLabel = "REGIÓN (1)";

    /// <summary>The service's label ("Servicio: SERNAM").</summary>
    public const string ServiceLabel = "Servicio:";

    /// <summary>The row above an objectives table's titles, over its first three columns.</summary>
    public const string ResultsControl = "Control de Resultados";

    /// <summary>The row above an objectives table's titles, over its last six columns.</summary>
    public const string OperationalControl = "Control Operacional";

    /// <summary>Normalised start of the row that opens an objectives table's titles ("Control de Resultados"), skipped when read.</summary>
    public const string ControlRowKey = "control de resultado";

    /// <summary>Normalised start of the rows after an objectives table ("Desempeño Anual Región … (%)"): the table ends there.</summary>
    public const string PerformanceRowKey = "desempeno anual";

    /// <summary>Normalised start of the regional performance's label (note 11), "Desempeño Anual Región … (%)".</summary>
    public const string RegionalPerformanceKey = "desempeno anual region";

    /// <summary>Normalised start of the notes after a table ("Notas Actividad III.1: …"): the table ends there.</summary>
    public const string NotesRowKey = "notas";

    /// <summary>The first letters of <see cref="ControlRowKey"/>, <see cref="PerformanceRowKey"/> and <see cref="NotesRowKey"/>.</summary>
    public static string RowKeyInitials { get; } = string.Concat(new[] { ControlRowKey, PerformanceRowKey, NotesRowKey }.Select(k => k[0]).Distinct());

    /// <summary>III.3's fixed categories of the first column, in form order (notes 11–13).</summary>
    public static IReadOnlyList<string> InformationCategories { get; } =
        ["Oferta de información al GORE", "Provisión de información", "Otros objetivos institucionales"];

    /// <summary>The note number printed after each of <see cref="InformationCategories"/>.</summary>
    public static int CategoryNote(int index) => 11 + index;

    /// <summary>What Word shows in an untouched dropdown content control.</summary>
    public const string DropdownPlaceholder = "Elija un elemento.";

    /// <summary>
    /// The prompts Word shows in a content control nobody has touched yet (Spanish and English Word): read as blank,
    /// with or without the control's showingPlcHdr flag, since a copy-paste or another editor may drop the flag.
    /// </summary>
    public static IReadOnlyList<string> PlaceholderPrompts { get; } =
    [
        DropdownPlaceholder,
        "Haga clic o pulse aquí para escribir texto.",
        "Haga clic aquí para escribir texto.",
        "Haga clic o pulse para escribir una fecha.",
        "Haga clic aquí para escribir una fecha.",
        "Choose an item.",
        "Click or tap here to enter text.",
        "Click here to enter text.",
        "Click or tap to enter a date.",
    ];

    private static readonly HashSet<string> NormalizedPrompts = [.. PlaceholderPrompts.Select(TextNormalizer.Normalize)];

    private static readonly int ShortestPrompt = PlaceholderPrompts.Min(p => p.Length);

    private static readonly int LongestPrompt = PlaceholderPrompts.Max(p => p.Length);

    /// <summary>Whether a line is one of <see cref="PlaceholderPrompts"/> (case, accents and punctuation aside).</summary>
    public static bool IsPlaceholderPrompt(string line)
    {
        // Every cell's lines pass here: only a line of a prompt's length starting like one is normalised.
        var text = line.AsSpan().Trim();
        if (text.Length < ShortestPrompt - 2 || text.Length > LongestPrompt + 2 || char.ToUpperInvariant(text[0]) is not ('E' or 'H' or 'C'))
        {
            return false;
        }

        return NormalizedPrompts.Contains(TextNormalizer.Normalize(line));
    }

    /// <summary>
    /// The labels of a summary row that offices add at the end of (or inside) an objectives table, usually with 100 %
    /// under "Ponderación (%)" and the earned total under "Ponderación ganada". Such a row is the form's declared total,
    /// never an activity. A label may go on after these words ("Total ponderación (%)", "Total del programa …").
    /// </summary>
    public static IReadOnlyList<string> SummaryLabels { get; } =
        ["Total", "Totales", "Total general", "Total ponderación", "Subtotal", "Sub total", "Suma", "Suma total"];

    /// <summary>Of <see cref="SummaryLabels"/>, those that total only the activities since the previous summary row.</summary>
    public static IReadOnlyList<string> SubtotalLabels { get; } = ["Subtotal", "Sub total"];

    private static readonly string[] NormalizedSummaryLabels = [.. SummaryLabels.Select(TextNormalizer.Normalize)];

    private static readonly string[] NormalizedSubtotalLabels = [.. SubtotalLabels.Select(TextNormalizer.Normalize)];

    /// <summary>
    /// Whether a normalised label is a summary row's (<see cref="SummaryLabels"/>, maybe followed by more words), whether
    /// a subtotal's, and whether it is exactly one of the labels.
    /// </summary>
    public static bool IsSummaryLabel(string normalized, out bool subtotal, out bool exact)
    {
        exact = NormalizedSummaryLabels.Contains(normalized, StringComparer.Ordinal);
        subtotal = StartsWithAny(normalized, NormalizedSubtotalLabels);
        return exact || subtotal || StartsWithAny(normalized, NormalizedSummaryLabels);
    }

    /// <summary>The label of the live total row of a programme in the blank form's workbook: a summary label.</summary>
    public const string ProgramTotalLabel = "Total del programa (las ponderaciones deben sumar 100 %)";

    private static bool StartsWithAny(string normalized, string[] words)
    {
        foreach (var word in words)
        {
            if (normalized == word || (normalized.Length > word.Length && normalized[word.Length] == ' ' && normalized.StartsWith(word, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The document's first line: "FORMATOS DE LA ETAPA 3: IMPLEMENTACIÓN DEL PROGRAMA DE TRABAJO GT 2009".</summary>
    public static string DocumentTitle(int year) =>
        "FORMATOS DE LA ETAPA 3: IMPLEMENTACIÓN DEL PROGRAMA DE TRABAJO GT " + Year(year);

    /// <summary>A section's heading as the official form prints it: "Actividad III. 1. Programa de Trabajo de Gestión Territorial 2009 (…)".</summary>
    public static string Heading(Section section, int year) => section switch
    {
        Section.III1 => $"Actividad III. 1. Programa de Trabajo de Gestión Territorial {Year(year)} (mejoras en el diseño, acceso y distribución de los productos en el territorio)",
        Section.III2 => $"Actividad III. 2: Programa de Complementariedad Territorial {Year(year)} (mejoras en la complementariedad territorial de los productos en el territorio)",
        Section.III3 => "Actividad III. 3: Programa de Trabajo de Mejoras a (los) Sistema(s) de Información Institucional y de Provisión de Información a los Gobiernos Regionales",
        Section.III4 => $"Actividad III. 4: Análisis del avance en la implementación de los Programas de Trabajo {Year(year)}",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>A programme's name inside its performance labels: "Programa de Trabajo (diseño, acceso y distribución)".</summary>
    private static string ProgramName(Section section) => section switch
    {
        Section.III1 => "Programa de Trabajo (diseño, acceso y distribución)",
        Section.III2 => "Programa de Complementariedad Territorial",
        Section.III3 => "Programa de Información",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>"Desempeño Anual Región Programa de Complementariedad Territorial 2009 (%)".</summary>
    public static string RegionalPerformanceLabel(Section section, int year) =>
        $"Desempeño Anual Región {ProgramName(section)} {Year(year)} (%)";

    /// <summary>"Desempeño Anual Servicio Programa de Complementariedad Territorial 2009 (CUMPLE /NO CUMPLE)".</summary>
    public static string ServicePerformanceLabel(Section section, int year) =>
        $"Desempeño Anual Servicio {ProgramName(section)} {Year(year)} (CUMPLE /NO CUMPLE)";

    /// <summary>The programme as III.4's first column writes it: "Diseño Acceso y Distribución", "Complementariedad", "Información".</summary>
    public static string ProgressProgram(Section section) => section switch
    {
        Section.III1 => "Diseño Acceso y Distribución",
        Section.III2 => "Complementariedad",
        Section.III3 => "Información",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>The first note number of the objectives table's columns: 7 in III.2 (after the instancia's 2–6), else 2.</summary>
    public static int FirstObjectivesNote(Section section) => section == Section.III2 ? 7 : 2;

    /// <summary>The note number printed after a III.4 column's title; null when the seed prints none.</summary>
    public static int? ProgressNote(ColumnKind kind) => kind switch
    {
        ColumnKind.Progress => 2,
        ColumnKind.AuthorityMeasures => 3,
        ColumnKind.Recommendations => 4,
        ColumnKind.Responsible => 5,
        _ => null,
    };

    /// <summary>A title followed by its note number: "Ponderación (%) (8)".</summary>
    public static string WithNote(string title, int? note) =>
        note is { } n ? title + " (" + n.ToString(CultureInfo.InvariantCulture) + ")" : title;

    /// <summary>The seed's first line of a section's notes: "Notas Actividad III.1: ver instructivo.".</summary>
    public static string NotesHeading(Section section) => $"Notas Actividad {section.Code()}: ver instructivo.";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
