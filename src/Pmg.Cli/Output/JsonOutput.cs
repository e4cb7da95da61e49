using System.Text.Encodings.Web;
using System.Text.Json;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Validation;

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
    public static string? FormatName(FormFormat format) => FormValidation.FormatName(format);

    /// <summary>Performance rounded half-up and always with two decimals (96 → 96.00).</summary>
    public static decimal? TwoDecimals(decimal? value) => FormValidation.TwoDecimals(value);

    /// <summary>The contract of one evaluated file (shared with the portal's API).</summary>
    public static ValidateFileJson Validate(EvaluatedFile file) => FormValidation.Describe(file);

    public static ReportJson Report(ConsolidatedReport report) => new(
        report.Regions
            .Select(e => new RegionEntryJson(
                e.Region?.Code,
                e.File,
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
}

/// <summary>`pmg report --json`.</summary>
internal sealed record ReportJson(IReadOnlyList<RegionEntryJson> Regions, IReadOnlyList<NationalJson> National, IReadOnlyList<ObservationJson> Observations);

/// <summary>A file's region and its programme results.</summary>
internal sealed record RegionEntryJson(string? Region, string File, IReadOnlyList<RegionProgramJson> Programs);

/// <summary>A programme's performance and status in a region.</summary>
internal sealed record RegionProgramJson(string Section, decimal? Performance, string Status);

/// <summary>A programme's national result.</summary>
internal sealed record NationalJson(string Section, string Status, int Regions, int Complying);

/// <summary>A report observation (duplicates, unknown regions, every file's diagnostics).</summary>
internal sealed record ObservationJson(string File, string? Region, string Severity, string Code, string Message, string? Location);
