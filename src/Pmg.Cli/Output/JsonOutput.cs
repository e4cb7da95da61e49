using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Validation;

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
    public static string? FormatName(FormFormat format) => FormValidation.FormatName(format);

    /// <summary>One file of `pmg validate --json`: the mapping the portal's API shares (<see cref="FormValidation"/>).</summary>
    public static ValidateFileJson Validate(EvaluatedFile file) => FormValidation.Describe(file);

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
}
