using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Pmg.Storage;

/// <summary>Creates the tables, containers and queues this instance uses: the one provisioning path of hosts, CLI and tests.</summary>
public interface IStorageProvisioner
{
    /// <summary>Creates whatever is missing; safe to call repeatedly.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates missing storage resources with CreateIfNotExists calls, each group at once.</summary>
internal sealed class StorageProvisioner(StorageLayout layout) : IStorageProvisioner
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(layout.AllTables.Select(t => t.CreateIfNotExistsAsync(cancellationToken))).ConfigureAwait(false);
        await Task.WhenAll(layout.AllContainers.Select(c => c.CreateIfNotExistsAsync(cancellationToken: cancellationToken))).ConfigureAwait(false);
        await Task.WhenAll(layout.AllQueues.Select(q => q.CreateIfNotExistsAsync(cancellationToken: cancellationToken))).ConfigureAwait(false);
    }
}

/// <summary>Provisions storage when the host starts (unless Pmg:Storage:CreateIfMissing is false; in Azure the templates create everything).</summary>
internal sealed class StorageProvisioningService(IStorageProvisioner provisioner, IOptions<PmgStorageOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateIfMissing ? provisioner.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
