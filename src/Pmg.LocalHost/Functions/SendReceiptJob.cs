using Microsoft.Azure.WebJobs;
using Pmg.Hosting;
using Pmg.Storage;

namespace Pmg.LocalHost.Functions;

/// <summary>E-mails the receipt of each upload queued on <c>receipts</c>; records poisoned ones.</summary>
public sealed class SendReceiptJob(NotificationTriggerHandler handler)
{
    /// <summary>Sends the receipt once; a failure throws so the SDK redelivers and, at maxDequeueCount, poisons it.</summary>
    [FunctionName(FunctionNames.SendReceipt)]
    public Task RunAsync([QueueTrigger(StorageNames.Triggers.ReceiptsQueue, Connection = StorageNames.Triggers.Connection)] string message, CancellationToken cancellationToken) =>
        handler.SendReceiptAsync(message, cancellationToken);

    /// <summary>Records the receipt of a poison message as a failed notification.</summary>
    [FunctionName(FunctionNames.RecordFailedReceipt)]
    public Task RecordFailureAsync([QueueTrigger(StorageNames.Triggers.ReceiptsPoisonQueue, Connection = StorageNames.Triggers.Connection)] string message, CancellationToken cancellationToken) =>
        handler.RecordFailedReceiptAsync(message, cancellationToken);
}
