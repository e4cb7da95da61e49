using Microsoft.Extensions.Logging;

namespace Pmg.LocalHost;

/// <summary>Log messages of the recalculation timer (part of the host's one <c>Log</c> class).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 130, EventName = "RecalculationStarted", Level = LogLevel.Information, Message = "Compliance recalculation started (past due: {IsPastDue})")]
    public static partial void RecalculationStarted(ILogger logger, bool isPastDue);

    [LoggerMessage(EventId = 131, EventName = "RecalculationFinished", Level = LogLevel.Information,
        Message = "Compliance recalculation finished: {ServiceYears} service-years, {AtRisk} activities at risk, {Digests} digests queued")]
    public static partial void RecalculationFinished(ILogger logger, int serviceYears, int atRisk, int digests);
}
