using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;
using Pmg.Storage;

namespace Pmg.Functions;

/// <summary>Ingests each form uploaded to the <c>forms</c> container, as Event Grid reports it.</summary>
public sealed class IngestForm(FormTriggerHandler handler)
{
    /// <summary>
    /// Hands the blob to the pipeline (<see cref="FormTriggerHandler.IngestAsync"/>); a storage failure throws so the
    /// blob extension retries it and, after <c>poisonBlobThreshold</c> attempts, queues it as poison.
    /// </summary>
    [Function(FunctionNames.IngestForm)]
    public Task RunAsync(
        [BlobTrigger(StorageNames.Triggers.FormsBlobPath, Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Triggers.Connection)] BlobClient blob,
        CancellationToken cancellationToken) =>
        handler.IngestAsync(blob, cancellationToken);
}
