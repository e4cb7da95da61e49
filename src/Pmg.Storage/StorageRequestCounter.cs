using Azure.Core;
using Azure.Core.Pipeline;

namespace Pmg.Storage;

/// <summary>
/// Counts the storage requests (billable transactions, retries included) sent through the Azure SDK clients,
/// so the cost of one ingestion can be measured. One instance per service provider.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long _count;

    /// <summary>Requests sent since creation or the last <see cref="Reset"/>.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Starts counting from zero.</summary>
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        ProcessNext(message, pipeline);
    }

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}
