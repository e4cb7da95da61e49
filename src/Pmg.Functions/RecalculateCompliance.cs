using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;

namespace Pmg.Functions;

/// <summary>Recalculates regional and national compliance, queues alert digests and writes the report, on a schedule.</summary>
public sealed class RecalculateCompliance(RecalculationTriggerHandler handler)
{
    /// <summary>
    /// Runs on <c>Pmg:RecalculationSchedule</c> (NCRONTAB, default hourly "0 0 * * * *" in the settings). A storage
    /// failure throws: the run is retried after a fixed delay, and the next scheduled run starts over anyway
    /// (a recalculation is idempotent).
    /// </summary>
    [Function(nameof(RecalculateCompliance))]
    [FixedDelayRetry(3, "00:01:00")]
    public Task RunAsync([TimerTrigger("%Pmg:RecalculationSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RecalculateAsync(timer?.IsPastDue ?? throw new ArgumentNullException(nameof(timer)), cancellationToken);
}
