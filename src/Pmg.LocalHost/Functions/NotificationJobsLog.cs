using Microsoft.Extensions.Logging;

namespace Pmg.LocalHost;

/// <summary>Log messages of the notification jobs (part of the host's one <c>Log</c> class).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 140, EventName = "NotificationHandled", Level = LogLevel.Information,
        Message = "Message on {Queue} handled: {Sent} e-mails sent, {AlreadySent} already sent, {Unaddressed} without recipient")]
    public static partial void NotificationHandled(ILogger logger, string queue, int sent, int alreadySent, int unaddressed);

    [LoggerMessage(EventId = 141, EventName = "NotificationPoisoned", Level = LogLevel.Error,
        Message = "A message from {Queue} failed on every delivery; recorded as a failed notification")]
    public static partial void NotificationPoisoned(ILogger logger, string queue);
}
