using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Compliance;

/// <summary>
/// Recalculates compliance from the tables (the source of truth): every current submission is rebuilt from its
/// stored rows and re-scored, so a rules fix re-scores everything. Results are written only while the region's
/// pointer still names the scored submission, and the national rows with ETag checks, so a concurrent ingestion
/// is never overwritten by stale data; a service-year whose pointers moved meanwhile is recomputed.
/// </summary>
internal sealed class ComplianceService(
    ICurrentSubmissionStore pointers,
    ISubmissionContentStore content,
    IRegionalResultStore regionalResults,
    INationalResultStore nationalResults,
    IAlertLedger ledger,
    IAlertQueue alerts,
    IContactDirectory contacts,
    IReportStore reports,
    IReportWriter writer,
    IOptions<PmgOptions> options,
    TimeProvider time,
    ILogger<ComplianceService> logger) : IComplianceService
{
    private const int MaxAttempts = 5;

    public async Task<RecalculationSummary> RecalculateAsync(string? service = null, int? year = null, IProgress<RecalculationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var all = await pointers.ListAsync(service, year, cancellationToken).ConfigureAwait(false);
        var results = new List<ServiceYearResult>();
        foreach (var group in all.GroupBy(p => (p.Service, p.Year)).OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            results.Add(await RecalculateServiceYearAsync(group.Key.Service, group.Key.Year, [.. group], progress, cancellationToken).ConfigureAwait(false));
        }

        return new RecalculationSummary(results);
    }

    private async Task<ServiceYearResult> RecalculateServiceYearAsync(
        string service, int year, List<CurrentSubmission> current, IProgress<RecalculationProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var closingPassed = settings.ClosingDatePassed(year, time);
        var expected = settings.ExpectedRegionsIn(year);
        var cache = new Dictionary<string, SubmissionEvaluation>(StringComparer.Ordinal);

        for (var attempt = 1; ; attempt++)
        {
            var scores = new List<RegionalScore>();
            foreach (var pointer in current.OrderBy(p => p.RegionCode, StringComparer.Ordinal))
            {
                scores.Add(await ScoreRegionAsync(pointer, closingPassed, cache, cancellationToken).ConfigureAwait(false));
                progress?.Report(new RecalculationProgress(service, year, scores.Count, current.Count));
            }

            var statuses = scores
                .Where(s => s.Evaluation.Submission.Region is not null)
                .SelectMany(s => s.Evaluation.Programs.Select(p => new RegionalStatus(s.Evaluation.Submission.Region!, p.Section, p.Status)))
                .ToList();
            var submitted = scores.Select(s => s.Evaluation.Submission.Region).OfType<Region>().ToList();
            var national = NationalCompliance.Evaluate(statuses, submitted, expected, closingPassed).ToList();

            // The national rows stand for exactly these submissions: if any pointer moved meanwhile, start again.
            var latest = await pointers.ListAsync(service, year, cancellationToken).ConfigureAwait(false);
            var basis = Basis(scores.Select(s => s.Pointer));
            if (Basis(latest) != basis || !await SaveNationalAsync(service, year, national, basis, now, cancellationToken).ConfigureAwait(false))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new InvalidOperationException($"The submissions of {service} {year} kept changing during recalculation; the next run retries.");
                }

                logger.RecalculationRaced(service, year, attempt);
                current = [.. latest];
                continue;
            }

            var atRisk = new List<AtRiskActivity>();
            var regions = new List<RegionAlerts>();
            foreach (var score in scores.Where(s => s.Evaluation.Submission.Region is not null))
            {
                var region = score.Evaluation.Submission.Region!;
                atRisk.AddRange(score.AtRisk);
                var entries = await ledger.GetAsync(service, year, region.Code, cancellationToken).ConfigureAwait(false);
                regions.Add(AlertPlanner.Due(region, score.AtRisk, score.Evaluation.Programs, entries, now, settings.ReminderInterval));
            }

            var book = new ContactBook(await contacts.GetAsync(service, cancellationToken).ConfigureAwait(false));
            var digests = await AlertAsync(service, year, regions, book, cancellationToken).ConfigureAwait(false);
            var reportName = await WriteReportAsync(service, year, scores, national, atRisk, book, now, cancellationToken).ConfigureAwait(false);
            logger.Recalculated(service, year, scores.Count, AtRiskDetector.CountActivities(atRisk), atRisk.Count, digests, attempt);
            return new ServiceYearResult(service, year, scores, national, atRisk, digests, reportName, attempt);
        }
    }

    /// <summary>Scores the pointer's submission and writes its results while the pointer still names it; follows the pointer when it moved.</summary>
    private async Task<RegionalScore> ScoreRegionAsync(CurrentSubmission pointer, bool closingPassed, Dictionary<string, SubmissionEvaluation> cache, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!cache.TryGetValue(pointer.SubmissionId, out var evaluation))
            {
                var submission = await content.LoadAsync(pointer, cancellationToken).ConfigureAwait(false);
                evaluation = FormRules.Evaluate(submission);
                cache[pointer.SubmissionId] = evaluation;
            }

            var now = await pointers.GetAsync(pointer.Service, pointer.Year, pointer.RegionCode, cancellationToken).ConfigureAwait(false);
            if (now is not null && (now.SubmissionId != pointer.SubmissionId || now.ETag != pointer.ETag) && attempt < MaxAttempts)
            {
                // An ingestion switched the region meanwhile: score the submission it points at now instead.
                logger.PointerMoved(pointer.Service, pointer.Year, pointer.RegionCode, pointer.SubmissionId, now.SubmissionId);
                pointer = now;
                continue;
            }

            var atRisk = AtRiskDetector.Find(evaluation, closingPassed);
            await regionalResults.SaveAsync(pointer, evaluation.Programs, AtRiskDetector.CountActivities(atRisk), filing: null, cancellationToken).ConfigureAwait(false);
            return new RegionalScore(pointer, evaluation, atRisk);
        }
    }

    private async Task<bool> SaveNationalAsync(string service, int year, List<NationalResult> national, string basis, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = (await nationalResults.ListAsync(service, year, cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Section, StringComparer.Ordinal);
        foreach (var result in national)
        {
            var row = new StoredNationalResult(
                service,
                year,
                result.Section.Code(),
                result.Status.Label(),
                result.Regions,
                result.Complying,
                string.Join(",", result.Missing.Select(r => r.Code).Order(StringComparer.Ordinal)),
                basis,
                now);
            if (stored.TryGetValue(row.Section, out var existing))
            {
                if (existing.SameAs(row))
                {
                    continue; // unchanged: a re-run leaves the table as it was
                }

                row = row with { ETag = existing.ETag };
            }

            if (!await nationalResults.TrySaveAsync(row, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<int> AlertAsync(string service, int year, List<RegionAlerts> regions, ContactBook book, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var digests = AlertPlanner.Digests(service, year, regions, book, settings.ClosingDateFor(year), settings.Today(time), time.GetUtcNow());
        foreach (var unknown in digests.SelectMany(d => d.Regions).Where(r => r.Items.Count > 0).SelectMany(r => r.UnknownUnits.Select(u => (r.Region.Code, Unit: u))).Distinct())
        {
            logger.UnitUnknown(service, unknown.Code, unknown.Unit);
        }

        // Queue first, then record: a crash in between re-sends the same digest ids, which the notifier de-duplicates.
        foreach (var digest in digests)
        {
            await alerts.EnqueueAsync(digest, cancellationToken).ConfigureAwait(false);
        }

        foreach (var region in regions.Where(r => r.Ledger.Count > 0))
        {
            await ledger.SaveAsync(service, year, region.Region.Code, region.Ledger, cancellationToken).ConfigureAwait(false);
        }

        return digests.Count;
    }

    private async Task<string> WriteReportAsync(
        string service, int year, List<RegionalScore> scores, List<NationalResult> national, List<AtRiskActivity> atRisk, ContactBook book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var report = ComplianceReport.Build(service, year, scores, national, atRisk, book, TimeZoneInfo.ConvertTime(now, options.Value.Zone()));
        using var buffer = new MemoryStream();
        writer.Write(buffer, report);
        var content = buffer.ToArray();
        var folder = string.Create(CultureInfo.InvariantCulture, $"{service}/{year}/");
        var name = folder + "cumplimiento-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".xlsx";
        await reports.SaveAsync(name, content, cancellationToken).ConfigureAwait(false);
        await reports.SaveAsync(folder + "latest.xlsx", content, cancellationToken).ConfigureAwait(false);
        return name;
    }

    private static string Basis(IEnumerable<CurrentSubmission> pointers) =>
        string.Join(",", pointers.Select(p => p.RegionCode + "=" + p.SubmissionId).Order(StringComparer.Ordinal));
}
