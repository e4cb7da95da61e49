using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Recalculation;

namespace Pmg.Functions;

/// <summary>Recalculates regional and national compliance, queues alert digests and writes the report, on a schedule.</summary>
public sealed class RecalculateCompliance(IComplianceService compliance, ILogger<RecalculateCompliance> logger)
{
    /// <summary>
    /// Runs on <c>Pmg:RecalculationSchedule</c> (NCRONTAB, default hourly "0 0 * * * *" in the settings). A storage
    /// failure throws: the run is retried after a fixed delay, and the next scheduled run starts over anyway
    /// (a recalculation is idempotent).
    /// </summary>
    [Function(nameof(RecalculateCompliance))]
    [FixedDelayRetry(3, "00:01:00")]
    public async Task RunAsync([TimerTrigger("%Pmg:RecalculationSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Log.RecalculationStarted(logger, timer.IsPastDue);
        var summary = await compliance.RecalculateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Log.RecalculationFinished(logger, summary.Results.Count, summary.Results.Sum(r => r.AtRisk.Count), summary.Results.Sum(r => r.DigestsQueued));
    }
}

/// <summary>Log messages of the recalculation timer (part of the app's one <c>Log</c> class).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 130, EventName = "RecalculationStarted", Level = LogLevel.Information, Message = "Compliance recalculation started (past due: {IsPastDue})")]
    public static partial void RecalculationStarted(ILogger logger, bool isPastDue);

    [LoggerMessage(EventId = 131, EventName = "RecalculationFinished", Level = LogLevel.Information,
        Message = "Compliance recalculation finished: {ServiceYears} service-years, {AtRisk} activities at risk, {Digests} digests queued")]
    public static partial void RecalculationFinished(ILogger logger, int serviceYears, int atRisk, int digests);
}
