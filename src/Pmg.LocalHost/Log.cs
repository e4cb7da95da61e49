using Microsoft.Extensions.Logging;

namespace Pmg.LocalHost;

/// <summary>Source-generated log messages of the local host's own services (event ids 4000–4099; docs/event-ids.md).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "SweepFailed", Level = LogLevel.Warning,
        Message = "The reconciliation sweep failed (storage unreachable?); next attempt in {Delay}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 4001, EventName = "ListenerFailed", Level = LogLevel.Error,
        Message = "A trigger listener failed ({ExceptionType}); restarting the job host once storage answers")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, string exceptionType);

    [LoggerMessage(EventId = 4002, EventName = "HostRestarting", Level = LogLevel.Warning,
        Message = "The job host stopped after a failure; starting it again in {Delay} (attempt {Attempt})")]
    public static partial void HostRestarting(ILogger logger, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 4003, EventName = "HostStartFailed", Level = LogLevel.Warning,
        Message = "The job host could not start ({ExceptionType}: {Reason})")]
    public static partial void HostStartFailed(ILogger logger, string exceptionType, string reason);
}
