using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Storage;
using Pmg.Storage.Ingestion;

namespace Pmg.Hosting;

/// <summary>What both hosts do when a form blob triggers, or when its poison message arrives.</summary>
public sealed class FormTriggerHandler(IIngestionService ingestion, StorageNames names, ILogger<FormTriggerHandler> logger)
{
    /// <summary>
    /// Hands the blob to the pipeline. Refusals are outcomes, not exceptions; a blob deleted before the trigger ran is
    /// skipped with a warning; a storage failure throws so the blob trigger retries it and, after
    /// <c>poisonBlobThreshold</c> attempts, queues it as poison.
    /// </summary>
    public async Task IngestAsync(BlobClient blob, CancellationToken cancellationToken = default)
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

    /// <summary>
    /// Records the failure of the form named in a poison message (its JSON, as the blob extension writes it);
    /// messages about other containers (another trigger or instance of the account) and unreadable ones are ignored.
    /// </summary>
    public async Task RecordPoisonAsync(string json, CancellationToken cancellationToken = default)
    {
        var message = PoisonBlobMessage.Parse(json);
        if (message is null || !message.IsFor(names.FormsContainer))
        {
            Log.PoisonIgnored(logger, message?.ContainerName ?? "?", message?.BlobName ?? "?");
            return;
        }

        Log.FormPoisoned(logger, message.BlobName, message.ETag);
        var outcome = await ingestion
            .RecordFailureAsync(message.BlobName, message.ETag, PoisonBlobMessage.FailureReason, cancellationToken)
            .ConfigureAwait(false);
        Log.FailureRecorded(logger, outcome.BlobName, outcome.SubmissionId);
    }
}
