using Microsoft.Azure.WebJobs;
using Pmg.Hosting;
using Pmg.Storage;

namespace Pmg.LocalHost.Functions;

/// <summary>E-mails each digest queued on <c>alerts</c> (locally: .eml files in the pickup folder); records poisoned ones.</summary>
public sealed class SendAlertDigestJob(NotificationTriggerHandler handler)
{
    /// <summary>Sends the digest once; a failure throws so the SDK redelivers and, at maxDequeueCount, poisons it.</summary>
    [FunctionName(FunctionNames.SendAlertDigest)]
    public Task RunAsync([QueueTrigger(StorageNames.Triggers.AlertsQueue, Connection = StorageNames.Triggers.Connection)] string message, CancellationToken cancellationToken) =>
        handler.SendDigestAsync(message, cancellationToken);

    /// <summary>Records the digest of a poison message as a failed notification.</summary>
    [FunctionName(FunctionNames.RecordFailedAlertDigest)]
    public Task RecordFailureAsync([QueueTrigger(StorageNames.Triggers.AlertsPoisonQueue, Connection = StorageNames.Triggers.Connection)] string message, CancellationToken cancellationToken) =>
        handler.RecordFailedDigestAsync(message, cancellationToken);
}
