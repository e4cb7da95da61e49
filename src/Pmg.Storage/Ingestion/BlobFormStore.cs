using Azure.Storage.Blobs.Models;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage.Ingestion;

/// <summary>The forms container for the reconciliation sweep: a flat listing (5,000 blobs a page) and a download.</summary>
internal sealed class BlobFormStore(StorageLayout layout) : IFormStore
{
    public async Task<IReadOnlyList<StoredForm>> ListAsync(string? prefix, CancellationToken cancellationToken = default)
    {
        var forms = new List<StoredForm>();
        await foreach (var item in layout.Forms.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (item.Properties.ETag is { } etag && item.Properties.LastModified is { } modified)
            {
                // Listings carry the ETag unquoted, downloads (what the trigger records) quoted: record the header form.
                forms.Add(new StoredForm(item.Name, etag.ToString("H"), modified));
            }
        }

        return forms;
    }

    public Task<IncomingBlob?> OpenAsync(string name, CancellationToken cancellationToken = default) =>
        IncomingBlobReader.ReadAsync(layout.Forms.GetBlobClient(name), cancellationToken);
}
