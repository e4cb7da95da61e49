using Microsoft.Azure.WebJobs;
using Pmg.Hosting;
using Pmg.Pipeline.Messages;
using Pmg.Storage;

namespace Pmg.LocalHost.Functions;

/// <summary>Makes a form that kept failing visible: the blob extension's poison message becomes a Failed record.</summary>
public sealed class RecordPoisonedFormJob(FormTriggerHandler handler)
{
    /// <summary>Records the failure of the form named in the poison message; messages about other containers are ignored.</summary>
    [FunctionName(FunctionNames.RecordPoisonedForm)]
    public Task RunAsync(
        [QueueTrigger(PoisonBlobMessage.QueueName, Connection = StorageNames.Triggers.Connection)] string message,
        CancellationToken cancellationToken) =>
        handler.RecordPoisonAsync(message, cancellationToken);
}
