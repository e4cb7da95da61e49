using Microsoft.Azure.WebJobs;
using Pmg.Hosting;
using Pmg.Pipeline;

namespace Pmg.LocalHost.Functions;

/// <summary>Recalculates compliance on the WebJobs SDK timer, as the Functions app does.</summary>
public sealed class RecalculateComplianceJob(RecalculationTriggerHandler handler)
{
    /// <summary>
    /// Runs on <c>Pmg:RecalculationSchedule</c> (default hourly); a failure is retried after a fixed delay, as in the
    /// Functions app, and the next scheduled run starts over anyway (a recalculation is idempotent).
    /// </summary>
    [FunctionName(FunctionNames.RecalculateCompliance)]
    [FixedDelayRetry(RecalculationRetry.MaxRetryCount, RecalculationRetry.Delay)]
    public Task RunAsync([TimerTrigger(PmgOptions.RecalculationScheduleBinding)] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RecalculateAsync(timer?.IsPastDue ?? throw new ArgumentNullException(nameof(timer)), cancellationToken);
}
