using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Storage;

namespace Pmg.Hosting;

/// <summary>What both hosts do on the recalculation timer.</summary>
public sealed class RecalculationTriggerHandler(
    IPoisonQueueGauge poisonQueues,
    IReconciliationService reconciliation,
    IOptions<ReconciliationOptions> reconciliationOptions,
    IComplianceService compliance,
    ILogger<RecalculationTriggerHandler> logger)
{
    /// <summary>
    /// Logs every poison queue's length (the <c>poison-queue-not-empty</c> alert reads it), ingests every form blob
    /// that has no submission record and is older than <see cref="ReconciliationOptions.GracePeriod"/> (the sweep behind
    /// the blob trigger; younger blobs are the trigger's, which may still be retrying them), then recalculates every configured
    /// service-year (queuing alert digests and writing the report). A storage failure in the last two throws; the
    /// next scheduled run starts over anyway (both are idempotent).
    /// </summary>
    public async Task RecalculateAsync(bool isPastDue, CancellationToken cancellationToken = default)
    {
        Log.RecalculationStarted(logger, isPastDue);
        await MeasurePoisonQueuesAsync(cancellationToken).ConfigureAwait(false);
        var swept = await reconciliation.SweepAsync(null, null, reconciliationOptions.Value.GracePeriod, cancellationToken).ConfigureAwait(false);
        var summary = await compliance.RecalculateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Log.RecalculationFinished(logger, swept.Ingested.Count, summary.Results.Count, summary.Results.Sum(r => AtRiskDetector.CountActivities(r.AtRisk)), summary.Results.Sum(r => r.DigestsQueued));
    }

    // Measuring must never stop the recalculation: a storage failure here is logged and the run goes on.
    private async Task MeasurePoisonQueuesAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var queue in await poisonQueues.MeasureAsync(cancellationToken).ConfigureAwait(false))
            {
                Log.PoisonQueueLength(logger, queue.Length > 0 ? LogLevel.Warning : LogLevel.Information, queue.Queue, queue.Length);
            }
        }
        catch (RequestFailedException exception)
        {
            Log.PoisonQueuesUnmeasured(logger, exception);
        }
    }
}
