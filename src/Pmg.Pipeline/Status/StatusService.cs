using Microsoft.Extensions.Options;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Status;

/// <summary>
/// Reads the status from what ingestion and the recalculation stored: the current pointers (one query), then per
/// service-year its regional results and national rows (one query each), the refused and failed uploads and the
/// failed e-mails (one query each), and the blobs with no submission record (the reconciliation's listing). A region's results name their submission, so history rows are skipped.
/// </summary>
internal sealed class StatusService(
    ICurrentSubmissionStore pointers,
    IRegionalResultStore regionalResults,
    INationalResultStore nationalResults,
    ISubmissionLedger ledger,
    INotificationLedger notifications,
    UnprocessedFormFinder unprocessedForms,
    IOptions<PmgOptions> options,
    TimeProvider time) : IStatusService
{
    private const string Accepted = "accepted";

    public async Task<StatusReport> GetAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;

        // Keys hold the service as configured ("SERNAM"). Without Pmg:Services the casing typed is unknown: read the
        // year (or everything) and match the service case-insensitively here.
        var configured = service is null ? null : settings.FindService(service);
        var queryService = configured ?? (settings.KnownServices.Count > 0 ? service : null);
        bool Wanted(string? recorded) => service is null || string.Equals(recorded, service, StringComparison.OrdinalIgnoreCase);

        var current = (await pointers.ListAsync(queryService, year, cancellationToken).ConfigureAwait(false)).Where(p => Wanted(p.Service)).ToList();
        var serviceYears = new List<ServiceYearStatus>();
        foreach (var group in current
            .GroupBy(p => (p.Service, p.Year))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            serviceYears.Add(await ServiceYearAsync(group.Key.Service, group.Key.Year, [.. group.OrderBy(p => p.RegionCode, StringComparer.Ordinal)], settings, cancellationToken).ConfigureAwait(false));
        }

        var problems = (await ledger.ListProblemsAsync(queryService, year, cancellationToken).ConfigureAwait(false))
            .Where(r => Wanted(r.Service))
            .Select(Problem)
            .ToList();
        var failed = (await notifications.GetFailedAsync(queryService, year, cancellationToken).ConfigureAwait(false))
            .Where(n => Wanted(n.Service))
            .Select(n => new FailedNotification(
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
        var now = time.GetUtcNow();
        var unprocessed = (await unprocessedForms.FindAsync(service, year, cancellationToken).ConfigureAwait(false))
            .Select(u => new UnprocessedUpload(
                u.Blob.Name,
                u.Blob.Name[(u.Blob.Name.LastIndexOf('/') + 1)..],
                u.Service,
                u.Year,
                u.RegionCode is { } code ? Region(code) : null,
                u.Blob.LastModified,
                Math.Max(0, (long)(now - u.Blob.LastModified).TotalSeconds)))
            .ToList();
        return new StatusReport(serviceYears, problems, failed) { Unprocessed = unprocessed };
    }

    private async Task<ServiceYearStatus> ServiceYearAsync(string service, int year, List<CurrentSubmission> current, PmgOptions settings, CancellationToken cancellationToken)
    {
        var results = (await regionalResults.ListAsync(service, year, cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => (r.RegionCode, r.SubmissionId));
        var regions = new List<RegionStatus>();
        var counted = new List<CurrentSubmission>();
        foreach (var pointer in current)
        {
            results.TryGetValue((pointer.RegionCode, pointer.SubmissionId), out var stored);
            if (await RegionAsync(pointer, stored, cancellationToken).ConfigureAwait(false) is { } region)
            {
                regions.Add(region);
                counted.Add(pointer);
            }
        }

        var national = await NationalAsync(service, year, regions, counted, settings, cancellationToken).ConfigureAwait(false);
        return new ServiceYearStatus(service, year, regions, national);
    }

    /// <summary>The region from its version's stored results; from the ledger for a version stored before results carried its filing.</summary>
    private async Task<RegionStatus?> RegionAsync(CurrentSubmission pointer, StoredRegionalResults? stored, CancellationToken cancellationToken)
    {
        var filing = stored?.Filing;
        var programs = stored?.Programs ?? [];
        if (filing is null)
        {
            var record = await ledger.FindAsync(SubmissionKeys.Partition(pointer.Service, pointer.Year), pointer.SubmissionId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return null;
            }

            filing = new SubmissionFiling(record.Uploader, record.ErrorCount, record.WarningCount);
            programs = programs.Count > 0 ? programs : record.Programs;
        }

        return new RegionStatus(
            Region(pointer.RegionCode) ?? new RegionRef(pointer.RegionCode, pointer.RegionCode),
            pointer.BlobName[(pointer.BlobName.LastIndexOf('/') + 1)..],
            pointer.BlobName,
            pointer.SubmissionId,
            pointer.UploadedAt,
            filing.Uploader,
            Accepted,
            filing.Errors,
            filing.Warnings,
            stored?.AtRiskActivities,
            programs
                .OrderBy(p => p.Section, StringComparer.Ordinal)
                .Select(p => new RegionProgramStatus(p.Section, ContractNumbers.TwoDecimals(p.Performance), p.Status))
                .ToList());
    }

    /// <summary>
    /// The recalculation's stored rows when it has written them (out of date when the current submissions changed
    /// since), else computed now from the regions' current statuses, exactly as the recalculation would.
    /// </summary>
    private async Task<NationalStatus> NationalAsync(
        string service, int year, List<RegionStatus> regions, List<CurrentSubmission> current, PmgOptions settings, CancellationToken cancellationToken)
    {
        var stored = await nationalResults.ListAsync(service, year, cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            var basis = string.Join(',', current.Select(p => p.RegionCode + "=" + p.SubmissionId).Order(StringComparer.Ordinal));
            return new NationalStatus(
                NationalSources.Recalculation,
                stored.Max(s => s.CalculatedAt),
                stored.All(s => s.Basis == basis),
                stored.OrderBy(s => s.Section, StringComparer.Ordinal)
                    .Select(s => new NationalProgramStatus(s.Section, s.Status, s.Regions, s.Complying, s.Missing.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                    .ToList());
        }

        var statuses = new List<RegionalStatus>();
        foreach (var region in regions)
        {
            if (RegionCatalog.FindByCode(region.Region.Code) is not { } known)
            {
                continue;
            }

            foreach (var program in region.Programs)
            {
                if (SectionExtensions.TryParseCode(program.Section, out var section))
                {
                    statuses.Add(new RegionalStatus(known, section, ProgramStatusExtensions.ParseLabel(program.Status)));
                }
            }
        }

        var submitted = regions.Select(r => RegionCatalog.FindByCode(r.Region.Code)).OfType<Region>().ToList();
        var programs = NationalCompliance.Evaluate(statuses, submitted, settings.ExpectedRegionsIn(year), settings.ClosingDatePassed(year, time))
            .Select(n => new NationalProgramStatus(n.Section.Code(), n.Status.Label(), n.Regions, n.Complying, n.Missing.Select(m => m.Code).ToList()))
            .ToList();
        return new NationalStatus(NationalSources.Computed, null, true, programs);
    }

    private static UploadProblem Problem(SubmissionRecord record) => new(
        record.Id,
        record.BlobName,
        record.FileName,
        record.Service,
        record.Year,
        record.RegionCode is { } code ? Region(code) : null,
        record.Outcome == IngestionStatus.Failed ? "failed" : "refused",
        record.UploadedAt,
        record.ProcessedAt,
        record.Uploader,
        record.Reasons);

    private static RegionRef? Region(string code) => RegionCatalog.FindByCode(code) is { } region ? new RegionRef(region.Code, region.Name) : null;
}
