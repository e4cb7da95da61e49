using System.Text;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Pmg.Hosting;
using Pmg.Storage;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Functions.Tests;

public sealed class IngestFormTests
{
    private const string BlobName = "SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx";
    private const string ETag = "\"0x8DC0FFEE1234567\"";
    private static readonly DateTimeOffset LastModified = new(2010, 1, 15, 13, 45, 0, TimeSpan.Zero);
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("PK\u0003\u0004 form bytes");

    private readonly RecordingIngestionService ingestion = new();
    private readonly FakeLogger<FormTriggerHandler> logger = new();

    [Fact]
    public async Task RunAsync_UploadedForm_HandsNameETagContentMetadataAndUploadTimeToPipeline()
    {
        var blob = NewBlob(new Dictionary<string, string> { ["uploader"] = "encargada.tarapaca@sernam.cl" });

        await new IngestForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(blob, CancellationToken.None);

        var (incoming, content, _) = Assert.Single(ingestion.Ingested);
        Assert.Equal(BlobName, incoming.Name);
        Assert.Equal(ETag, incoming.Version);
        Assert.Equal(Content, content);
        Assert.Equal("encargada.tarapaca@sernam.cl", incoming.Metadata["uploader"]);
        Assert.Equal(LastModified, incoming.UploadedAt);
    }

    [Fact]
    public async Task RunAsync_MetadataKeyInOtherCase_IsFoundCaseInsensitively()
    {
        var blob = NewBlob(new Dictionary<string, string> { ["Uploader"] = "coordinador@sernam.cl" });

        await new IngestForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(blob, CancellationToken.None);

        Assert.Equal("coordinador@sernam.cl", Assert.Single(ingestion.Ingested).Blob.Metadata["uploader"]);
    }

    [Fact]
    public async Task RunAsync_AfterIngestion_DisposesTheDownloadedContent()
    {
        var blob = NewBlob();

        await new IngestForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(blob, CancellationToken.None);

        Assert.True(blob.Opened!.Disposed);
    }

    [Fact]
    public async Task RunAsync_Ingested_LogsReceiptAndOutcomeWithSubmissionId()
    {
        var refusing = new RecordingIngestionService { StatusToReturn = IngestionStatus.Refused };

        await new IngestForm(new FormTriggerHandler(refusing, StorageNames.Unprefixed, logger)).RunAsync(NewBlob(), CancellationToken.None);

        var messages = logger.Collector.GetSnapshot().Select(r => r.Message).ToArray();
        Assert.Equal(
            [
                $"Form blob {BlobName} received",
                $"Form blob {BlobName} ingested: Refused, submission {SubmissionKeys.SubmissionId(BlobName, ETag)}, 0 warnings",
            ],
            messages);
        Assert.All(logger.Collector.GetSnapshot(), r => Assert.Equal(LogLevel.Information, r.Level));
    }

    [Fact]
    public async Task RunAsync_BlobDeletedBeforeTrigger_IngestsNothingAndWarns()
    {
        var blob = new FakeBlobClient(BlobName, Content, ETag, new Dictionary<string, string>(), LastModified)
        {
            Failure = new RequestFailedException(404, "The specified blob does not exist.", "BlobNotFound", null),
        };

        await new IngestForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(blob, CancellationToken.None);

        Assert.Empty(ingestion.Ingested);
        var last = logger.LatestRecord;
        Assert.Equal((LogLevel.Warning, $"Form blob {BlobName} was deleted before it could be ingested; nothing to do"), (last.Level, last.Message));
    }

    [Fact]
    public async Task RunAsync_StorageUnavailable_ThrowsSoTheTriggerRetries()
    {
        var blob = new FakeBlobClient(BlobName, Content, ETag, new Dictionary<string, string>(), LastModified)
        {
            Failure = new RequestFailedException(503, "The server is busy.", "ServerBusy", null),
        };

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => new IngestForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(blob, CancellationToken.None));

        Assert.Equal(503, failure.Status);
        Assert.Empty(ingestion.Ingested);
    }

    [Fact]
    public async Task RunAsync_WithToken_PassesTheSameTokenToDownloadAndPipeline()
    {
        using var cancellation = new CancellationTokenSource();
        var blob = NewBlob();

        await new IngestForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(blob, cancellation.Token);

        Assert.Equal(cancellation.Token, blob.DownloadToken);
        Assert.Equal(cancellation.Token, Assert.Single(ingestion.Ingested).Token);
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeDownload_ThrowsAndIngestsNothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new IngestForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(NewBlob(), cancellation.Token));

        Assert.Empty(ingestion.Ingested);
    }

    private static FakeBlobClient NewBlob(Dictionary<string, string>? metadata = null) =>
        new(BlobName, Content, ETag, metadata ?? [], LastModified);
}
