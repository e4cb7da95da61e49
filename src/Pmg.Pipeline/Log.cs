using Microsoft.Extensions.Logging;

namespace Pmg.Pipeline;

/// <summary>Source-generated log messages of the pipeline.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "IngestionAccepted", Level = LogLevel.Information,
        Message = "Accepted {BlobName} as submission {SubmissionId} for {Service} {Year} {Region} (current: {IsCurrent}, warnings: {Warnings})")]
    public static partial void Accepted(this ILogger logger, string blobName, string submissionId, string service, int year, string region, bool isCurrent, int warnings);

    [LoggerMessage(EventId = 1001, EventName = "IngestionRefused", Level = LogLevel.Warning,
        Message = "Refused {BlobName} as submission {SubmissionId}: {Codes}")]
    public static partial void Refused(this ILogger logger, string blobName, string submissionId, string codes);

    [LoggerMessage(EventId = 1002, EventName = "IngestionDuplicate", Level = LogLevel.Information,
        Message = "Ignored duplicate delivery of {BlobName} version {Version} (submission {SubmissionId})")]
    public static partial void Duplicate(this ILogger logger, string blobName, string version, string submissionId);

    [LoggerMessage(EventId = 1003, EventName = "IngestionResumed", Level = LogLevel.Warning,
        Message = "Resuming incomplete processing of submission {SubmissionId} ({BlobName})")]
    public static partial void Resumed(this ILogger logger, string submissionId, string blobName);

    [LoggerMessage(EventId = 1004, EventName = "IngestionFailed", Level = LogLevel.Error,
        Message = "Recorded failure of {BlobName} version {Version} (submission {SubmissionId}): {Reason}")]
    public static partial void Failed(this ILogger logger, string blobName, string version, string submissionId, string reason);

    [LoggerMessage(EventId = 1005, EventName = "PointerConflict", Level = LogLevel.Debug,
        Message = "Current pointer of {Service} {Year} {Region} changed concurrently; retrying (attempt {Attempt})")]
    public static partial void PointerConflict(this ILogger logger, string service, int year, string region, int attempt);

    [LoggerMessage(EventId = 1006, EventName = "OlderUpload", Level = LogLevel.Information,
        Message = "Submission {SubmissionId} kept as history: {Region} already has newer submission {CurrentId}")]
    public static partial void OlderUpload(this ILogger logger, string submissionId, string region, string currentId);
}
