using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage.Ingestion;

/// <summary>
/// Marks a form blob with the blob index tag <c>pmg-outcome</c>. Tags, unlike metadata, leave the blob's content,
/// ETag and Last-Modified untouched, so the trigger does not fire again and the version id stays the same.
/// </summary>
internal sealed class BlobIndexTagger(StorageLayout layout, ILogger<BlobIndexTagger> logger) : IBlobTagger
{
    public async Task TagAsync(string blobName, string version, string outcome, CancellationToken cancellationToken = default)
    {
        var blob = layout.Forms.GetBlobClient(blobName);
        if (LooksLikeVersionId(version))
        {
            blob = blob.WithVersion(version);
        }

        try
        {
            await blob.SetTagsAsync(new Dictionary<string, string> { [StorageNames.OutcomeTag] = outcome }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The blob was deleted after upload; the ledger row still records the outcome.
            logger.TagTargetMissing(blobName, outcome);
        }
    }

    // Version ids are timestamps ("2024-05-01T10:00:00.1234567Z"); ETags are "0x8D…" (possibly quoted).
    private static bool LooksLikeVersionId(string version) =>
        version.Length > 20 && char.IsAsciiDigit(version[0]) && version.EndsWith('Z') &&
        DateTimeOffset.TryParse(version, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _);
}
