using Microsoft.Extensions.Logging;

namespace Pmg.Storage;

/// <summary>Source-generated log messages of the storage adapters (event ids 2000–2099; docs/event-ids.md).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "TagTargetMissing", Level = LogLevel.Warning,
        Message = "Blob {BlobName} no longer exists; outcome {Outcome} recorded in the ledger only")]
    public static partial void TagTargetMissing(this ILogger logger, string blobName, string outcome);
}
