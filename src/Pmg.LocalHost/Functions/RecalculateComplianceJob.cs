using Microsoft.Azure.WebJobs;
using Pmg.Hosting;

namespace Pmg.LocalHost.Functions;

/// <summary>Recalculates compliance on the WebJobs SDK timer, as the Functions app does.</summary>
public sealed class RecalculateComplianceJob(RecalculationTriggerHandler handler)
{
    /// <summary>Runs on <c>Pmg:RecalculationSchedule</c> (default hourly); a failure is logged by the SDK and the next run starts over.</summary>
    [FunctionName("RecalculateCompliance")]
    public Task RunAsync([TimerTrigger("%Pmg:RecalculationSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.RecalculateAsync(timer?.IsPastDue ?? throw new ArgumentNullException(nameof(timer)), cancellationToken);
}
