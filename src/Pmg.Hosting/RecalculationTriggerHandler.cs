using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Compliance;

namespace Pmg.Hosting;

/// <summary>What both hosts do on the recalculation timer.</summary>
public sealed class RecalculationTriggerHandler(IComplianceService compliance, ILogger<RecalculationTriggerHandler> logger)
{
    /// <summary>
    /// Recalculates every configured service-year (queuing alert digests and writing the report). A storage failure
    /// throws; the next scheduled run starts over anyway (a recalculation is idempotent).
    /// </summary>
    public async Task RecalculateAsync(bool isPastDue, CancellationToken cancellationToken = default)
    {
        Log.RecalculationStarted(logger, isPastDue);
        var summary = await compliance.RecalculateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Log.RecalculationFinished(logger, summary.Results.Count, summary.Results.Sum(r => r.AtRisk.Count), summary.Results.Sum(r => r.DigestsQueued));
    }
}
