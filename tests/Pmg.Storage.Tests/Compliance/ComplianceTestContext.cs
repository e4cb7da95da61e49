using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Testing;

namespace Pmg.Storage.Tests.Compliance;

/// <summary>
/// One test's world for the recalculation: the application wired as a host wires it (<see cref="StorageWorld"/>),
/// over its own prefixed tables, containers and queues, with a fixed clock and the three closing-form regions expected.
/// </summary>
internal sealed class ComplianceTestContext : IAsyncDisposable
{
    private readonly StorageWorld _world;

    private ComplianceTestContext(StorageWorld world, FakeTimeProvider time)
    {
        _world = world;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _world.Services;

    public IComplianceService Compliance => Services.GetRequiredService<IComplianceService>();

    public IIngestionService Ingestion => Services.GetRequiredService<IIngestionService>();

    public StorageLayout Layout => _world.Layout;

    public static async Task<ComplianceTestContext> CreateAsync(
        AzuriteFixture azurite, DateTimeOffset now, Action<IServiceCollection>? replace = null, string expectedRegions = "CL-TA,CL-VS,CL-BI")
    {
        var time = new FakeTimeProvider(now);
        var world = await StorageWorld.CreateAsync(
            azurite,
            new Dictionary<string, string?> { ["Pmg:ExpectedRegions"] = expectedRegions },
            services =>
            {
                services.AddSingleton<TimeProvider>(time);
                replace?.Invoke(services);
            },
            prefixLetter: "c");
        return new ComplianceTestContext(world, time);
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

    public static Task<List<TableEntity>> RowsAsync(TableClient table, string? partition = null) => StorageWorld.RowsAsync(table, partition);

    /// <summary>The table's rows as "PK/RK: property=value…" lines (without timestamps), to compare whole tables.</summary>
    public static async Task<List<string>> DumpAsync(TableClient table) =>
        (await RowsAsync(table))
            .Select(r => r.PartitionKey + "/" + r.RowKey + ": " + string.Join(";", r.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)))
            .Order(StringComparer.Ordinal)
            .ToList();

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
