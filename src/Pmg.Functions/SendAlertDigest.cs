using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Notifications;

namespace Pmg.Functions;

/// <summary>E-mails each digest of activities at risk queued on <c>alerts</c>; records the ones that end in <c>alerts-poison</c>.</summary>
public sealed class SendAlertDigest(INotificationService notifications, ILogger<SendAlertDigest> logger)
{
    /// <summary>The reason a poisoned digest is recorded with (read in <c>pmg status</c>).</summary>
    public const string PoisonReason = "El correo no se pudo enviar en ninguno de los intentos de la cola (maxDequeueCount); el mensaje quedó en alerts-poison.";

    /// <summary>
    /// Sends the digest once (the ledger skips a redelivered one). A send failure or an open circuit throws, so the
    /// queue redelivers the message and, after <c>maxDequeueCount</c> attempts, moves it to <c>alerts-poison</c>.
    /// </summary>
    [Function(nameof(SendAlertDigest))]
    public async Task RunAsync([QueueTrigger("alerts", Connection = "PmgStorage")] string message, CancellationToken cancellationToken)
    {
        var outcome = await notifications.SendDigestAsync(message, cancellationToken).ConfigureAwait(false);
        Log.NotificationHandled(logger, "alerts", outcome.Sent, outcome.AlreadySent, outcome.Unaddressed);
    }

    /// <summary>Records the digest of a poison message as a failed notification, visible in <c>pmg status</c>.</summary>
    [Function("RecordFailedAlertDigest")]
    public async Task RecordFailureAsync([QueueTrigger("alerts-poison", Connection = "PmgStorage")] string message, CancellationToken cancellationToken)
    {
        await notifications.RecordFailureAsync(NotificationKind.Digest, message, PoisonReason, cancellationToken).ConfigureAwait(false);
        Log.NotificationPoisoned(logger, "alerts");
    }
}

/// <summary>Log messages of the notification functions (part of the app's one <c>Log</c> class).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 140, EventName = "NotificationHandled", Level = LogLevel.Information,
        Message = "Message on {Queue} handled: {Sent} e-mails sent, {AlreadySent} already sent, {Unaddressed} without recipient")]
    public static partial void NotificationHandled(ILogger logger, string queue, int sent, int alreadySent, int unaddressed);

    [LoggerMessage(EventId = 141, EventName = "NotificationPoisoned", Level = LogLevel.Error,
        Message = "A message from {Queue} failed on every delivery; recorded as a failed notification")]
    public static partial void NotificationPoisoned(ILogger logger, string queue);
}
