using System.CommandLine;
using Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Cli.Output;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Pipeline;
using Pmg.Pipeline.Notifications;
using Pmg.Pipeline.Recalculation;
using Pmg.Pipeline.Validation;

namespace Pmg.Cli.Commands;

/// <summary>
/// `pmg status [--service S] [--year N] [--json]`: what the pipeline recorded — per service and year, each region's
/// current form with its programme results and activities at risk, the national result per programme, refused and
/// failed uploads with their reasons, and e-mails that could not be sent.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var service = new Option<string?>("--service") { HelpName = "SERVICIO", Description = "Solo este servicio (p. ej. SERNAM)." };
        var year = new Option<int?>("--year") { HelpName = "AÑO", Description = "Solo este año (p. ej. 2009)." };
        var json = new Option<bool>("--json") { Description = "Escribe el estado en JSON en la salida estándar." };
        var connection = new StorageConnection();

        var command = new Command("status", "Estado de los formularios recibidos: regiones, programas, resultado nacional, rechazos y fallas.")
        {
            service,
            year,
            json,
        };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(year) is { } y && y is < 1000 or > 9999)
            {
                result.AddError($"el año «{y}» no es válido; use cuatro dígitos, p. ej. 2009.");
            }

            if (result.GetValue(service) is { } s && string.IsNullOrWhiteSpace(s))
            {
                result.AddError("--service está vacío.");
            }
        });

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            environment,
            connection.BuildConfiguration(parseResult),
            parseResult.GetValue(service)?.Trim(),
            parseResult.GetValue(year),
            parseResult.GetValue(json),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, IConfiguration configuration, string? service, int? year, bool json, CancellationToken cancellationToken)
    {
        var services = StorageConnection.BuildServices(configuration);
        await using (services.ConfigureAwait(false))
        {
            StatusJson status;
            try
            {
                status = await GatherAsync(services, service, year, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageConnection.IsExpected(exception))
            {
                await environment.Error.WriteLineAsync($"No se pudo leer el estado: {StorageConnection.Describe(exception)}.".AsMemory(), cancellationToken).ConfigureAwait(false);
                return PmgCommandLine.FormErrors;
            }

            if (json)
            {
                await JsonOutput.WriteAsync(environment.Out, status, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                StatusOutput.Write(environment.Console, status, services.GetRequiredService<TimeProvider>().LocalTimeZone);
            }

            return PmgCommandLine.Success;
        }
    }

    /// <summary>Reads everything the status shows; the same model feeds the JSON and the tables.</summary>
    internal static async Task<StatusJson> GatherAsync(IServiceProvider services, string? service, int? year, CancellationToken cancellationToken = default)
    {
        var queries = services.GetRequiredService<ISubmissionQueries>();
        var compliance = services.GetRequiredService<IComplianceStore>();
        var notifications = services.GetRequiredService<INotificationLedger>();
        var options = services.GetRequiredService<IOptions<PmgOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        // Keys hold the service as configured ("SERNAM"). Without Pmg:Services the casing typed is unknown: read the
        // year (or everything) and match the service case-insensitively here.
        var configured = service is null ? null : options.FindService(service);
        var queryService = configured ?? (options.KnownServices.Count > 0 ? service : null);

        SubmissionStatusReport report;
        try
        {
            report = await queries.GetStatusAsync(queryService, year, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // No table yet: nothing was ever ingested into this account (or prefix).
            report = new SubmissionStatusReport([], []);
        }

        if (service is not null && queryService is null)
        {
            report = new SubmissionStatusReport(
                report.Current.Where(r => SameService(r.Service, service)).ToArray(),
                report.Problems.Where(r => SameService(r.Service, service)).ToArray());
        }

        var serviceYears = new List<ServiceYearJson>();
        foreach (var group in report.Current
            .Where(r => r.Service is not null && r.Year is not null)
            .GroupBy(r => (Service: r.Service!, Year: r.Year!.Value))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            var (groupService, groupYear) = group.Key;
            var closingPassed = options.ClosingDatePassed(groupYear, time);
            var atRisk = await AtRiskByRegionAsync(compliance, groupService, groupYear, closingPassed, cancellationToken).ConfigureAwait(false);
            var regions = group.Select(r => Region(r, atRisk)).ToList();
            var national = await NationalAsync(compliance, report, options, groupService, groupYear, closingPassed, group.ToList(), cancellationToken).ConfigureAwait(false);
            serviceYears.Add(new ServiceYearJson(groupService, groupYear, regions, national));
        }

        var problems = report.Problems.Select(Problem).ToList();
        var failed = (await notifications.GetFailedAsync(queryService, year, cancellationToken).ConfigureAwait(false))
            .Where(n => service is null || SameService(n.Service, service))
            .Select(n => new FailedNotificationJson(
                n.Kind == NotificationKind.Digest ? "digest" : "receipt",
                n.Service is null or SubmissionKeys.UnparsedPartition ? null : n.Service,
                n.Year,
                n.RegionCode,
                n.Recipient,
                n.Subject,
                n.Attempts,
                n.UpdatedAt,
                n.Error))
            .ToList();
        return new StatusJson(serviceYears, problems, failed);
    }

    private static bool SameService(string? recorded, string wanted) => string.Equals(recorded, wanted, StringComparison.OrdinalIgnoreCase);

    private static RegionStatusJson Region(SubmissionRecord record, IReadOnlyDictionary<string, int> atRisk)
    {
        var region = record.RegionCode is { } code && RegionCatalog.FindByCode(code) is { } r ? new RegionJson(r.Code, r.Name) : new RegionJson(record.RegionCode ?? "", record.RegionCode ?? "");
        return new RegionStatusJson(
            region,
            record.FileName,
            record.BlobName,
            record.Id,
            record.UploadedAt,
            record.Uploader,
            "accepted",
            record.Diagnostics.Count(d => d.Severity == Severity.Error),
            record.Diagnostics.Count(d => d.Severity == Severity.Warning),
            atRisk.TryGetValue(region.Code, out var count) ? count : null,
            record.Programs
                .OrderBy(p => p.Section, StringComparer.Ordinal)
                .Select(p => new RegionProgramJson(p.Section, JsonOutput.TwoDecimals(p.Performance), p.Status))
                .ToList());
    }

    private static ProblemJson Problem(SubmissionRecord record) => new(
        record.Id,
        record.BlobName,
        record.FileName,
        record.Service,
        record.Year,
        record.RegionCode is { } code && RegionCatalog.FindByCode(code) is { } region ? new RegionJson(region.Code, region.Name) : null,
        record.Outcome == IngestionStatus.Failed ? "failed" : "refused",
        record.UploadedAt,
        record.ProcessedAt,
        record.Uploader,
        record.Reasons);

    /// <summary>
    /// The national line: the recalculation's stored rows when it has written them, else computed now with
    /// <see cref="NationalRules"/> from the regions' current statuses, exactly as the recalculation would.
    /// </summary>
    private static async Task<NationalStatusJson> NationalAsync(
        IComplianceStore compliance,
        SubmissionStatusReport report,
        PmgOptions options,
        string service,
        int year,
        bool closingPassed,
        IReadOnlyList<SubmissionRecord> current,
        CancellationToken cancellationToken)
    {
        var stored = await compliance.GetNationalResultsAsync(service, year, cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            // The rows name the submissions they were computed from; a newer upload makes them out of date until the next run.
            var basis = string.Join(',', current.Where(r => r.RegionCode is not null).Select(r => r.RegionCode + "=" + r.Id).Order(StringComparer.Ordinal));
            return new NationalStatusJson(
                "recalculation",
                stored.Max(s => s.CalculatedAt),
                stored.All(s => s.Basis == basis),
                stored.OrderBy(s => s.Section, StringComparer.Ordinal)
                    .Select(s => new NationalProgramJson(s.Section, s.Status, s.Regions, s.Complying, s.Missing.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                    .ToList());
        }

        var statuses = report.RegionalStatuses(service, year);
        var expected = options.ExpectedRegionsIn(year);
        var submitted = current.Select(r => r.RegionCode is null ? null : RegionCatalog.FindByCode(r.RegionCode)).OfType<Region>().ToList();
        var programs = SectionExtensions.Programs
            .Where(section => statuses.Any(s => s.Section == section))
            .Select(section => NationalRules.Evaluate(section, statuses, expected, closingPassed, submitted))
            .Select(n => new NationalProgramJson(n.Section.Code(), n.Status.Label(), n.Regions, n.Complying, n.Missing.Select(m => m.Code).ToList()))
            .ToList();
        return new NationalStatusJson("computed", null, true, programs);
    }

    /// <summary>Activities at risk per region, from each current submission's stored rows (one activity counted once, whatever its reasons).</summary>
    private static async Task<IReadOnlyDictionary<string, int>> AtRiskByRegionAsync(IComplianceStore compliance, string service, int year, bool closingPassed, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pointer in await compliance.ListCurrentAsync(service, year, cancellationToken).ConfigureAwait(false))
        {
            var submission = await compliance.LoadSubmissionAsync(pointer, cancellationToken).ConfigureAwait(false);
            var atRisk = AtRiskDetector.Find(FormRules.Evaluate(submission), closingPassed);
            counts[pointer.RegionCode] = atRisk.Select(a => (a.Section, a.ObjectiveNumber, a.Activity)).Distinct().Count();
        }

        return counts;
    }
}

/// <summary>`pmg status --json`: per service and year the regions and the national line, then problems and failed e-mails.</summary>
internal sealed record StatusJson(IReadOnlyList<ServiceYearJson> ServiceYears, IReadOnlyList<ProblemJson> Problems, IReadOnlyList<FailedNotificationJson> FailedNotifications);

/// <summary>One service and year.</summary>
internal sealed record ServiceYearJson(string Service, int Year, IReadOnlyList<RegionStatusJson> Regions, NationalStatusJson National);

/// <summary>A region's current submission.</summary>
internal sealed record RegionStatusJson(
    RegionJson Region,
    string File,
    string BlobName,
    string SubmissionId,
    DateTimeOffset UploadedAt,
    string? Uploader,
    string Outcome,
    int Errors,
    int Warnings,
    int? AtRisk,
    IReadOnlyList<RegionProgramJson> Programs);

/// <summary>The national result per programme and where it comes from ("recalculation" rows or "computed" now).</summary>
internal sealed record NationalStatusJson(string Source, DateTimeOffset? CalculatedAt, bool UpToDate, IReadOnlyList<NationalProgramJson> Programs);

/// <summary>A programme's national result.</summary>
internal sealed record NationalProgramJson(string Section, string Status, int Regions, int Complying, IReadOnlyList<string> Missing);

/// <summary>A refused or failed upload with its Spanish reasons.</summary>
internal sealed record ProblemJson(
    string SubmissionId,
    string BlobName,
    string File,
    string? Service,
    int? Year,
    RegionJson? Region,
    string Outcome,
    DateTimeOffset UploadedAt,
    DateTimeOffset ProcessedAt,
    string? Uploader,
    IReadOnlyList<string> Reasons);

/// <summary>An e-mail that could not be sent.</summary>
internal sealed record FailedNotificationJson(string Kind, string? Service, int? Year, string? Region, string Recipient, string Subject, int Attempts, DateTimeOffset UpdatedAt, string? Error);
