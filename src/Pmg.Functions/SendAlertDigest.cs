using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;

namespace Pmg.Functions;

/// <summary>E-mails each digest of activities at risk queued on <c>alerts</c>; records the ones that end in <c>alerts-poison</c>.</summary>
public sealed class SendAlertDigest(NotificationTriggerHandler handler)
{
    /// <summary>
    /// Sends the digest once; a send failure or an open circuit throws, so the queue redelivers the message and, after
    /// <c>maxDequeueCount</c> attempts, moves it to <c>alerts-poison</c>.
    /// </summary>
    [Function(nameof(SendAlertDigest))]
    public Task RunAsync([QueueTrigger("alerts", Connection = "PmgStorage")] string message, CancellationToken cancellationToken) =>
        handler.SendDigestAsync(message, cancellationToken);

    /// <summary>Records the digest of a poison message as a failed notification, visible in <c>pmg status</c>.</summary>
    [Function("RecordFailedAlertDigest")]
    public Task RecordFailureAsync([QueueTrigger("alerts-poison", Connection = "PmgStorage")] string message, CancellationToken cancellationToken) =>
        handler.RecordFailedDigestAsync(message, cancellationToken);
}
