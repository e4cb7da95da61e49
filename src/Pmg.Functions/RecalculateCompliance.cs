using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;
using Pmg.Pipeline;

namespace Pmg.Functions;

/// <summary>Recalculates regional and national compliance, queues alert digests and writes the report, on a schedule.</summary>
public sealed class RecalculateCompliance(RecalculationTriggerHandler handler)
{
    /// <summary>
    /// Runs on <c>Pmg:RecalculationSchedule</c> (NCRONTAB, default hourly "0 0 * * * *" in the settings). A storage
    /// failure throws: the run is retried after a fixed delay, and the next scheduled run starts over anyway
    /// (a recalculation is idempotent).
    /// </summary>
    [Function(FunctionNames.RecalculateCompliance)]
    [FixedDelayRetry(RecalculationRetry.MaxRetryCount, RecalculationRetry.Delay)]
    public Task RunAsync([TimerTrigger(PmgOptions.RecalculationScheduleBinding)] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RecalculateAsync(timer?.IsPastDue ?? throw new ArgumentNullException(nameof(timer)), cancellationToken);
}
