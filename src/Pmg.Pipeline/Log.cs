using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline;

/// <summary>
/// Source-generated log messages of the pipeline: ingestion 1100–1199, compliance 1200–1299, notifications 1300–1399
/// (every project's range: docs/event-ids.md).
/// </summary>
internal static partial class Log
{
    // Ingestion (1100–1199)
    [LoggerMessage(EventId = 1100, EventName = "IngestionAccepted", Level = LogLevel.Information,
        Message = "Accepted {BlobName} as submission {SubmissionId} for {Service} {Year} {Region} (current: {IsCurrent}, warnings: {Warnings})")]
    public static partial void Accepted(this ILogger logger, string blobName, string submissionId, string service, int year, string region, bool isCurrent, int warnings);

    [LoggerMessage(EventId = 1101, EventName = "IngestionRefused", Level = LogLevel.Warning,
        Message = "Refused {BlobName} as submission {SubmissionId}: {Codes}")]
    public static partial void Refused(this ILogger logger, string blobName, string submissionId, string codes);

    [LoggerMessage(EventId = 1102, EventName = "IngestionDuplicate", Level = LogLevel.Information,
        Message = "Ignored duplicate delivery of {BlobName} version {Version} (submission {SubmissionId})")]
    public static partial void Duplicate(this ILogger logger, string blobName, string version, string submissionId);

    [LoggerMessage(EventId = 1103, EventName = "IngestionResumed", Level = LogLevel.Warning,
        Message = "Resuming incomplete processing of submission {SubmissionId} ({BlobName})")]
    public static partial void Resumed(this ILogger logger, string submissionId, string blobName);

    [LoggerMessage(EventId = 1104, EventName = "IngestionFailed", Level = LogLevel.Error,
        Message = "Recorded failure of {BlobName} version {Version} (submission {SubmissionId}): {Reason}")]
    public static partial void Failed(this ILogger logger, string blobName, string version, string submissionId, string reason);

    [LoggerMessage(EventId = 1105, EventName = "PointerConflict", Level = LogLevel.Debug,
        Message = "Current pointer of {Service} {Year} {Region} changed concurrently; retrying (attempt {Attempt})")]
    public static partial void PointerConflict(this ILogger logger, string service, int year, string region, int attempt);

    [LoggerMessage(EventId = 1106, EventName = "OlderUpload", Level = LogLevel.Information,
        Message = "Submission {SubmissionId} kept as history: {Region} already has newer submission {CurrentId}")]
    public static partial void OlderUpload(this ILogger logger, string submissionId, string region, string currentId);

    [LoggerMessage(EventId = 1107, EventName = "FormReconciled", Level = LogLevel.Warning,
        Message = "Form blob {BlobName} had no submission record; the reconciliation sweep ingested it: {Status}, submission {SubmissionId}")]
    public static partial void Reconciled(this ILogger logger, string blobName, Ingestion.IngestionStatus status, string submissionId);

    [LoggerMessage(EventId = 1108, EventName = "ReconciliationFinished", Level = LogLevel.Information,
        Message = "Reconciliation sweep of {Service} {Year}: {Unprocessed} blobs without a submission record, {Ingested} ingested, {LeftToTrigger} written less than {MinimumAge} ago left to their trigger")]
    public static partial void ReconciliationFinished(this ILogger logger, string service, string year, int unprocessed, int ingested, int leftToTrigger, TimeSpan minimumAge);

    [LoggerMessage(EventId = 1109, EventName = "IngestionRetried", Level = LogLevel.Warning,
        Message = "Form blob {BlobName} (submission {SubmissionId}), recorded as failed, was processed again: {Status}")]
    public static partial void Retried(this ILogger logger, string blobName, string submissionId, Ingestion.IngestionStatus status);

    [LoggerMessage(EventId = 1110, EventName = "ReconciliationSkipped", Level = LogLevel.Warning,
        Message = "Reconciliation sweep skipped: Pmg:Services is not configured, so no form could be accepted")]
    public static partial void ReconciliationSkipped(this ILogger logger);

    // Compliance recalculation (1200–1299)
    [LoggerMessage(EventId = 1200, EventName = "Recalculated", Level = LogLevel.Information,
        Message = "Recalculated {Service} {Year}: {Regions} regions, {AtRisk} activities at risk ({AtRiskReasons} reasons), {Digests} digests queued (attempts: {Attempts})")]
    public static partial void Recalculated(this ILogger logger, string service, int year, int regions, int atRisk, int atRiskReasons, int digests, int attempts);

    [LoggerMessage(EventId = 1201, EventName = "RecalculationRaced", Level = LogLevel.Information,
        Message = "Submissions of {Service} {Year} changed during recalculation; recomputing (attempt {Attempt})")]
    public static partial void RecalculationRaced(this ILogger logger, string service, int year, int attempt);

    [LoggerMessage(EventId = 1202, EventName = "PointerMoved", Level = LogLevel.Information,
        Message = "Current submission of {Service} {Year} {Region} moved from {Scored} to {Current} while scoring; scoring the new one")]
    public static partial void PointerMoved(this ILogger logger, string service, int year, string region, string scored, string current);

    // Notifications (1300–1399)
    [LoggerMessage(EventId = 1300, EventName = "NotificationSent", Level = LogLevel.Information,
        Message = "Notification {NotificationId} ({Kind}) sent: {Subject} to {Recipient}")]
    public static partial void NotificationSent(this ILogger logger, string notificationId, NotificationKind kind, string subject, string recipient);

    [LoggerMessage(EventId = 1301, EventName = "NotificationAlreadySent", Level = LogLevel.Information,
        Message = "Notification {NotificationId} was already sent; redelivery skipped ({Subject})")]
    public static partial void AlreadySent(this ILogger logger, string notificationId, string subject);

    [LoggerMessage(EventId = 1302, EventName = "NotificationSendFailed", Level = LogLevel.Warning,
        Message = "Notification {NotificationId} could not be sent (attempt {Attempt}): {Subject}")]
    public static partial void SendFailed(this ILogger logger, Exception exception, string notificationId, string subject, int attempt);

    [LoggerMessage(EventId = 1303, EventName = "NotificationFailed", Level = LogLevel.Error,
        Message = "Notification {NotificationId} ({Kind}) recorded as failed: {Subject}; {Reason}")]
    public static partial void NotificationFailed(this ILogger logger, string notificationId, NotificationKind kind, string subject, string reason);

    [LoggerMessage(EventId = 1304, EventName = "NotificationNoRecipient", Level = LogLevel.Error,
        Message = "Notification {NotificationId} has no recipient in the address book: {Subject}")]
    public static partial void NoRecipient(this ILogger logger, string notificationId, string subject);

    [LoggerMessage(EventId = 1305, EventName = "NotificationUnitUnknown", Level = LogLevel.Warning,
        Message = "Unit {Unit} of {Service} {Region} is not in the address book; its digest goes to the regional director")]
    public static partial void UnitUnknown(this ILogger logger, string service, string region, string unit);

    [LoggerMessage(EventId = 1306, EventName = "NotificationMessageUnreadable", Level = LogLevel.Error,
        Message = "A {Kind} queue message could not be read; recorded as failed notification {NotificationId}")]
    public static partial void MessageUnreadable(this ILogger logger, NotificationKind kind, string notificationId);

    [LoggerMessage(EventId = 1307, EventName = "NotificationRefused", Level = LogLevel.Error,
        Message = "Notification {NotificationId} ({Subject}) refused for good by the provider with {StatusCode}: {Reason}; recorded as failed")]
    public static partial void SendRefused(this ILogger logger, string notificationId, string subject, int statusCode, string reason);
}
