using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pmg.Pipeline.Ingestion;

/// <summary>
/// Ingests what <see cref="UnprocessedFormFinder"/> finds, through the ingestion service the triggers use. A blob being
/// ingested by its trigger at the same moment is safe to ingest again (the ledger's insert conflicts and the second
/// delivery either finds the record completed or finishes the same idempotent steps), but it is work done twice and,
/// while the trigger is still retrying a form that fails, one reading more than the poison threshold allows. A failing
/// delivery leaves no ledger row to tell "being retried" from "missed", so the background sweeps tell them apart by age:
/// they pass a minimum age (<see cref="ReconciliationOptions.GracePeriod"/>) and leave younger blobs to their trigger.
/// </summary>
internal sealed class ReconciliationService(
    UnprocessedFormFinder finder,
    IFormStore forms,
    IIngestionService ingestion,
    IOptions<PmgOptions> options,
    TimeProvider time,
    ILogger<ReconciliationService> logger) : IReconciliationService
{
    public Task<IReadOnlyList<UnprocessedForm>> FindUnprocessedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        finder.FindAsync(service, year, cancellationToken);

    public Task<ReconciliationResult> SweepAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        SweepAsync(service, year, TimeSpan.Zero, cancellationToken);

    public async Task<ReconciliationResult> SweepAsync(string? service, int? year, TimeSpan minimumAge, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumAge, TimeSpan.Zero);
        if (options.Value.KnownServices.Count == 0)
        {
            // Without Pmg:Services every form would be refused as of an unknown service: ingest nothing rather than that.
            logger.ReconciliationSkipped();
            return new ReconciliationResult(0, []);
        }

        var unprocessed = await finder.FindAsync(service, year, cancellationToken).ConfigureAwait(false);

        // Written at or before the cutoff: old enough that the trigger has had its chance. One clock reading for the
        // whole sweep: each blob is judged by its age when the sweep began.
        var cutoff = time.GetUtcNow() - minimumAge;
        var due = unprocessed.Where(form => form.Blob.LastModified <= cutoff).ToList();
        var leftToTrigger = unprocessed.Count - due.Count;
        var outcomes = new List<IngestionOutcome>();
        foreach (var form in due)
        {
            var incoming = await forms.OpenAsync(form.Blob.Name, cancellationToken).ConfigureAwait(false);
            if (incoming is null)
            {
                continue; // deleted since the listing: nothing to ingest
            }

            await using (incoming.Content.ConfigureAwait(false))
            {
                if (incoming.UploadedAt > cutoff)
                {
                    leftToTrigger++; // overwritten since the listing: the version opened is young, so its trigger's too
                    continue;
                }

                var outcome = await ingestion.IngestAsync(incoming, cancellationToken).ConfigureAwait(false);
                logger.Reconciled(form.Blob.Name, outcome.Status, outcome.SubmissionId);
                outcomes.Add(outcome);
            }
        }

        logger.ReconciliationFinished(service ?? "*", year?.ToString(CultureInfo.InvariantCulture) ?? "*", unprocessed.Count, outcomes.Count, leftToTrigger, minimumAge);
        return new ReconciliationResult(unprocessed.Count, outcomes) { LeftToTrigger = leftToTrigger };
    }
}
