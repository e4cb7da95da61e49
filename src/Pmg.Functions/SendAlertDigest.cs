using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;
using Pmg.Storage;

namespace Pmg.Functions;

/// <summary>E-mails each digest of activities at risk queued on <c>alerts</c>; records the ones that end in <c>alerts-poison</c>.</summary>
public sealed class SendAlertDigest(NotificationTriggerHandler handler)
{
    /// <summary>
    /// Sends the digest once; a send failure or an open circuit throws, so the queue redelivers the message and, after
    /// <c>maxDequeueCount</c> attempts, moves it to <c>alerts-poison</c>.
    /// </summary>
    [Function(FunctionNames.SendAlertDigest)]
    public Task RunAsync([QueueTrigger(StorageNames.Triggers.AlertsQueue, Connection = StorageNames.Triggers.Connection)] string message, CancellationToken cancellationToken) =>
        handler.SendDigestAsync(message, cancellationToken);

    /// <summary>Records the digest of a poison message as a failed notification, visible in <c>pmg status</c>.</summary>
    [Function(FunctionNames.RecordFailedAlertDigest)]
    public Task RecordFailureAsync([QueueTrigger(StorageNames.Triggers.AlertsPoisonQueue, Connection = StorageNames.Triggers.Connection)] string message, CancellationToken cancellationToken) =>
        handler.RecordFailedDigestAsync(message, cancellationToken);
}
