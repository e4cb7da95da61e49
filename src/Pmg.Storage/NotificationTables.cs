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

    private readonly TablesCreatedOnce _creation = new(options.Value.CreateIfMissing);

    /// <summary>The Contacts table.</summary>
    public TableClient Contacts { get; } = tables.GetTableClient(options.Value.Table(ContactsName));

    /// <summary>The NotificationLedger table.</summary>
    public TableClient Ledger { get; } = tables.GetTableClient(options.Value.Table(LedgerName));

    /// <summary>Creates both tables once per process (if allowed); cheap afterwards.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        _creation.EnsureAsync([Contacts, Ledger], cancellationToken);
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
