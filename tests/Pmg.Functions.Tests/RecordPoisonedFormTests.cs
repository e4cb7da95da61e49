using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Pmg.Hosting;
using Pmg.Storage;
using Pmg.Pipeline.Messages;

namespace Pmg.Functions.Tests;

public sealed class RecordPoisonedFormTests
{
    // As the blob extension writes it to webjobs-blobtrigger-poison.
    private const string PoisonJson = """
        {"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestForm","BlobType":"BlockBlob",
         "ContainerName":"forms","BlobName":"SERNAM/2009/CL-TA/cierre-2009-CL-TA.xlsx","ETag":"\"0x8DC0FFEE1234567\""}
        """;

    private readonly RecordingIngestionService ingestion = new();
    private readonly FakeLogger<FormTriggerHandler> logger = new();

    [Fact]
    public void PoisonBlobMessage_ExtensionJson_DeserializesBlobNameAndETag()
    {
        var message = PoisonBlobMessage.Parse(PoisonJson)!;

        Assert.Equal("Host.Functions.IngestForm", message.FunctionId);
        Assert.Equal("forms", message.ContainerName);
        Assert.Equal("SERNAM/2009/CL-TA/cierre-2009-CL-TA.xlsx", message.BlobName);
        Assert.Equal("\"0x8DC0FFEE1234567\"", message.ETag);
    }

    [Fact]
    public async Task RunAsync_PoisonedFormBlob_RecordsFailureWithSpanishReason()
    {
        await new RecordPoisonedForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(PoisonJson, CancellationToken.None);

        var (blobName, version, reason, _) = Assert.Single(ingestion.Failures);
        Assert.Equal("SERNAM/2009/CL-TA/cierre-2009-CL-TA.xlsx", blobName);
        Assert.Equal("\"0x8DC0FFEE1234567\"", version);
        Assert.Equal("la ingesta falló en cada uno de los reintentos automáticos.", reason);
    }

    [Fact]
    public async Task RunAsync_PoisonedFormBlob_LogsErrorThenRecordedFailure()
    {
        await new RecordPoisonedForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(PoisonJson, CancellationToken.None);

        var records = logger.Collector.GetSnapshot();
        Assert.Equal(2, records.Count);
        Assert.Equal(LogLevel.Error, records[0].Level);
        Assert.Contains("SERNAM/2009/CL-TA/cierre-2009-CL-TA.xlsx", records[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Form blob SERNAM/2009/CL-TA/cierre-2009-CL-TA.xlsx recorded as failed submission ", records[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PoisonedBlobOfAnotherContainer_RecordsNothingAndWarns()
    {
        var message = new PoisonBlobMessage { ContainerName = "reports", BlobName = "SERNAM/2009/consolidado.xlsx", ETag = "\"0x1\"" };

        await new RecordPoisonedForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(message.ToJson(), CancellationToken.None);

        Assert.Empty(ingestion.Failures);
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Collector.GetSnapshot()).Level);
    }

    [Fact]
    public async Task RunAsync_WithToken_PassesTheTokenToThePipeline()
    {
        using var cancellation = new CancellationTokenSource();
        await new RecordPoisonedForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync(PoisonJson, cancellation.Token);

        Assert.Equal(cancellation.Token, Assert.Single(ingestion.Failures).Token);
    }

    [Fact]
    public async Task RunAsync_PrefixedInstance_RecordsItsOwnContainersBlobAndIgnoresTheUnprefixedOne()
    {
        var prefixed = new FormTriggerHandler(ingestion, new StorageNames("x"), logger);
        var own = new PoisonBlobMessage { ContainerName = "x-forms", BlobName = "SERNAM/2009/CL-TA/f.docx", ETag = "\"0x2\"" };

        await new RecordPoisonedForm(prefixed).RunAsync(PoisonJson, CancellationToken.None);
        await new RecordPoisonedForm(prefixed).RunAsync(own.ToJson(), CancellationToken.None);

        var failure = Assert.Single(ingestion.Failures);
        Assert.Equal(("SERNAM/2009/CL-TA/f.docx", "\"0x2\""), (failure.BlobName, failure.Version));
    }

    [Fact]
    public async Task RunAsync_NotJson_RecordsNothingAndWarns()
    {
        await new RecordPoisonedForm(new FormTriggerHandler(ingestion, StorageNames.Unprefixed, logger)).RunAsync("esto no es json", CancellationToken.None);

        Assert.Empty(ingestion.Failures);
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Collector.GetSnapshot()).Level);
    }
}
