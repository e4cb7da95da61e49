using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Pmg.Portal.Security;

/// <summary>
/// Keeps the data-protection key ring (which signs antiforgery tokens) in one blob of the app's storage account, so
/// every instance of the Function App, and both hosts, accept each other's tokens. Writes are ETag-checked appends.
/// </summary>
/// <remarks>
/// Data protection's <see cref="IXmlRepository"/> is synchronous by design; it is called once at start-up and when a
/// key rotates (every 90 days), so blocking on the blob here is acceptable.
/// </remarks>
internal sealed class BlobKeyRepository(BlobClient blob) : IXmlRepository
{
    private const int MaxAttempts = 10;

    private static readonly XmlReaderSettings SafeXml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public IReadOnlyCollection<XElement> GetAllElements() => Read().Document.Root?.Elements().ToList() ?? [];

    public void StoreElement(XElement element, string friendlyName)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (document, etag) = Read();
            document.Root!.Add(new XElement(element));
            var conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                using var content = new MemoryStream();
                document.Save(content);
                content.Position = 0;
                blob.Upload(content, new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" } });
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another instance stored a key meanwhile: read again and append to its version.
            }
        }
    }

    private (XDocument Document, ETag? ETag) Read()
    {
        try
        {
            var download = blob.DownloadContent().Value;
            using var reader = XmlReader.Create(download.Content.ToStream(), SafeXml);
            return (XDocument.Load(reader), download.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (new XDocument(new XElement("repository")), null);
        }
    }
}
