using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Ingestion;

/// <summary>
/// Ingests one blob version: path → read → score → record. Rows of the new version are written before the
/// region's current pointer switches, so readers never see half a submission; every step is idempotent so a
/// redelivery either finds the completed record (Duplicate) or resumes the unfinished one.
/// </summary>
internal sealed class IngestionService(
    IFormReader reader,
    ISubmissionLedger ledger,
    ISubmissionContentStore content,
    IRegionalResultStore results,
    ICurrentSubmissionStore current,
    IReceiptQueue receipts,
    IBlobTagger tagger,
    IOptions<PmgOptions> options,
    TimeProvider time,
    ILogger<IngestionService> logger) : IIngestionService
{
    private const int MaxPointerAttempts = 10;

    public async Task<IngestionOutcome> IngestAsync(IncomingBlob blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var id = SubmissionKeys.SubmissionId(blob.Name, blob.Version);
        var now = time.GetUtcNow();
        var record = new SubmissionRecord
        {
            Id = id,
            BlobName = blob.Name,
            BlobVersion = blob.Version,
            UploadedAt = blob.UploadedAt ?? now,
            RecordedAt = UploadMetadata.ReadUploadedAt(blob.Metadata),
            ProcessedAt = now,
            Outcome = IngestionStatus.Refused,
            Uploader = Uploader(blob.Metadata),
        };

        var path = BlobPath.TryParse(blob.Name, options.Value, out var pathRefusal, out var service, out var year);
        if (path is null)
        {
            return await RecordAsync(record with { Service = service, Year = year, Diagnostics = [pathRefusal!] }, null, cancellationToken).ConfigureAwait(false);
        }

        record = record with { Service = path.Service, Year = path.Year, RegionCode = path.Region.Code };
        var readOptions = new FormReadOptions { Service = path.Service, Year = path.Year, Region = path.Region.Code };
        var read = await reader.ReadAsync(blob.Content, path.FileName, readOptions, cancellationToken).ConfigureAwait(false);
        if (read.Submission is not { } submission)
        {
            var reasons = read.Diagnostics.Count > 0
                ? read.Diagnostics
                : [Diagnostic.Error(IngestionCodes.NoForm, "El archivo no pudo leerse como formulario.")];
            return await RecordAsync(record with { Diagnostics = reasons }, null, cancellationToken).ConfigureAwait(false);
        }

        var identity = FormIdentity.Check(read, path.Year, path.Region);
        if (identity.Refused)
        {
            return await RecordAsync(record with { Diagnostics = [.. identity.Added, .. read.Diagnostics] }, null, cancellationToken).ConfigureAwait(false);
        }

        var evaluation = FormRules.Evaluate(submission with { Region = submission.Region ?? path.Region });
        record = record with
        {
            Outcome = IngestionStatus.Accepted,
            Diagnostics = [.. read.Diagnostics, .. evaluation.Diagnostics],
            Programs = evaluation.Programs.Select(ProgramSummaries.From).ToArray(),
        };
        return await RecordAsync(record, evaluation, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IngestionOutcome> RecordFailureAsync(string blobName, string version, string reason, CancellationToken cancellationToken = default)
    {
        var id = SubmissionKeys.SubmissionId(blobName, version);
        var now = time.GetUtcNow();
        var path = BlobPath.TryParse(blobName, options.Value, out _, out var service, out var year);
        var partition = SubmissionKeys.Partition(service, year);
        var existing = await ledger.FindAsync(partition, id, cancellationToken).ConfigureAwait(false);
        if (existing is { Completed: true })
        {
            // The blob was fully processed after all (e.g. the poison message was a late duplicate): keep that outcome.
            logger.Duplicate(blobName, version, id);
            return ToOutcome(existing, IngestionStatus.Duplicate, isCurrent: false);
        }

        var failure = Diagnostic.Error(
            IngestionCodes.ProcessingFailed,
            "No se pudo procesar el archivo después de varios intentos; el equipo técnico fue notificado. Detalle: " + reason);
        var record = new SubmissionRecord
        {
            Id = id,
            BlobName = blobName,
            BlobVersion = version,
            Service = service,
            Year = year,
            RegionCode = path?.Region.Code,
            UploadedAt = existing?.UploadedAt ?? now,
            ProcessedAt = now,
            Outcome = IngestionStatus.Failed,
            Diagnostics = [failure],
            Uploader = existing?.Uploader,
            Completed = true,
        };
        await ledger.ReplaceAsync(record, cancellationToken).ConfigureAwait(false);
        await tagger.TagAsync(blobName, version, "failed", cancellationToken).ConfigureAwait(false);
        await receipts.EnqueueAsync(ToReceipt(record), cancellationToken).ConfigureAwait(false);
        logger.Failed(blobName, version, id, reason);
        return ToOutcome(record, IngestionStatus.Failed, isCurrent: false);
    }

    private async Task<IngestionOutcome> RecordAsync(SubmissionRecord record, SubmissionEvaluation? evaluation, CancellationToken cancellationToken)
    {
        var existing = await ledger.TryAddAsync(record, cancellationToken).ConfigureAwait(false);
        if (existing is { Completed: true, Outcome: IngestionStatus.Failed })
        {
            // Processed again after it was recorded as failed (pmg retry, or a late redelivery) and it read this time:
            // the new outcome replaces the failure, then every step runs as for a first delivery.
            logger.Retried(record.BlobName, record.Id, record.Outcome);
            await ledger.ReplaceFailedAsync(existing, record, cancellationToken).ConfigureAwait(false);
            existing = null;
        }

        if (existing is { Completed: true })
        {
            logger.Duplicate(record.BlobName, record.BlobVersion, record.Id);
            return ToOutcome(existing, IngestionStatus.Duplicate, isCurrent: false);
        }

        if (existing is not null)
        {
            // A previous delivery stopped half-way; the stored record (same id, same bytes) is finished now.
            logger.Resumed(record.Id, record.BlobName);
            record = existing;
        }

        var isCurrent = false;
        if (record.Outcome == IngestionStatus.Accepted && evaluation is not null)
        {
            // The version's results carry what a status screen shows of it (filing, counts, activities at risk), so a
            // status reads one row set per service-year instead of re-scoring every region.
            var version = Version(record);
            var atRisk = AtRiskDetector.CountActivities(AtRiskDetector.Find(evaluation, options.Value.ClosingDatePassed(version.Year, time)));
            var filing = new SubmissionFiling(record.Uploader, record.ErrorCount, record.WarningCount);
            await content.SaveAsync(record, evaluation.Submission, cancellationToken).ConfigureAwait(false);
            await results.SaveAsync(version, evaluation.Programs, atRisk, filing, cancellationToken).ConfigureAwait(false);
            isCurrent = await SwitchPointerAsync(version, cancellationToken).ConfigureAwait(false);
        }

        await tagger.TagAsync(record.BlobName, record.BlobVersion, OutcomeName(record.Outcome), cancellationToken).ConfigureAwait(false);
        await receipts.EnqueueAsync(ToReceipt(record), cancellationToken).ConfigureAwait(false);
        await ledger.MarkCompletedAsync(record, cancellationToken).ConfigureAwait(false);

        if (record.Outcome == IngestionStatus.Accepted)
        {
            logger.Accepted(record.BlobName, record.Id, record.Service!, record.Year!.Value, record.RegionCode!, isCurrent, record.WarningCount);
        }
        else
        {
            logger.Refused(record.BlobName, record.Id, string.Join(",", record.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Code)));
        }

        return ToOutcome(record, record.Outcome, isCurrent) with { Programs = evaluation?.Programs ?? [] };
    }

    /// <summary>Points the region at this submission unless a newer upload already is current; retries on concurrent changes.</summary>
    private async Task<bool> SwitchPointerAsync(CurrentSubmission mine, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxPointerAttempts; attempt++)
        {
            var stored = await current.GetAsync(mine.Service, mine.Year, mine.RegionCode, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                if (await current.TryAddAsync(mine, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }
            }
            else if (stored.SubmissionId == mine.SubmissionId)
            {
                return true;
            }
            else if (!mine.IsNewerThan(stored))
            {
                logger.OlderUpload(mine.SubmissionId, mine.RegionCode, stored.SubmissionId);
                return false;
            }
            else if (await current.TryReplaceAsync(mine, stored.ETag!, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            logger.PointerConflict(mine.Service, mine.Year, mine.RegionCode, attempt);
        }

        throw new InvalidOperationException($"The current submission of {mine.Service} {mine.Year} {mine.RegionCode} kept changing; giving up so the trigger retries.");
    }

    // Blob metadata names are case-insensitive in Azure; the dictionary a host passes may not be.
    private static string? Uploader(IReadOnlyDictionary<string, string> metadata) =>
        metadata.FirstOrDefault(m => string.Equals(m.Key, UploadMetadata.Uploader, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } uploader
            && !string.IsNullOrWhiteSpace(uploader)
            ? uploader.Trim()
            : null;

    // An accepted record always has its service, year and region: the path parsed.
    private static CurrentSubmission Version(SubmissionRecord record) =>
        new(record.Service!, record.Year!.Value, record.RegionCode!, record.Id, record.BlobName, record.BlobVersion, record.UploadedAt) { RecordedAt = record.RecordedAt };

    private static string OutcomeName(IngestionStatus status) => SubmissionReceipts.OutcomeName(status);

    private static Receipt ToReceipt(SubmissionRecord record) => SubmissionReceipts.From(record);

    private static IngestionOutcome ToOutcome(SubmissionRecord record, IngestionStatus status, bool isCurrent) =>
        new(status, record.Id, record.BlobName, record.Diagnostics)
        {
            Service = record.Service,
            Year = record.Year,
            RegionCode = record.RegionCode,
            IsCurrent = isCurrent,
        };
}
