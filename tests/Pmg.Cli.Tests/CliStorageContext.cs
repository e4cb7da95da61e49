using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Notifications;
using Pmg.Storage;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

/// <summary>
/// One CLI storage test's world on Azurite (<see cref="StorageWorld"/>): its own prefix (so tests run in parallel),
/// the application wired as the hosts wire it to ingest what `pmg upload` put in the forms container, and the
/// arguments that point `pmg` at it.
/// </summary>
internal sealed class CliStorageContext : IAsyncDisposable
{
    private readonly StorageWorld _world;

    private CliStorageContext(StorageWorld world) => _world = world;

    public string ConnectionString => _world.ConnectionString;

    public string Prefix => _world.Prefix;

    public StorageLayout Layout => _world.Layout;

    public IIngestionService Ingestion => _world.Services.GetRequiredService<IIngestionService>();

    public IComplianceService Compliance => _world.Services.GetRequiredService<IComplianceService>();

    public INotificationLedger Notifications => _world.Services.GetRequiredService<INotificationLedger>();

    public IReportStore Reports => _world.Services.GetRequiredService<IReportStore>();

    /// <summary>The options that send `pmg` to this test's account and prefix.</summary>
    public string[] StorageArgs => ["--connection-string", ConnectionString, "--storage-prefix", Prefix];

    public static async Task<CliStorageContext> CreateAsync(AzuriteFixture azurite) =>
        new(await StorageWorld.CreateAsync(azurite, prefixLetter: "c"));

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

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
