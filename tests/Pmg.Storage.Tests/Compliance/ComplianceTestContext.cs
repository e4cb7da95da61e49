using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmg.Forms;
using Pmg.Pipeline;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Recalculation;

namespace Pmg.Storage.Tests.Recalculation;

/// <summary>
/// One test's world for the recalculation: the pipeline and the compliance adapters wired as a host wires them,
/// over its own prefixed tables, containers and queues, with a fixed clock and the three closing-form regions expected.
/// </summary>
internal sealed class ComplianceTestContext : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ComplianceTestContext(ServiceProvider provider, FakeTimeProvider time)
    {
        _provider = provider;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _provider;

    public IComplianceService Compliance => _provider.GetRequiredService<IComplianceService>();

    public IIngestionService Ingestion => _provider.GetRequiredService<IIngestionService>();

    public StorageLayout Layout => _provider.GetRequiredService<StorageLayout>();

    public ComplianceTables Tables => _provider.GetRequiredService<ComplianceTables>();

    public static async Task<ComplianceTestContext> CreateAsync(
        AzuriteFixture azurite, DateTimeOffset now, Action<IServiceCollection>? replace = null, string expectedRegions = "CL-TA,CL-VS,CL-BI")
    {
        var prefix = "c" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PmgStorage"] = azurite.ConnectionString,
                ["Pmg:Services"] = "SERNAM",
                ["Pmg:ExpectedRegions"] = expectedRegions,
                ["Pmg:Storage:Prefix"] = prefix,
            })
            .Build();
        var time = new FakeTimeProvider(now);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPmgForms().AddPmgPipeline(configuration).AddPmgStorage(configuration).AddPmgComplianceStorage();
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync();
        return new ComplianceTestContext(provider, time);
    }

    /// <summary>Uploads a sample form to <c>forms/SERNAM/2009/{region}/{file}</c> and ingests it as the blob trigger would.</summary>
    public async Task<IngestionOutcome> IngestAsync(string region, string sampleFile, DateTimeOffset uploadedAt)
    {
        var name = $"SERNAM/2009/{region}/{sampleFile}";
        var blob = Layout.Forms.GetBlobClient(name);
        var info = (await blob.UploadAsync(new BinaryData(Samples.Form(sampleFile)), new BlobUploadOptions())).Value;
        var download = (await blob.DownloadContentAsync()).Value;
        var incoming = new IncomingBlob(name, info.ETag.ToString(), download.Content.ToStream(), new Dictionary<string, string>()) { UploadedAt = uploadedAt };
        return await Ingestion.IngestAsync(incoming);
    }

    public async Task<List<AlertDigestMessage>> DigestsAsync()
    {
        var digests = new List<AlertDigestMessage>();
        while (true)
        {
            var batch = (await Layout.Alerts.ReceiveMessagesAsync(maxMessages: 32)).Value;
            if (batch.Length == 0)
            {
                return digests;
            }

            digests.AddRange(batch.Select(m => AlertDigestJson.Deserialize(m.Body.ToString())!));
        }
    }

    public static async Task<List<TableEntity>> RowsAsync(TableClient table, string? partition = null) =>
        await table.QueryAsync<TableEntity>(partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();

    /// <summary>The table's rows as "PK/RK: property=value…" lines (without timestamps), to compare whole tables.</summary>
    public static async Task<List<string>> DumpAsync(TableClient table) =>
        (await RowsAsync(table))
            .Select(r => r.PartitionKey + "/" + r.RowKey + ": " + string.Join(";", r.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)))
            .Order(StringComparer.Ordinal)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var table in Layout.AllTables.Append(Tables.NationalResults).Append(Tables.AlertLedger))
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
