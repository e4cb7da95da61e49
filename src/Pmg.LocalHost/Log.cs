using Microsoft.Extensions.Logging;
using Pmg.Pipeline;

namespace Pmg.LocalHost;

/// <summary>Source-generated log messages of the local host.</summary>
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
}
