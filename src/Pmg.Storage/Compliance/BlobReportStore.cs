using Azure.Storage.Blobs.Models;
using Pmg.Pipeline.Compliance;

namespace Pmg.Storage.Compliance;

/// <summary>Uploads report workbooks to the reports container.</summary>
internal sealed class BlobReportStore(StorageLayout layout) : IReportStore
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = XlsxContentType } };
        await layout.Reports.GetBlobClient(name).UploadAsync(new BinaryData(content), options, cancellationToken).ConfigureAwait(false);
    }
}
