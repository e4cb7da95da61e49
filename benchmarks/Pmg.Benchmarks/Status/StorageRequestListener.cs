using System.Diagnostics.Tracing;

namespace Pmg.Benchmarks.Status;

/// <summary>
/// Counts the storage requests of the whole process from the Azure SDK's own event source (one "Request" event per
/// attempt, the same thing <c>StorageRequestCounter</c> counts inside one service provider), so a command that builds
/// its own provider — <c>pmg status</c> — is measured without changing it. Requests are told apart by endpoint.
/// </summary>
internal sealed class StorageRequestListener(Uri tableEndpoint) : EventListener
{
    private long _tableReads;
    private long _other;

    /// <summary>Table GETs: queries (one per page) and point reads.</summary>
    public long TableReads => Interlocked.Read(ref _tableReads);

    /// <summary>Every other request (table writes, blobs, queues).</summary>
    public long Other => Interlocked.Read(ref _other);

    public void Reset()
    {
        Interlocked.Exchange(ref _tableReads, 0);
        Interlocked.Exchange(ref _other, 0);
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Azure-Core")
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "Request" || eventData.Payload is not { Count: >= 3 } payload)
        {
            return;
        }

        var method = payload[1] as string;
        var uri = payload[2] as string ?? "";
        if (method == "GET" && uri.StartsWith(tableEndpoint.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _tableReads);
        }
        else
        {
            Interlocked.Increment(ref _other);
        }
    }
}
