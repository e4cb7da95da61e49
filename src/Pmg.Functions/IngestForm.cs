using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pmg.Hosting;
using Pmg.Pipeline;

namespace Pmg.Functions;

/// <summary>Ingests each form uploaded to the <c>forms</c> container, as Event Grid reports it.</summary>
public sealed class IngestForm(IIngestionService ingestion, ILogger<IngestForm> logger)
{
    /// <summary>
    /// Hands the blob to the pipeline. Refusals are outcomes, not exceptions; a storage failure throws so the
    /// blob extension retries it and, after <c>poisonBlobThreshold</c> attempts, queues it as poison.
    /// </summary>
    [Function(nameof(IngestForm))]
    public async Task RunAsync(
        [BlobTrigger("forms/{name}", Source = BlobTriggerSource.EventGrid, Connection = "PmgStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        Log.FormReceived(logger, blob.Name);

        var incoming = await IncomingBlobReader.ReadAsync(blob, cancellationToken).ConfigureAwait(false);
        if (incoming is null)
        {
            Log.FormGone(logger, blob.Name);
            return;
        }

        await using (incoming.Content.ConfigureAwait(false))
        {
            var outcome = await ingestion.IngestAsync(incoming, cancellationToken).ConfigureAwait(false);
            Log.FormIngested(logger, outcome.BlobName, outcome.Status, outcome.SubmissionId, outcome.WarningCount);
        }
    }
}
