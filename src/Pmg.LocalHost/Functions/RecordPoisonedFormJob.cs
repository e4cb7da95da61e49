using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Pmg.Hosting;
using Pmg.Pipeline;

namespace Pmg.LocalHost.Functions;

/// <summary>Makes a form that kept failing visible: the blob extension's poison message becomes a Failed record.</summary>
public sealed class RecordPoisonedFormJob(IIngestionService ingestion, ILogger<RecordPoisonedFormJob> logger)
{
    /// <summary>Records the failure of the form named in the poison message; messages about other containers are ignored.</summary>
    [FunctionName("RecordPoisonedForm")]
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
