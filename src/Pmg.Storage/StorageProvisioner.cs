using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Pmg.Storage;

/// <summary>Creates the tables, containers and queues this instance uses.</summary>
public interface IStorageProvisioner
{
    /// <summary>Creates whatever is missing; safe to call repeatedly.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates missing storage resources with CreateIfNotExists calls.</summary>
internal sealed class StorageProvisioner(StorageLayout layout) : IStorageProvisioner
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in layout.AllTables)
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        await layout.Forms.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await layout.Reports.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await layout.PortalKeys.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var queue in layout.AllQueues)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Provisions storage when the host starts (unless Pmg:Storage:CreateIfMissing is false).</summary>
internal sealed class StorageProvisioningService(IStorageProvisioner provisioner, IOptions<PmgStorageOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateIfMissing ? provisioner.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
