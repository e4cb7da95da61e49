using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage.Ingestion;

/// <summary>Turns a form blob (a trigger's, or one the reconciliation sweep found) into the pipeline's <see cref="IncomingBlob"/>.</summary>
public static class IncomingBlobReader
{
    /// <summary>
    /// Opens the blob's content once and takes name, ETag, metadata and Last-Modified from that same response, so
    /// the version recorded is exactly the bytes read even if the blob is overwritten meanwhile. Returns null when
    /// the blob was deleted before the trigger ran: there is nothing to ingest, and retrying would only poison it.
    /// Other storage failures propagate so the trigger retries.
    /// </summary>
    public static async Task<IncomingBlob?> ReadAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        Response<BlobDownloadStreamingResult> download;
        try
        {
            download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }

        var details = download.Value.Details;
        var metadata = details.Metadata is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(details.Metadata, StringComparer.OrdinalIgnoreCase);
        return new IncomingBlob(blob.Name, details.ETag.ToString(), download.Value.Content, metadata)
        {
            UploadedAt = details.LastModified,
        };
    }
}
