using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Storage;

namespace Pmg.Testing;

/// <summary>
/// One test's storage on the shared Azurite: the application wired as the hosts wire it over its own prefix (so tests
/// run in parallel and never see each other's data), every table, container and queue provisioned, and all of them
/// deleted at dispose.
/// </summary>
public sealed class StorageWorld : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private StorageWorld(ServiceProvider provider, IConfiguration configuration, string connectionString, string prefix)
    {
        _provider = provider;
        Configuration = configuration;
        ConnectionString = connectionString;
        Prefix = prefix;
    }

    /// <summary>The services.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The configuration they were built from.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The emulator's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>This world's name prefix.</summary>
    public string Prefix { get; }

    /// <summary>The clients of this world's tables, containers and queues.</summary>
    public StorageLayout Layout => _provider.GetRequiredService<StorageLayout>();

    /// <summary>
    /// Creates a world: "PmgStorage", "Pmg:Services" (SERNAM unless given) and "Pmg:Storage:Prefix" are set, then
    /// <paramref name="settings"/>; <paramref name="replace"/> runs after the application's registrations.
    /// </summary>
    public static async Task<StorageWorld> CreateAsync(
        AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null, string prefixLetter = "t")
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var prefix = prefixLetter + Guid.NewGuid().ToString("N")[..12];
        var values = new Dictionary<string, string?>
        {
            ["PmgStorage"] = azurite.ConnectionString,
            ["Pmg:Services"] = "SERNAM",
            ["Pmg:Storage:Prefix"] = prefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = TestServices.Configuration(values);
        var provider = TestServices.Build(configuration, replace);
        await provider.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync();
        return new StorageWorld(provider, configuration, azurite.ConnectionString, prefix);
    }

    /// <summary>One partition's rows, as the storage explorer shows them.</summary>
    public static async Task<List<TableEntity>> RowsAsync(TableClient table, string? partition = null) =>
        await table.QueryAsync<TableEntity>(partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        var layout = Layout;
        foreach (var table in layout.AllTables)
        {
            await table.DeleteAsync();
        }

        foreach (var container in layout.AllContainers)
        {
            await container.DeleteIfExistsAsync();
        }

        foreach (var queue in layout.AllQueues)
        {
            await queue.DeleteIfExistsAsync();
        }

        await _provider.DisposeAsync();
    }
}
