using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Pmg.Hosting;
using Pmg.Storage;

namespace Pmg.LocalHost.Functions;

/// <summary>Ingests each form uploaded to the <c>forms</c> container, found by the WebJobs SDK's polling blob trigger.</summary>
public sealed class IngestFormJob(FormTriggerHandler handler)
{
    /// <summary>Hands the blob to the pipeline; a storage failure throws so the SDK retries it and, at the threshold, poisons it.</summary>
    [FunctionName(FunctionNames.IngestForm)]
    public Task RunAsync(
        [BlobTrigger(StorageNames.Triggers.FormsBlobPath, Connection = StorageNames.Triggers.Connection)] BlobClient blob,
        CancellationToken cancellationToken) =>
        handler.IngestAsync(blob, cancellationToken);
}
