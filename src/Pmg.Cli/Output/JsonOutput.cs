using System.Text.Encodings.Web;
using System.Text.Json;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;

namespace Pmg.Cli.Output;

/// <summary>The public JSON contract of `pmg validate --json` and `pmg report --json`.</summary>
internal static class JsonOutput
{
    /// <summary>camelCase, indented, nulls written, Spanish left readable (no \u escapes for accents).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync<T>(TextWriter writer, T value, CancellationToken cancellationToken = default)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(value, Options).AsMemory(), cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"docx", "xlsx", or null when the format is unknown.</summary>
    public static string? FormatName(FormFormat format) => format switch
    {
        FormFormat.Word => "docx",
        FormFormat.Excel => "xlsx",
        _ => null,
    };

    /// <summary>Performance rounded half-up and always with two decimals (96 → 96.00).</summary>
    public static decimal? TwoDecimals(decimal? value) =>
        value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) + 0.00m : null;

    public static ValidateFileJson Validate(EvaluatedFile file)
    {
        var submission = file.Read.Submission;
        var region = submission?.Region is { } r ? new RegionJson(r.Code, r.Name) : null;
        return new ValidateFileJson(
            file.Read.FileName,
            file.Read.Accepted,
            FormatName(file.Read.Format),
            string.IsNullOrEmpty(submission?.Service) ? null : submission.Service,
            submission?.Year,
            region,
            file.Evaluation?.Programs.Select(Program).ToList() ?? [],
            submission?.ProgressRows.Count,
            file.Diagnostics.Select(Diagnostic).ToList());
    }

    public static ReportJson Report(ConsolidatedReport report) => new(
        report.Regions
            .Select(e => new RegionEntryJson(
                e.Region?.Code,
                e.File,
                e.CountsNationally,
                e.ModifiedAt,
                e.Programs.Select(p => new RegionProgramJson(p.Section.Code(), TwoDecimals(p.Performance), p.Status.Label())).ToList()))
            .ToList(),
        report.National.Select(n => new NationalJson(n.Section.Code(), n.Status.Label(), n.Regions, n.Complying)).ToList(),
        report.Observations
            .Select(o => new ObservationJson(o.File, o.RegionCode, o.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "info",
            }, o.Code, o.Message, o.Location))
            .ToList());

    private static ProgramJson Program(ProgramResult result) => new(
        result.Section.Code(),
        result.Objectives,
        result.Activities,
        result.WeightTotal,
        result.EarnedWeight,
        TwoDecimals(result.Performance),
        result.Status.Label());

    private static DiagnosticJson Diagnostic(Diagnostic diagnostic) =>
        new(diagnostic.SeverityName, diagnostic.Code, diagnostic.Message, diagnostic.Location?.ToString());
}

/// <summary>One file in `pmg validate --json`.</summary>
internal sealed record ValidateFileJson(
    string File,
    bool Accepted,
    string? Format,
    string? Service,
    int? Year,
    RegionJson? Region,
    IReadOnlyList<ProgramJson> Programs,
    int? ProgressRows,
    IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>A region's code and name.</summary>
internal sealed record RegionJson(string Code, string Name);

/// <summary>A programme's counts, weights, performance and status.</summary>
internal sealed record ProgramJson(string Section, int Objectives, int Activities, decimal WeightTotal, decimal EarnedWeight, decimal? Performance, string Status);

/// <summary>A diagnostic: severity "error|warning|info", code, Spanish message, Spanish location.</summary>
internal sealed record DiagnosticJson(string Severity, string Code, string Message, string? Location);

/// <summary>`pmg report --json`.</summary>
internal sealed record ReportJson(IReadOnlyList<RegionEntryJson> Regions, IReadOnlyList<NationalJson> National, IReadOnlyList<ObservationJson> Observations);

/// <summary>A file's region, whether it counts nationally (false when another form of its region and year does), when it was written, and its programme results.</summary>
internal sealed record RegionEntryJson(string? Region, string File, bool CountsNationally, DateTimeOffset? ModifiedAt, IReadOnlyList<RegionProgramJson> Programs);

/// <summary>A programme's performance and status in a region.</summary>
internal sealed record RegionProgramJson(string Section, decimal? Performance, string Status);

/// <summary>A programme's national result.</summary>
internal sealed record NationalJson(string Section, string Status, int Regions, int Complying);

/// <summary>A report observation (duplicates, unknown regions, every file's diagnostics).</summary>
internal sealed record ObservationJson(string File, string? Region, string Severity, string Code, string Message, string? Location);
