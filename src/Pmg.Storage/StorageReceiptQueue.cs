using Pmg.Pipeline;

namespace Pmg.Storage;

/// <summary>Sends receipts as JSON messages on the receipts queue.</summary>
internal sealed class StorageReceiptQueue(StorageLayout layout) : IReceiptQueue
{
    public async Task EnqueueAsync(Receipt receipt, CancellationToken cancellationToken = default)
    {
        // Queue messages are limited to 64 KiB; a receipt with thousands of reasons keeps the first ones.
        var trimmed = receipt.Reasons.Count > 50
            ? receipt with { Reasons = [.. receipt.Reasons.Take(50), $"… y {receipt.Reasons.Count - 50} motivos más."] }
            : receipt;
        await layout.Receipts.SendMessageAsync(ReceiptJson.Serialize(trimmed), cancellationToken).ConfigureAwait(false);
    }
}
