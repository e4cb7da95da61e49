using Microsoft.Extensions.Logging;

namespace Pmg.Notifications;

/// <summary>Source-generated log messages of the e-mail adapters (event ids 3000–3099; docs/event-ids.md).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, EventName = "SendGridAccepted", Level = LogLevel.Information,
        Message = "SendGrid accepted notification {NotificationId} ({StatusCode})")]
    public static partial void SendGridAccepted(ILogger logger, string notificationId, int statusCode);

    [LoggerMessage(EventId = 3001, EventName = "SendGridRefused", Level = LogLevel.Error,
        Message = "SendGrid refused notification {NotificationId} with {StatusCode}: {Body}")]
    public static partial void SendGridRefused(ILogger logger, string notificationId, int statusCode, string body);

    [LoggerMessage(EventId = 3002, EventName = "PickupWritten", Level = LogLevel.Information,
        Message = "Notification {NotificationId} written to {Path}")]
    public static partial void PickupWritten(ILogger logger, string notificationId, string path);
}
