using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;
using Pmg.Pipeline.Messages;
using Pmg.Storage;

namespace Pmg.Functions;

/// <summary>Makes a form that kept failing visible: the blob extension's poison message becomes a Failed record.</summary>
public sealed class RecordPoisonedForm(FormTriggerHandler handler)
{
    /// <summary>Records the failure of the blob named in the poison message (its JSON); messages about other containers are ignored.</summary>
    [Function(FunctionNames.RecordPoisonedForm)]
    public Task RunAsync(
        [QueueTrigger(PoisonBlobMessage.QueueName, Connection = StorageNames.Triggers.Connection)] string message,
        CancellationToken cancellationToken) =>
        handler.RecordPoisonAsync(message, cancellationToken);
}
