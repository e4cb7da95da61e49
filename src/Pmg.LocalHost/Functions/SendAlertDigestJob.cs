using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Notifications;

namespace Pmg.LocalHost.Functions;

/// <summary>E-mails each digest queued on <c>alerts</c> (locally: .eml files in the pickup folder); records poisoned ones.</summary>
public sealed class SendAlertDigestJob(INotificationService notifications, ILogger<SendAlertDigestJob> logger)
{
    /// <summary>The reason a poisoned digest is recorded with.</summary>
    public const string PoisonReason = "El correo no se pudo enviar en ninguno de los intentos de la cola (maxDequeueCount); el mensaje quedó en alerts-poison.";

    /// <summary>Sends the digest once; a failure throws so the SDK redelivers and, at maxDequeueCount, poisons it.</summary>
    [FunctionName("SendAlertDigest")]
    public async Task RunAsync([QueueTrigger("alerts", Connection = "PmgStorage")] string message, CancellationToken cancellationToken)
    {
        var outcome = await notifications.SendDigestAsync(message, cancellationToken).ConfigureAwait(false);
        Log.NotificationHandled(logger, "alerts", outcome.Sent, outcome.AlreadySent, outcome.Unaddressed);
    }

    /// <summary>Records the digest of a poison message as a failed notification.</summary>
    [FunctionName("RecordFailedAlertDigest")]
    public async Task RecordFailureAsync([QueueTrigger("alerts-poison", Connection = "PmgStorage")] string message, CancellationToken cancellationToken)
    {
        await notifications.RecordFailureAsync(NotificationKind.Digest, message, PoisonReason, cancellationToken).ConfigureAwait(false);
        Log.NotificationPoisoned(logger, "alerts");
    }
}
