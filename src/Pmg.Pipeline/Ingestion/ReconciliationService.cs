using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pmg.Pipeline.Ingestion;

/// <summary>
/// Ingests what <see cref="UnprocessedFormFinder"/> finds, through the ingestion service the triggers use. A blob being ingested by its
/// trigger at the same moment is safe to ingest again: the ledger's insert conflicts and the second delivery either
/// finds the record completed or finishes the same idempotent steps.
/// </summary>
internal sealed class ReconciliationService(
    UnprocessedFormFinder finder,
    IFormStore forms,
    IIngestionService ingestion,
    IOptions<PmgOptions> options,
    ILogger<ReconciliationService> logger) : IReconciliationService
{
    public Task<IReadOnlyList<UnprocessedForm>> FindUnprocessedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        finder.FindAsync(service, year, cancellationToken);

    public async Task<ReconciliationResult> SweepAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default)
    {
        if (options.Value.KnownServices.Count == 0)
        {
            // Without Pmg:Services every form would be refused as of an unknown service: ingest nothing rather than that.
            logger.ReconciliationSkipped();
            return new ReconciliationResult(0, []);
        }

        var unprocessed = await finder.FindAsync(service, year, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<IngestionOutcome>();
        foreach (var form in unprocessed)
        {
            var incoming = await forms.OpenAsync(form.Blob.Name, cancellationToken).ConfigureAwait(false);
            if (incoming is null)
            {
                continue; // deleted since the listing: nothing to ingest
            }

            await using (incoming.Content.ConfigureAwait(false))
            {
                var outcome = await ingestion.IngestAsync(incoming, cancellationToken).ConfigureAwait(false);
                logger.Reconciled(form.Blob.Name, outcome.Status, outcome.SubmissionId);
                outcomes.Add(outcome);
            }
        }

        logger.ReconciliationFinished(service ?? "*", year?.ToString(CultureInfo.InvariantCulture) ?? "*", unprocessed.Count, outcomes.Count);
        return new ReconciliationResult(unprocessed.Count, outcomes);
    }
}
