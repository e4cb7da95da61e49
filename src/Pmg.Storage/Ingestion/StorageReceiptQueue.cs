using System.Globalization;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;

namespace Pmg.Storage.Ingestion;

/// <summary>Sends receipts as JSON messages on the receipts queue.</summary>
internal sealed class StorageReceiptQueue(StorageLayout layout) : IReceiptQueue
{
    private const int MaxReasons = 40;
    private const int MaxReasonChars = 400;

    public async Task EnqueueAsync(Receipt receipt, CancellationToken cancellationToken = default)
    {
        // A queue message holds 64 KiB after Base64: keep the first reasons, each cut to a readable length.
        var reasons = receipt.Reasons.Take(MaxReasons).Select(r => r.Length > MaxReasonChars ? r[..MaxReasonChars] + "…" : r).ToList();
        if (receipt.Reasons.Count > MaxReasons)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"… y {receipt.Reasons.Count - MaxReasons} motivos más."));
        }

        var trimmed = receipt with { Reasons = reasons, BlobName = receipt.BlobName.Length > 1024 ? receipt.BlobName[..1024] : receipt.BlobName };
        await layout.Receipts.SendMessageAsync(ReceiptJson.Serialize(trimmed), cancellationToken).ConfigureAwait(false);
    }
}
