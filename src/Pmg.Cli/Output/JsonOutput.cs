using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Json;

namespace Pmg.Cli.Output;

/// <summary>
/// Writes the public JSON contracts (`pmg validate|report|status --json`) through <see cref="PmgJson.Contracts"/>: the
/// contract types live in Pmg.Pipeline (Json/, Status/) with the one serializer context; here they are filled in.
/// </summary>
internal static class JsonOutput
{
    public static async Task WriteAsync<T>(TextWriter writer, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(value, type).AsMemory(), cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"docx", "xlsx", or null when the format is unknown.</summary>
    public static string? FormatName(FormFormat format) => format switch
    {
        FormFormat.Word => "docx",
        FormFormat.Excel => "xlsx",
        _ => null,
    };

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
                e.Programs.Select(p => new RegionProgramJson(p.Section.Code(), ContractNumbers.TwoDecimals(p.Performance), p.Status.Label())).ToList()))
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
        ContractNumbers.TwoDecimals(result.Performance),
        result.Status.Label());

    private static DiagnosticJson Diagnostic(Diagnostic diagnostic) =>
        new(diagnostic.SeverityName, diagnostic.Code, diagnostic.Message, diagnostic.Location?.ToString());
}
