using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Recalculation;

namespace Pmg.LocalHost.Functions;

/// <summary>Recalculates compliance on the WebJobs SDK timer, as the Functions app does.</summary>
public sealed class RecalculateComplianceJob(IComplianceService compliance, ILogger<RecalculateComplianceJob> logger)
{
    /// <summary>Runs on <c>Pmg:RecalculationSchedule</c> (default hourly); a failure is logged by the SDK and the next run starts over.</summary>
    [FunctionName("RecalculateCompliance")]
    public async Task RunAsync([TimerTrigger("%Pmg:RecalculationSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Log.RecalculationStarted(logger, timer.IsPastDue);
        var summary = await compliance.RecalculateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Log.RecalculationFinished(logger, summary.Results.Count, summary.Results.Sum(r => r.AtRisk.Count), summary.Results.Sum(r => r.DigestsQueued));
    }
}
