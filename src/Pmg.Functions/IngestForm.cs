using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;

namespace Pmg.Functions;

/// <summary>Ingests each form uploaded to the <c>forms</c> container, as Event Grid reports it.</summary>
public sealed class IngestForm(FormTriggerHandler handler)
{
    /// <summary>
    /// Hands the blob to the pipeline (<see cref="FormTriggerHandler.IngestAsync"/>); a storage failure throws so the
    /// blob extension retries it and, after <c>poisonBlobThreshold</c> attempts, queues it as poison.
    /// </summary>
    [Function(nameof(IngestForm))]
    public Task RunAsync(
        [BlobTrigger("forms/{name}", Source = BlobTriggerSource.EventGrid, Connection = "PmgStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        handler.IngestAsync(blob, cancellationToken);
}
