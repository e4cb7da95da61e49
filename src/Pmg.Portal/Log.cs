using Microsoft.Extensions.Logging;

namespace Pmg.Portal;

/// <summary>Source-generated log messages of the portal (EventIds 4000–4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "PortalFormUploaded", Level = LogLevel.Information,
        Message = "Portal upload {BlobName} (ETag {ETag}, submission {SubmissionId}) by {User}")]
    public static partial void FormUploaded(this ILogger logger, string blobName, string eTag, string submissionId, string user);

    [LoggerMessage(EventId = 4001, EventName = "PortalUploadRefused", Level = LogLevel.Warning,
        Message = "Portal upload of {FileName} for {Region} by {User} refused before storage: {Codes}")]
    public static partial void UploadRefused(this ILogger logger, string fileName, string region, string user, string codes);

    [LoggerMessage(EventId = 4002, EventName = "PortalForbidden", Level = LogLevel.Warning,
        Message = "{User} was refused {Method} {Path}: region {Region} not granted")]
    public static partial void Forbidden(this ILogger logger, string user, string method, string path, string region);

    [LoggerMessage(EventId = 4003, EventName = "PortalAntiforgeryFailed", Level = LogLevel.Warning,
        Message = "Antiforgery check failed for {Method} {Path}")]
    public static partial void AntiforgeryFailed(this ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 4004, EventName = "PortalStorageFailed", Level = LogLevel.Error,
        Message = "Storage failed while serving {Method} {Path}")]
    public static partial void StorageFailed(this ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 4005, EventName = "PortalRequestFailed", Level = LogLevel.Error,
        Message = "Unexpected failure while serving {Method} {Path}")]
    public static partial void RequestFailed(this ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 4006, EventName = "PortalPrincipalUnreadable", Level = LogLevel.Warning,
        Message = "The X-MS-CLIENT-PRINCIPAL header could not be read; the request is treated as anonymous")]
    public static partial void PrincipalUnreadable(this ILogger logger);

    [LoggerMessage(EventId = 4007, EventName = "PortalLocalMode", Level = LogLevel.Warning,
        Message = "The portal runs in local mode: anyone may act as any role. Never in Azure.")]
    public static partial void LocalModeOn(this ILogger logger);

    [LoggerMessage(EventId = 4008, EventName = "PortalUploadTooLarge", Level = LogLevel.Warning,
        Message = "Request to {Path} of {Bytes} bytes refused: the limit is {Limit} bytes")]
    public static partial void UploadTooLarge(this ILogger logger, string path, long bytes, long limit);
}
