using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Ingestion;

/// <summary>Queues the receipt of an outcome for the uploader and the coordinators.</summary>
public interface IReceiptQueue
{
    /// <summary>Queues one receipt message.</summary>
    Task EnqueueAsync(Receipt receipt, CancellationToken cancellationToken = default);
}
