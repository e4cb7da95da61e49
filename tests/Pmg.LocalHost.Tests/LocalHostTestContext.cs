using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Ingestion;
using Pmg.Storage;
using Pmg.Testing;

namespace Pmg.LocalHost.Tests;

/// <summary>
/// The local host as <c>dotnet run --project src/Pmg.LocalHost</c> builds it, pointed at the test Azurite, with short
/// polling intervals and a low poison threshold so a test sees results within seconds.
/// </summary>
internal sealed class LocalHostTestContext : IAsyncDisposable
{
    /// <summary>How many times the blob trigger tries a blob before poisoning it.</summary>
    public const int PoisonBlobThreshold = 3;

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private readonly IHost _host;

    private LocalHostTestContext(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>The forms container the trigger watches (with the instance's prefix).</summary>
    public BlobContainerClient Forms => Layout.Forms;

    public ISubmissionLedger Ledger => _host.Services.GetRequiredService<ISubmissionLedger>();

    public ICurrentSubmissionStore CurrentSubmissions => _host.Services.GetRequiredService<ICurrentSubmissionStore>();

    public StorageLayout Layout => _host.Services.GetRequiredService<StorageLayout>();

    /// <summary>
    /// Starts the host with <paramref name="settings"/> over the defaults (Azurite, SERNAM); <paramref name="configureServices"/>
    /// runs last, so it can replace any registration.
    /// </summary>
    public static async Task<LocalHostTestContext> StartAsync(
        AzuriteFixture azurite, Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["PmgStorage"] = azurite.ConnectionString,
            ["Pmg:Services"] = "SERNAM",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var host = LocalHostBuilder.Create([])
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(values))
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services =>
            {
                services.Configure<QueuesOptions>(options =>
                {
                    options.MaxPollingInterval = TimeSpan.FromMilliseconds(500);
                    options.VisibilityTimeout = TimeSpan.Zero;
                });
                services.Configure<BlobsOptions>(options => options.PoisonBlobThreshold = PoisonBlobThreshold);
                configureServices?.Invoke(services);
            })
            .Build();

        await host.StartAsync();
        return new LocalHostTestContext(host);
    }

    /// <summary>Uploads a form as a regional user would; returns its name and ETag (which identify the submission).</summary>
    public async Task<(string Name, string ETag)> UploadAsync(string name, byte[] content, string? uploader = null)
    {
        var metadata = uploader is null ? null : new Dictionary<string, string> { ["uploader"] = uploader };
        var info = (await Forms.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata })).Value;
        return (name, info.ETag.ToString());
    }

    /// <summary>Polls the ledger until the upload's record is completed, for at most a minute.</summary>
    public async Task<SubmissionRecord> WaitForRecordAsync(string blobName, string eTag, int year = 2009)
    {
        var id = SubmissionKeys.SubmissionId(blobName, eTag);
        var partition = SubmissionKeys.Partition("SERNAM", year);
        SubmissionRecord? record = null;
        await WaitAsync(async () => (record = await Ledger.FindAsync(partition, id, CancellationToken.None)) is { Completed: true }, $"a completed record for {blobName} ({id})");
        return record!;
    }

    /// <summary>Polls <paramref name="done"/> every 250 ms, for at most a minute.</summary>
    public static async Task WaitAsync(Func<Task<bool>> done, string what)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!await done())
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"No {what} within {WaitLimit.TotalSeconds} s.");
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>The tests that run a local host: one at a time, since every host shares the account's blob-trigger poison queue.</summary>
[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "local host";
}
