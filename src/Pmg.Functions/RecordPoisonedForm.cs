using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pmg.Hosting;
using Pmg.Pipeline;

namespace Pmg.Functions;

/// <summary>Makes a form that kept failing visible: the blob extension's poison message becomes a Failed record.</summary>
public sealed class RecordPoisonedForm(IIngestionService ingestion, ILogger<RecordPoisonedForm> logger)
{
    /// <summary>Records the failure of the blob named in the poison message; messages about other containers are ignored.</summary>
    [Function(nameof(RecordPoisonedForm))]
    public async Task RunAsync(
        [QueueTrigger(PoisonBlobMessage.QueueName, Connection = "PmgStorage")] PoisonBlobMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.IsForForms)
        {
            Log.PoisonIgnored(logger, message.ContainerName, message.BlobName);
            return;
        }

        Log.FormPoisoned(logger, message.BlobName, message.ETag);
        var outcome = await ingestion
            .RecordFailureAsync(message.BlobName, message.ETag, PoisonBlobMessage.FailureReason, cancellationToken)
            .ConfigureAwait(false);
        Log.FailureRecorded(logger, outcome.BlobName, outcome.SubmissionId);
    }
}
