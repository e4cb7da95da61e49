using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Compliance;

/// <summary>Queues alert digests on the <c>alerts</c> queue.</summary>
public interface IAlertQueue
{
    /// <summary>Queues one digest.</summary>
    Task EnqueueAsync(AlertDigestMessage digest, CancellationToken cancellationToken = default);
}
