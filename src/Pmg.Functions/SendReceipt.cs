using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Notifications;

namespace Pmg.Functions;

/// <summary>E-mails the receipt of each upload queued on <c>receipts</c>; records the ones that end in <c>receipts-poison</c>.</summary>
public sealed class SendReceipt(INotificationService notifications, ILogger<SendReceipt> logger)
{
    /// <summary>The reason a poisoned receipt is recorded with (read in <c>pmg status</c>).</summary>
    public const string PoisonReason = "El comprobante no se pudo enviar en ninguno de los intentos de la cola (maxDequeueCount); el mensaje quedó en receipts-poison.";

    /// <summary>Sends the receipt to the uploader (or the region's director) once; a send failure throws so the queue retries.</summary>
    [Function(nameof(SendReceipt))]
    public async Task RunAsync([QueueTrigger("receipts", Connection = "PmgStorage")] string message, CancellationToken cancellationToken)
    {
        var outcome = await notifications.SendReceiptAsync(message, cancellationToken).ConfigureAwait(false);
        Log.NotificationHandled(logger, "receipts", outcome.Sent, outcome.AlreadySent, outcome.Unaddressed);
    }

    /// <summary>Records the receipt of a poison message as a failed notification, visible in <c>pmg status</c>.</summary>
    [Function("RecordFailedReceipt")]
    public async Task RecordFailureAsync([QueueTrigger("receipts-poison", Connection = "PmgStorage")] string message, CancellationToken cancellationToken)
    {
        await notifications.RecordFailureAsync(NotificationKind.Receipt, message, PoisonReason, cancellationToken).ConfigureAwait(false);
        Log.NotificationPoisoned(logger, "receipts");
    }
}
