using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pmg.Forms;
using Pmg.Pipeline;

namespace Pmg.Storage.Tests;

/// <summary>
/// One test's world: the pipeline wired as a host wires it (AddPmgForms, AddPmgPipeline, AddPmgStorage) over its own
/// tables, containers and queues (a unique prefix), so tests run in parallel and never see each other's data.
/// </summary>
internal sealed class StorageTestContext : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private StorageTestContext(ServiceProvider provider) => _provider = provider;

    public IServiceProvider Services => _provider;

    public IIngestionService Ingestion => _provider.GetRequiredService<IIngestionService>();

    public ISubmissionQueries Queries => _provider.GetRequiredService<ISubmissionQueries>();

    public StorageLayout Layout => _provider.GetRequiredService<StorageLayout>();

    public StorageRequestCounter Counter => _provider.GetRequiredService<StorageRequestCounter>();

    public static async Task<StorageTestContext> CreateAsync(AzuriteFixture azurite, string services = "SERNAM")
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PmgStorage"] = azurite.ConnectionString,
                ["Pmg:Services"] = services,
                ["Pmg:Storage:Prefix"] = prefix,
            })
            .Build();
        var services_ = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services_.AddPmgForms().AddPmgPipeline(configuration).AddPmgStorage(configuration);
        var provider = services_.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var context = new StorageTestContext(provider);
        await provider.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync();
        return context;
    }

    /// <summary>Uploads a form blob as a regional user would; returns what the trigger would see.</summary>
    public async Task<UploadedBlob> UploadAsync(string name, byte[] content, string? uploader = null)
    {
        var blob = Layout.Forms.GetBlobClient(name);
        var metadata = uploader is null ? null : new Dictionary<string, string> { ["uploader"] = uploader };
        var info = (await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata })).Value;
        return new UploadedBlob(name, info.ETag.ToString(), info.LastModified);
    }

    /// <summary>Delivers an uploaded blob to the pipeline, as the blob trigger does (content, ETag, metadata).</summary>
    public async Task<IngestionOutcome> DeliverAsync(UploadedBlob uploaded, DateTimeOffset? uploadedAt = null)
    {
        var blob = Layout.Forms.GetBlobClient(uploaded.Name);
        var download = (await blob.DownloadContentAsync()).Value;
        var incoming = new IncomingBlob(uploaded.Name, uploaded.ETag, download.Content.ToStream(), download.Details.Metadata.AsReadOnly())
        {
            UploadedAt = uploadedAt ?? uploaded.LastModified,
        };
        return await Ingestion.IngestAsync(incoming);
    }

    public async Task<(string ETag, string Sha256, IDictionary<string, string> Metadata)> SnapshotAsync(string name)
    {
        var blob = Layout.Forms.GetBlobClient(name);
        var download = (await blob.DownloadContentAsync()).Value;
        return (download.Details.ETag.ToString(), Convert.ToHexString(SHA256.HashData(download.Content.ToArray())), download.Details.Metadata);
    }

    public async Task<IDictionary<string, string>> TagsAsync(string name) =>
        (await Layout.Forms.GetBlobClient(name).GetTagsAsync()).Value.Tags;

    /// <summary>Every receipt on the queue (received, so each test reads its own queue once).</summary>
    public async Task<List<Receipt>> ReceiptsAsync()
    {
        var receipts = new List<Receipt>();
        while (true)
        {
            var batch = (await Layout.Receipts.ReceiveMessagesAsync(maxMessages: 32)).Value;
            if (batch.Length == 0)
            {
                return receipts;
            }

            receipts.AddRange(batch.Select(m => ReceiptJson.Deserialize(m.Body.ToString())!));
        }
    }

    public static async Task<List<TableEntity>> RowsAsync(TableClient table, string partition) =>
        await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var table in Layout.AllTables)
        {
            await table.DeleteAsync();
        }

        await Layout.Forms.DeleteIfExistsAsync();
        await Layout.Reports.DeleteIfExistsAsync();
        foreach (var queue in Layout.AllQueues)
        {
            await queue.DeleteIfExistsAsync();
        }

        await _provider.DisposeAsync();
    }
}

/// <summary>An uploaded blob as the trigger sees it.</summary>
internal sealed record UploadedBlob(string Name, string ETag, DateTimeOffset LastModified);
