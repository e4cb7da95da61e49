using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline;

/// <summary>Log messages of the notification service (same Log class as the rest of the pipeline).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, EventName = "NotificationSent", Level = LogLevel.Information,
        Message = "Notification {NotificationId} ({Kind}) sent: {Subject} to {Recipient}")]
    public static partial void NotificationSent(this ILogger logger, string notificationId, NotificationKind kind, string subject, string recipient);

    [LoggerMessage(EventId = 1101, EventName = "NotificationAlreadySent", Level = LogLevel.Information,
        Message = "Notification {NotificationId} was already sent; redelivery skipped ({Subject})")]
    public static partial void AlreadySent(this ILogger logger, string notificationId, string subject);

    [LoggerMessage(EventId = 1102, EventName = "NotificationSendFailed", Level = LogLevel.Warning,
        Message = "Notification {NotificationId} could not be sent (attempt {Attempt}): {Subject}")]
    public static partial void SendFailed(this ILogger logger, Exception exception, string notificationId, string subject, int attempt);

    [LoggerMessage(EventId = 1103, EventName = "NotificationFailed", Level = LogLevel.Error,
        Message = "Notification {NotificationId} ({Kind}) recorded as failed: {Subject}; {Reason}")]
    public static partial void NotificationFailed(this ILogger logger, string notificationId, NotificationKind kind, string subject, string reason);

    [LoggerMessage(EventId = 1104, EventName = "NotificationNoRecipient", Level = LogLevel.Error,
        Message = "Notification {NotificationId} has no recipient in the address book: {Subject}")]
    public static partial void NoRecipient(this ILogger logger, string notificationId, string subject);

    [LoggerMessage(EventId = 1105, EventName = "NotificationUnitUnknown", Level = LogLevel.Warning,
        Message = "Unit {Unit} of {Service} {Region} is not in the address book; its digest goes to the regional director")]
    public static partial void UnitUnknown(this ILogger logger, string service, string region, string unit);

    [LoggerMessage(EventId = 1106, EventName = "NotificationMessageUnreadable", Level = LogLevel.Error,
        Message = "A {Kind} queue message could not be read; recorded as failed notification {NotificationId}")]
    public static partial void MessageUnreadable(this ILogger logger, NotificationKind kind, string notificationId);
}
