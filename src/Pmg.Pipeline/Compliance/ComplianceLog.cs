using Microsoft.Extensions.Logging;

namespace Pmg.Pipeline;

/// <summary>Source-generated log messages of the compliance recalculation (event ids 1100–1199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, EventName = "Recalculated", Level = LogLevel.Information,
        Message = "Recalculated {Service} {Year}: {Regions} regions, {AtRisk} activities at risk, {Digests} digests queued (attempts: {Attempts})")]
    public static partial void Recalculated(this ILogger logger, string service, int year, int regions, int atRisk, int digests, int attempts);

    [LoggerMessage(EventId = 1101, EventName = "RecalculationRaced", Level = LogLevel.Information,
        Message = "Submissions of {Service} {Year} changed during recalculation; recomputing (attempt {Attempt})")]
    public static partial void RecalculationRaced(this ILogger logger, string service, int year, int attempt);

    [LoggerMessage(EventId = 1102, EventName = "PointerMoved", Level = LogLevel.Information,
        Message = "Current submission of {Service} {Year} {Region} moved from {Scored} to {Current} while scoring; scoring the new one")]
    public static partial void PointerMoved(this ILogger logger, string service, int year, string region, string scored, string current);
}
