using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Hosting;

/// <summary>Source-generated log messages of the trigger handlers, the same in both hosts (event ids 100–199; docs/event-ids.md).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "FormReceived", Level = LogLevel.Information, Message = "Form blob {BlobName} received")]
    public static partial void FormReceived(ILogger logger, string blobName);

    [LoggerMessage(EventId = 101, EventName = "FormIngested", Level = LogLevel.Information,
        Message = "Form blob {BlobName} ingested: {Status}, submission {SubmissionId}, {WarningCount} warnings")]
    public static partial void FormIngested(ILogger logger, string blobName, IngestionStatus status, string submissionId, int warningCount);

    [LoggerMessage(EventId = 102, EventName = "FormGone", Level = LogLevel.Warning,
        Message = "Form blob {BlobName} was deleted before it could be ingested; nothing to do")]
    public static partial void FormGone(ILogger logger, string blobName);

    [LoggerMessage(EventId = 110, EventName = "FormPoisoned", Level = LogLevel.Error,
        Message = "Form blob {BlobName} (ETag {ETag}) failed on every attempt; recording it as failed")]
    public static partial void FormPoisoned(ILogger logger, string blobName, string eTag);

    [LoggerMessage(EventId = 111, EventName = "FailureRecorded", Level = LogLevel.Information,
        Message = "Form blob {BlobName} recorded as failed submission {SubmissionId}")]
    public static partial void FailureRecorded(ILogger logger, string blobName, string submissionId);

    [LoggerMessage(EventId = 112, EventName = "PoisonIgnored", Level = LogLevel.Warning,
        Message = "Poison message for {ContainerName}/{BlobName} ignored: not a form blob")]
    public static partial void PoisonIgnored(ILogger logger, string containerName, string blobName);

    [LoggerMessage(EventId = 130, EventName = "RecalculationStarted", Level = LogLevel.Information, Message = "Compliance recalculation started (past due: {IsPastDue})")]
    public static partial void RecalculationStarted(ILogger logger, bool isPastDue);

    [LoggerMessage(EventId = 131, EventName = "RecalculationFinished", Level = LogLevel.Information,
        Message = "Compliance recalculation finished: {Reconciled} missed forms ingested, {ServiceYears} service-years, {AtRisk} activities at risk, {Digests} digests queued")]
    public static partial void RecalculationFinished(ILogger logger, int reconciled, int serviceYears, int atRisk, int digests);

    // Warning when something is waiting, Information otherwise; one EventName either way (the alert reads it).
    [LoggerMessage(EventId = 132, EventName = "PoisonQueueLength", Message = "Poison queue {Queue} holds {Length} messages")]
    public static partial void PoisonQueueLength(ILogger logger, LogLevel level, string queue, int length);

    [LoggerMessage(EventId = 133, EventName = "PoisonQueuesUnmeasured", Level = LogLevel.Warning,
        Message = "Could not measure the poison queues; the recalculation goes on")]
    public static partial void PoisonQueuesUnmeasured(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 140, EventName = "NotificationHandled", Level = LogLevel.Information,
        Message = "Message on {Queue} handled: {Sent} e-mails sent, {AlreadySent} already sent, {Unaddressed} without recipient")]
    public static partial void NotificationHandled(ILogger logger, string queue, int sent, int alreadySent, int unaddressed);

    [LoggerMessage(EventId = 141, EventName = "NotificationPoisoned", Level = LogLevel.Error,
        Message = "A message from {Queue} failed on every delivery; recorded as a failed notification")]
    public static partial void NotificationPoisoned(ILogger logger, string queue);
}
