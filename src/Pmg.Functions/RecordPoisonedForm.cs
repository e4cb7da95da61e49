using Microsoft.Azure.Functions.Worker;
using Pmg.Hosting;

namespace Pmg.Functions;

/// <summary>Makes a form that kept failing visible: the blob extension's poison message becomes a Failed record.</summary>
public sealed class RecordPoisonedForm(FormTriggerHandler handler)
{
    /// <summary>Records the failure of the blob named in the poison message; messages about other containers are ignored.</summary>
    [Function(nameof(RecordPoisonedForm))]
    public Task RunAsync(
        [QueueTrigger(PoisonBlobMessage.QueueName, Connection = "PmgStorage")] PoisonBlobMessage message,
        CancellationToken cancellationToken) =>
        handler.RecordPoisonAsync(message, cancellationToken);
}
