using Microsoft.Extensions.Logging;

namespace Pmg.Storage;

/// <summary>Source-generated log messages of the storage adapters.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "TagTargetMissing", Level = LogLevel.Warning,
        Message = "Blob {BlobName} no longer exists; outcome {Outcome} recorded in the ledger only")]
    public static partial void TagTargetMissing(this ILogger logger, string blobName, string outcome);
}
