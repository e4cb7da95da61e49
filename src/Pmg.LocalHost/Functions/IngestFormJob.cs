using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Pmg.Hosting;
using Pmg.Pipeline;

namespace Pmg.LocalHost.Functions;

/// <summary>Ingests each form uploaded to the <c>forms</c> container, found by the WebJobs SDK's polling blob trigger.</summary>
public sealed class IngestFormJob(IIngestionService ingestion, ILogger<IngestFormJob> logger)
{
    /// <summary>Hands the blob to the pipeline; a storage failure throws so the SDK retries it and, at the threshold, poisons it.</summary>
    [FunctionName("IngestForm")]
    public async Task RunAsync(
        [BlobTrigger("forms/{name}", Connection = "PmgStorage")] BlobClient blob,
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
