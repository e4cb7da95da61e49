using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;
using Pmg.Storage;

namespace Pmg.Functions;

/// <summary>E-mails the receipt of each upload queued on <c>receipts</c>; records the ones that end in <c>receipts-poison</c>.</summary>
public sealed class SendReceipt(NotificationTriggerHandler handler)
{
    /// <summary>Sends the receipt to the uploader (or the region's director) once; a send failure throws so the queue retries.</summary>
    [Function(FunctionNames.SendReceipt)]
    public Task RunAsync([QueueTrigger(StorageNames.Triggers.ReceiptsQueue, Connection = StorageNames.Triggers.Connection)] string message, CancellationToken cancellationToken) =>
        handler.SendReceiptAsync(message, cancellationToken);

    /// <summary>Records the receipt of a poison message as a failed notification, visible in <c>pmg status</c>.</summary>
    [Function(FunctionNames.RecordFailedReceipt)]
    public Task RecordFailureAsync([QueueTrigger(StorageNames.Triggers.ReceiptsPoisonQueue, Connection = StorageNames.Triggers.Connection)] string message, CancellationToken cancellationToken) =>
        handler.RecordFailedReceiptAsync(message, cancellationToken);
}
