using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Notifications;

namespace Pmg.Storage;

/// <summary>
/// The notifier's tables (Contacts, NotificationLedger), created on first use when Pmg:Storage:CreateIfMissing is
/// set: the CLI's <c>pmg contacts import</c> runs no hosted services, so start-up provisioning would not cover it.
/// </summary>
public sealed class NotificationTables(TableServiceClient tables, IOptions<PmgStorageOptions> options)
{
    /// <summary>Table of the address book.</summary>
    public const string ContactsName = "Contacts";

    /// <summary>Table of sent and failed e-mails.</summary>
    public const string LedgerName = "NotificationLedger";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _created;

    /// <summary>The Contacts table.</summary>
    public TableClient Contacts { get; } = tables.GetTableClient(options.Value.Table(ContactsName));

    /// <summary>The NotificationLedger table.</summary>
    public TableClient Ledger { get; } = tables.GetTableClient(options.Value.Table(LedgerName));

    /// <summary>Creates both tables once per process (if allowed); cheap afterwards.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_created || !options.Value.CreateIfMissing)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                await Contacts.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                await Ledger.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Registers the notifier's table adapters.</summary>
public static class NotificationStorageExtensions
{
    /// <summary>Adds <see cref="IContactDirectory"/> and <see cref="INotificationLedger"/> over the Contacts and NotificationLedger tables (needs AddPmgStorage).</summary>
    public static IServiceCollection AddPmgNotificationStores(this IServiceCollection services)
    {
        services.TryAddSingleton<NotificationTables>();
        services.TryAddSingleton<IContactDirectory, TableContactDirectory>();
        services.TryAddSingleton<INotificationLedger, TableNotificationLedger>();
        return services;
    }
}
