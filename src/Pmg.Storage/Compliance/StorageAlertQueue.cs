using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Messages;

namespace Pmg.Storage.Compliance;

/// <summary>Sends alert digests as JSON on the alerts queue, trimming items so a message fits 64 KiB after Base64.</summary>
internal sealed class StorageAlertQueue(StorageLayout layout) : IAlertQueue
{
    private const int MaxJsonBytes = 45_000;

    public async Task EnqueueAsync(AlertDigestMessage digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var json = AlertDigestJson.Serialize(digest);
        var most = digest.Regions.Count == 0 ? 0 : digest.Regions.Max(r => r.Items.Count);
        for (var keep = most / 2; System.Text.Encoding.UTF8.GetByteCount(json) > MaxJsonBytes && keep >= 1; keep /= 2)
        {
            // A region with hundreds of items: the first ones of each region are sent; the report lists them all.
            json = AlertDigestJson.Serialize(digest with { Regions = digest.Regions.Select(r => r with { Items = r.Items.Take(keep).ToArray() }).ToArray() });
        }

        await layout.Alerts.SendMessageAsync(json, cancellationToken).ConfigureAwait(false);
    }
}
