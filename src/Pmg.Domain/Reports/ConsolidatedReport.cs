using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;

namespace Pmg.Domain.Reports;

/// <summary>
/// Everything the consolidated workbook shows: one entry per submitted file, the national result per programme
/// and the observations. New sheets (e.g. "Actividades en riesgo") add a property here and a sheet in the writer.
/// </summary>
public sealed record ConsolidatedReport
{
    /// <summary>The programmes shown as columns of the regional sheet, in form order.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = SectionExtensions.Programs;

    /// <summary>One entry per file read as a form, sorted by region and file name.</summary>
    public IReadOnlyList<RegionalEntry> Regions { get; init; } = [];

    /// <summary>The national result of each programme present.</summary>
    public IReadOnlyList<NationalResult> National { get; init; } = [];

    /// <summary>Diagnostics of every file plus the report's own findings (duplicates, unknown regions).</summary>
    public IReadOnlyList<ReportObservation> Observations { get; init; } = [];

    /// <summary>Activities at risk; null leaves the "Actividades en riesgo" sheet out (e.g. <c>pmg report</c> over files).</summary>
    public IReadOnlyList<AtRiskRow>? AtRisk { get; init; }

    /// <summary>What the workbook is (title, service, year, when, the rules applied), above the first sheet's table; null writes none.</summary>
    public ReportHeader? Header { get; init; }
}

/// <summary>The title block of the consolidated workbook, every line as a coordinator reads it (Spanish).</summary>
/// <param name="Title">"Consolidado PMG Gestión Territorial".</param>
/// <param name="Service">The service ("SERNAM"), or what stands for it when local forms do not say.</param>
/// <param name="Year">The year of the forms ("2009"; "2009, 2010" for local files of several years).</param>
/// <param name="GeneratedAt">When it was generated, in words and in the zone people read ("2 de diciembre de 2026, 10:15 (hora de Chile)").</param>
/// <param name="Rules">The rules applied, a sentence per line.</param>
public sealed record ReportHeader(string Title, string Service, string Year, string GeneratedAt, IReadOnlyList<string> Rules)
{
    /// <summary>The title of the workbook the recalculation writes.</summary>
    public const string ConsolidatedTitle = "Consolidado PMG Gestión Territorial";

    /// <summary>The title of the workbook `pmg report --xlsx` writes from files on a computer, not from what was uploaded.</summary>
    public const string LocalFilesTitle = "Consolidado PMG Gestión Territorial (formularios locales, no los subidos)";
}

/// <summary>The rules of docs/rules.md as the workbook states them, with the form's note numbers.</summary>
public static class ReportRules
{
    /// <summary>The lines of the title block's "Reglas aplicadas".</summary>
    public static IReadOnlyList<string> Lines { get; } =
    [
        "Desempeño regional por programa = suma de las ponderaciones ganadas (actividades marcadas cumplidas) sobre el total (nota 11).",
        "Las ponderaciones de un programa deben sumar 100 (± 0,5); si no, el programa es INVALIDO (nota 8).",
        "Región: CUMPLE con desempeño ≥ 90,00 %; PENDIENTE mientras quede una actividad sin marcar; si no, NO CUMPLE (notas 9 a 11).",
        "Nacional, por programa: CUMPLE si cumplen todas las regiones que lo comprometieron; NO CUMPLE si alguna está NO CUMPLE o INVALIDO; si no, PENDIENTE (nota 12).",
        "Una región esperada sin formulario cuenta PENDIENTE hasta el cierre y NO CUMPLE después (nota 12).",
    ];
}

/// <summary>A line of the "Actividades en riesgo" sheet.</summary>
/// <param name="RegionCode">The region's ISO code.</param>
/// <param name="RegionName">The region's name.</param>
/// <param name="Section">The programme.</param>
/// <param name="Objective">The objective's text.</param>
/// <param name="Activity">The activity's text.</param>
/// <param name="Unit">Unidad responsable as written.</param>
/// <param name="Reason">Why it is at risk, in Spanish.</param>
/// <param name="Quote">Words quoted from the III.4 progress text, or null.</param>
public sealed record AtRiskRow(string RegionCode, string RegionName, Section Section, string Objective, string Activity, string Unit, string Reason, string? Quote)
{
    /// <summary>The unit's addresses in the address book; empty when the unit has none ("sin contacto").</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];
}

/// <summary>A file read as a region's form, with its programmes scored.</summary>
/// <param name="File">The file name.</param>
/// <param name="Region">The region the form belongs to; null when it could not be resolved.</param>
/// <param name="Year">The year the form commits.</param>
/// <param name="Programs">The programme results, in form order.</param>
/// <param name="CountsNationally">False when another file of the same region and year takes its place, or the region is unknown.</param>
public sealed record RegionalEntry(string File, Region? Region, int? Year, IReadOnlyList<ProgramResult> Programs, bool CountsNationally)
{
    /// <summary>When the file was last written (uploaded); null when not known.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }

    /// <summary>The result of one programme, if the form has it.</summary>
    public ProgramResult? Program(Section section) => Programs.FirstOrDefault(p => p.Section == section);
}

/// <summary>A line of the "Observaciones" sheet.</summary>
/// <param name="File">The file it is about.</param>
/// <param name="RegionCode">The file's region code, when known.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Code">The stable diagnostic code.</param>
/// <param name="Message">The Spanish message.</param>
/// <param name="Location">Where it points, in Spanish ("III.1, fila 4, Ponderación (%)"); null for the whole file.</param>
public sealed record ReportObservation(string File, string? RegionCode, Severity Severity, string Code, string Message, string? Location);

/// <summary>A file after reading and, when it was accepted, after the form rules.</summary>
/// <param name="Read">What the reader returned.</param>
/// <param name="Evaluation">The rules' verdict; null when the file was refused.</param>
public sealed record EvaluatedFile(FormReadResult Read, SubmissionEvaluation? Evaluation)
{
    /// <summary>When the file was last written (uploaded): of two forms of one region the most recent counts. Null when not known.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }

    /// <summary>Chosen by the user to count for its region over any other form of it, whatever their dates.</summary>
    public bool Chosen { get; init; }

    /// <summary>The reader's diagnostics followed by the rules' diagnostics.</summary>
    public IEnumerable<Diagnostic> Diagnostics => Evaluation is null ? Read.Diagnostics : Read.Diagnostics.Concat(Evaluation.Diagnostics);

    /// <summary>True when the file was read and neither reader nor rules found an error.</summary>
    public bool IsClean => Read.Accepted && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>How a report is built: the time zone its dates are shown in and what to tell a user who wants another form counted.</summary>
public sealed record ReportOptions
{
    /// <summary>The zone dates are shown in ("modificado el 29-11-2026 02:05"); UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>A sentence added when several forms of a region compete and none was chosen, e.g. how to choose one.</summary>
    public string? ChoiceHint { get; init; }

    /// <summary>Defaults.</summary>
    public static ReportOptions Default { get; } = new();
}

/// <summary>Spanish words for <see cref="Severity"/>, as a regional user reads them.</summary>
public static class SeverityLabels
{
    /// <summary>"error", "advertencia" or "aviso".</summary>
    public static string Spanish(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "advertencia",
        _ => "aviso",
    };
}
