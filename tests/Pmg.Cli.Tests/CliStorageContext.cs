using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pmg.Forms;
using Pmg.Pipeline;
using Pmg.Pipeline.Notifications;
using Pmg.Pipeline.Recalculation;
using Pmg.Storage;
using AzuriteFixture = Pmg.Storage.Tests.AzuriteFixture;

namespace Pmg.Cli.Tests;

/// <summary>
/// One CLI storage test's world on Azurite: its own prefix (so tests run in parallel), the pipeline wired as the
/// hosts wire it to ingest what `pmg upload` put in the forms container, and the arguments that point `pmg` at it.
/// </summary>
internal sealed class CliStorageContext : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CliStorageContext(ServiceProvider provider, string connectionString, string prefix)
    {
        _provider = provider;
        ConnectionString = connectionString;
        Prefix = prefix;
    }

    public string ConnectionString { get; }

    public string Prefix { get; }

    public StorageLayout Layout => _provider.GetRequiredService<StorageLayout>();

    public IIngestionService Ingestion => _provider.GetRequiredService<IIngestionService>();

    public IComplianceService Compliance => _provider.GetRequiredService<IComplianceService>();

    public INotificationLedger Notifications => _provider.GetRequiredService<INotificationLedger>();

    /// <summary>The options that send `pmg` to this test's account and prefix.</summary>
    public string[] StorageArgs => ["--connection-string", ConnectionString, "--storage-prefix", Prefix];

    public static async Task<CliStorageContext> CreateAsync(AzuriteFixture azurite)
    {
        var prefix = "c" + Guid.NewGuid().ToString("N")[..12];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PmgStorage"] = azurite.ConnectionString,
                ["Pmg:Services"] = "SERNAM",
                ["Pmg:Storage:Prefix"] = prefix,
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPmgForms().AddPmgPipeline(configuration).AddPmgStorage(configuration).AddPmgComplianceStorage().AddPmgNotificationStores();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync();
        return new CliStorageContext(provider, azurite.ConnectionString, prefix);
    }

    /// <summary>Runs `pmg` with this test's storage options appended.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, .. StorageArgs]);

    /// <summary>Delivers a blob of the forms container to the pipeline as the blob trigger does (content, ETag, metadata, Last-Modified).</summary>
    public async Task<IngestionOutcome> IngestAsync(string blobName)
    {
        var download = (await Layout.Forms.GetBlobClient(blobName).DownloadContentAsync()).Value;
        var incoming = new IncomingBlob(blobName, download.Details.ETag.ToString(), download.Content.ToStream(), download.Details.Metadata.AsReadOnly())
        {
            UploadedAt = download.Details.LastModified,
        };
        return await Ingestion.IngestAsync(incoming);
    }

    public async ValueTask DisposeAsync()
    {
        // `pmg status` also creates the recalculation's and the notifier's tables on first use.
        var tables = new TableServiceClient(ConnectionString);
        foreach (var name in StorageNames.Tables.Concat([ComplianceTables.NationalResultsName, ComplianceTables.AlertLedgerName, NotificationTables.ContactsName, NotificationTables.LedgerName]))
        {
            try
            {
                await tables.DeleteTableAsync(Prefix + name);
            }
            catch (Azure.RequestFailedException missing) when (missing.Status == 404)
            {
                // Never created by this test.
            }
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
