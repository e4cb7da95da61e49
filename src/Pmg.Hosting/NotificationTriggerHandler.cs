using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Notifications;
using Pmg.Storage;

namespace Pmg.Hosting;

/// <summary>What both hosts do with a message on <c>alerts</c> or <c>receipts</c>, and with one that ends in their poison queue.</summary>
public sealed class NotificationTriggerHandler(INotificationService notifications, StorageNames names, ILogger<NotificationTriggerHandler> logger)
{
    /// <summary>The reason a poisoned digest is recorded with (read in <c>pmg status</c>).</summary>
    public string DigestPoisonReason => "El correo no se pudo enviar en ninguno de los intentos de la cola (maxDequeueCount); el mensaje quedó en " + names.AlertsPoisonQueue + ".";

    /// <summary>The reason a poisoned receipt is recorded with (read in <c>pmg status</c>).</summary>
    public string ReceiptPoisonReason => "El comprobante no se pudo enviar en ninguno de los intentos de la cola (maxDequeueCount); el mensaje quedó en " + names.ReceiptsPoisonQueue + ".";

    /// <summary>
    /// Sends the digest once (the ledger skips a redelivered one). A send failure or an open circuit throws, so the
    /// queue redelivers the message and, after <c>maxDequeueCount</c> attempts, moves it to <c>alerts-poison</c>.
    /// </summary>
    public async Task SendDigestAsync(string message, CancellationToken cancellationToken = default)
    {
        var outcome = await notifications.SendDigestAsync(message, cancellationToken).ConfigureAwait(false);
        Log.NotificationHandled(logger, names.AlertsQueue, outcome.Sent, outcome.AlreadySent, outcome.Unaddressed);
    }

    /// <summary>Sends the receipt to the uploader (or the region's director) once; a send failure throws so the queue retries.</summary>
    public async Task SendReceiptAsync(string message, CancellationToken cancellationToken = default)
    {
        var outcome = await notifications.SendReceiptAsync(message, cancellationToken).ConfigureAwait(false);
        Log.NotificationHandled(logger, names.ReceiptsQueue, outcome.Sent, outcome.AlreadySent, outcome.Unaddressed);
    }

    /// <summary>Records the digest of a poison message as a failed notification, visible in <c>pmg status</c>.</summary>
    public async Task RecordFailedDigestAsync(string message, CancellationToken cancellationToken = default)
    {
        await notifications.RecordFailureAsync(NotificationKind.Digest, message, DigestPoisonReason, cancellationToken).ConfigureAwait(false);
        Log.NotificationPoisoned(logger, names.AlertsQueue);
    }

    /// <summary>Records the receipt of a poison message as a failed notification, visible in <c>pmg status</c>.</summary>
    public async Task RecordFailedReceiptAsync(string message, CancellationToken cancellationToken = default)
    {
        await notifications.RecordFailureAsync(NotificationKind.Receipt, message, ReceiptPoisonReason, cancellationToken).ConfigureAwait(false);
        Log.NotificationPoisoned(logger, names.ReceiptsQueue);
    }
}
