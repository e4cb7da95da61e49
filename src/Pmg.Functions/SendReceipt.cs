using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;

namespace Pmg.Functions;

/// <summary>E-mails the receipt of each upload queued on <c>receipts</c>; records the ones that end in <c>receipts-poison</c>.</summary>
public sealed class SendReceipt(NotificationTriggerHandler handler)
{
    /// <summary>Sends the receipt to the uploader (or the region's director) once; a send failure throws so the queue retries.</summary>
    [Function(nameof(SendReceipt))]
    public Task RunAsync([QueueTrigger("receipts", Connection = "PmgStorage")] string message, CancellationToken cancellationToken) =>
        handler.SendReceiptAsync(message, cancellationToken);

    /// <summary>Records the receipt of a poison message as a failed notification, visible in <c>pmg status</c>.</summary>
    [Function("RecordFailedReceipt")]
    public Task RecordFailureAsync([QueueTrigger("receipts-poison", Connection = "PmgStorage")] string message, CancellationToken cancellationToken) =>
        handler.RecordFailedReceiptAsync(message, cancellationToken);
}
