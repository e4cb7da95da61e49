using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Pmg.Pipeline.Compliance;

namespace Pmg.Storage.Compliance;

/// <summary>Uploads report workbooks to the reports container, lists and opens them.</summary>
internal sealed class BlobReportStore(StorageLayout layout) : IReportStore
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = XlsxContentType } };
        await layout.Reports.GetBlobClient(name).UploadAsync(new BinaryData(content), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReport>> ListAsync(string service, int year, CancellationToken cancellationToken = default)
    {
        var folder = string.Create(CultureInfo.InvariantCulture, $"{service}/{year}/");
        var reports = new List<StoredReport>();
        try
        {
            await foreach (var blob in layout.Reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder, cancellationToken).ConfigureAwait(false))
            {
                reports.Add(new StoredReport(blob.Name, blob.Name[folder.Length..], blob.Properties.LastModified ?? DateTimeOffset.MinValue, blob.Properties.ContentLength ?? 0));
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return [];
        }

        // Timestamped names sort by time; latest.xlsx, the copy of the newest, comes first.
        return reports.OrderBy(r => r.FileName == "latest.xlsx" ? 0 : 1).ThenByDescending(r => r.FileName, StringComparer.Ordinal).ToList();
    }

    public async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await layout.Reports.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
