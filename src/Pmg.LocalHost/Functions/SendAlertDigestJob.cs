using Microsoft.Azure.WebJobs;
using Pmg.Hosting;

namespace Pmg.LocalHost.Functions;

/// <summary>E-mails each digest queued on <c>alerts</c> (locally: .eml files in the pickup folder); records poisoned ones.</summary>
public sealed class SendAlertDigestJob(NotificationTriggerHandler handler)
{
    /// <summary>Sends the digest once; a failure throws so the SDK redelivers and, at maxDequeueCount, poisons it.</summary>
    [FunctionName("SendAlertDigest")]
    public Task RunAsync([QueueTrigger("alerts", Connection = "PmgStorage")] string message, CancellationToken cancellationToken) =>
        handler.SendDigestAsync(message, cancellationToken);

    /// <summary>Records the digest of a poison message as a failed notification.</summary>
    [FunctionName("RecordFailedAlertDigest")]
    public Task RecordFailureAsync([QueueTrigger("alerts-poison", Connection = "PmgStorage")] string message, CancellationToken cancellationToken) =>
        handler.RecordFailedDigestAsync(message, cancellationToken);
}
