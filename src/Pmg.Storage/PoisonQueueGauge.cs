using Azure.Storage.Queues;

namespace Pmg.Storage;

/// <summary>One poison queue's approximate length.</summary>
/// <param name="Queue">The queue's name as in storage.</param>
/// <param name="Length">Its approximate message count.</param>
public sealed record PoisonQueueLength(string Queue, int Length);

/// <summary>Measures the queues whose messages failed on every attempt, for the <c>poison-queue-not-empty</c> alert.</summary>
public interface IPoisonQueueGauge
{
    /// <summary>Every queue of the account whose name ends in <c>-poison</c> (so also <c>-poison-poison</c>), with its length, by name.</summary>
    Task<IReadOnlyList<PoisonQueueLength>> MeasureAsync(CancellationToken cancellationToken = default);
}

/// <summary>Lists the account's queues (one listing) and reads each poison queue's properties (one request each).</summary>
internal sealed class PoisonQueueGauge(QueueServiceClient queues) : IPoisonQueueGauge
{
    public async Task<IReadOnlyList<PoisonQueueLength>> MeasureAsync(CancellationToken cancellationToken = default)
    {
        var lengths = new List<PoisonQueueLength>();
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (queue.Name.EndsWith(StorageNames.PoisonSuffix, StringComparison.Ordinal))
            {
                var properties = await queues.GetQueueClient(queue.Name).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
                lengths.Add(new PoisonQueueLength(queue.Name, properties.Value.ApproximateMessagesCount));
            }
        }

        return [.. lengths.OrderBy(l => l.Queue, StringComparer.Ordinal)];
    }
}
