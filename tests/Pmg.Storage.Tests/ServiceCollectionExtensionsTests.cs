using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pmg.Storage.Tests;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPmgStorage_IdentityBasedSettings_ClientsUseTheServiceUris()
    {
        using var provider = Build(new()
        {
            ["PmgStorage:blobServiceUri"] = "https://pmgdata.blob.core.windows.net/",
            ["PmgStorage:queueServiceUri"] = "https://pmgdata.queue.core.windows.net/",
            ["PmgStorage:tableServiceUri"] = "https://pmgdata.table.core.windows.net/",
            ["PmgStorage:credential"] = "managedidentity",
            ["PmgStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal("https://pmgdata.blob.core.windows.net/", provider.GetRequiredService<BlobServiceClient>().Uri.ToString());
        Assert.Equal("https://pmgdata.queue.core.windows.net/", provider.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal("https://pmgdata.table.core.windows.net/", provider.GetRequiredService<TableServiceClient>().Uri.ToString());
        Assert.Same(provider.GetRequiredService<BlobServiceClient>(), provider.GetRequiredService<BlobServiceClient>());
    }

    [Fact]
    public void AddPmgStorage_ConnectionStringAndPrefix_NamesCarryThePrefix()
    {
        using var provider = Build(new()
        {
            ["PmgStorage"] = "UseDevelopmentStorage=true",
            ["Pmg:Storage:Prefix"] = "dev1",
        });

        var layout = provider.GetRequiredService<StorageLayout>();

        Assert.Equal(("dev1Submissions", "dev1-forms", "dev1-receipts"), (layout.Submissions.Name, layout.Forms.Name, layout.Receipts.Name));
        Assert.Equal(10000, layout.Forms.Uri.Port);
    }

    [Fact]
    public void AddPmgStorage_NoConnection_FailsOnlyWhenStorageIsUsed()
    {
        using var provider = Build([]);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<BlobServiceClient>());

        Assert.Contains("PmgStorage", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPmgStorage(configuration);
        return services.BuildServiceProvider();
    }
}
