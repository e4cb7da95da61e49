using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Notifications;

namespace Pmg.LocalHost.Functions;

/// <summary>E-mails the receipt of each upload queued on <c>receipts</c>; records poisoned ones.</summary>
public sealed class SendReceiptJob(INotificationService notifications, ILogger<SendReceiptJob> logger)
{
    /// <summary>The reason a poisoned receipt is recorded with.</summary>
    public const string PoisonReason = "El comprobante no se pudo enviar en ninguno de los intentos de la cola (maxDequeueCount); el mensaje quedó en receipts-poison.";

    /// <summary>Sends the receipt once; a failure throws so the SDK redelivers and, at maxDequeueCount, poisons it.</summary>
    [FunctionName("SendReceipt")]
    public async Task RunAsync([QueueTrigger("receipts", Connection = "PmgStorage")] string message, CancellationToken cancellationToken)
    {
        var outcome = await notifications.SendReceiptAsync(message, cancellationToken).ConfigureAwait(false);
        Log.NotificationHandled(logger, "receipts", outcome.Sent, outcome.AlreadySent, outcome.Unaddressed);
    }

    /// <summary>Records the receipt of a poison message as a failed notification.</summary>
    [FunctionName("RecordFailedReceipt")]
    public async Task RecordFailureAsync([QueueTrigger("receipts-poison", Connection = "PmgStorage")] string message, CancellationToken cancellationToken)
    {
        await notifications.RecordFailureAsync(NotificationKind.Receipt, message, PoisonReason, cancellationToken).ConfigureAwait(false);
        Log.NotificationPoisoned(logger, "receipts");
    }
}
