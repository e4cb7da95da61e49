using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline;
using Pmg.Storage.Tests;

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

    private LocalHostTestContext(IHost host, BlobContainerClient forms)
    {
        _host = host;
        Forms = forms;
    }

    /// <summary>The forms container the trigger watches.</summary>
    public BlobContainerClient Forms { get; }

    public ISubmissionLedger Ledger => _host.Services.GetRequiredService<ISubmissionLedger>();

    public ISubmissionQueries Queries => _host.Services.GetRequiredService<ISubmissionQueries>();

    public ICurrentSubmissionStore CurrentSubmissions => _host.Services.GetRequiredService<ICurrentSubmissionStore>();

    public Pmg.Storage.StorageLayout Layout => _host.Services.GetRequiredService<Pmg.Storage.StorageLayout>();

    /// <summary>Starts the host; <paramref name="configureServices"/> runs last, so it can replace any registration.</summary>
    public static async Task<LocalHostTestContext> StartAsync(AzuriteFixture azurite, Action<IServiceCollection>? configureServices = null)
    {
        var host = LocalHostBuilder.Create([])
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["PmgStorage"] = azurite.ConnectionString,
                ["Pmg:Services"] = "SERNAM",
            }))
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

        var forms = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("forms");
        await forms.CreateIfNotExistsAsync();
        await host.StartAsync();
        return new LocalHostTestContext(host, forms);
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
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var record = await Ledger.FindAsync(partition, id, CancellationToken.None);
            if (record is { Completed: true })
            {
                return record;
            }

            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"No completed record for {blobName} ({id}) within {WaitLimit.TotalSeconds} s.");
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
