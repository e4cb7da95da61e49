using Azure.Data.Tables;

namespace Pmg.Storage;

/// <summary>
/// Creates a group of tables once per process when missing (unless Pmg:Storage:CreateIfMissing is false), for stores
/// the CLI uses without the hosts' start-up provisioning; cheap after the first call.
/// </summary>
internal sealed class TablesCreatedOnce(bool createIfMissing)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done = !createIfMissing;

    /// <summary>Creates the given tables the first time it is called.</summary>
    public async Task EnsureAsync(IReadOnlyList<TableClient> tables, CancellationToken cancellationToken = default)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                foreach (var table in tables)
                {
                    await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                }

                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
