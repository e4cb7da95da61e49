using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Access;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Notifications;
using Pmg.Storage.Compliance;
using Pmg.Storage.Ingestion;
using Pmg.Storage.Notifications;

namespace Pmg.Storage;

/// <summary>Registers the Azure Storage adapters.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds Blob, Queue and Table service clients (singletons, through AddAzureClients) from the connection
    /// "PmgStorage" — a connection string, or identity-based <c>PmgStorage:blobServiceUri</c>/<c>queueServiceUri</c>/
    /// <c>tableServiceUri</c> with <c>credential=managedidentity</c> and optional <c>clientId</c> — the names
    /// (<see cref="StorageNames"/>, from Pmg:Storage:Prefix), and every table, queue and blob adapter behind the
    /// pipeline's ports. Every request is counted by <see cref="StorageRequestCounter"/>.
    /// </summary>
    public static IServiceCollection AddPmgStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PmgStorageOptions>().BindConfiguration(PmgStorageOptions.SectionName)
            .Validate(o => o.Prefix.Length == 0 || (o.Prefix.Length <= 20 && char.IsAsciiLetterLower(o.Prefix[0]) && o.Prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))),
                "Pmg:Storage:Prefix must be lower-case letters and digits, start with a letter, at most 20 characters.")
            .ValidateOnStart();
        var counter = new StorageRequestCounter();
        services.TryAddSingleton(counter);

        // Read when a client is first resolved, not now: a host that never touches storage (e.g. an offline CLI
        // command) can register it without a connection configured.
        var connection = configuration.GetSection(PmgStorageOptions.ConnectionName);
        services.AddAzureClients(clients =>
        {
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, _) =>
                ConnectionString(connection) is { } text
                    ? new BlobServiceClient(text, options)
                    : new BlobServiceClient(RequiredUri(connection, "blobServiceUri"), credential, options));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, _) =>
            {
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return ConnectionString(connection) is { } text
                    ? new QueueServiceClient(text, options)
                    : new QueueServiceClient(RequiredUri(connection, "queueServiceUri"), credential, options);
            });
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, _) =>
                ConnectionString(connection) is { } text
                    ? new TableServiceClient(text, options)
                    : new TableServiceClient(RequiredUri(connection, "tableServiceUri"), credential, options));
            clients.UseCredential(_ => Credential(connection));

            clients.ConfigureDefaults(o =>
            {
                // The SDK retries transient failures (408, 429, 5xx, network); the trigger's own retry covers longer outages.
                o.Retry.Mode = RetryMode.Exponential;
                o.Retry.MaxRetries = 4;
                o.Retry.Delay = TimeSpan.FromMilliseconds(400);
                o.Retry.MaxDelay = TimeSpan.FromSeconds(10);
                o.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
                o.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            });
        });

        services.TryAddSingleton(provider => new StorageNames(provider.GetRequiredService<IOptions<PmgStorageOptions>>().Value.Prefix));
        services.TryAddSingleton<StorageLayout>();
        services.TryAddSingleton<IStorageProvisioner, StorageProvisioner>();
        services.TryAddSingleton<IPoisonQueueGauge, PoisonQueueGauge>();
        services.AddHostedService<StorageProvisioningService>();

        // Ingestion: Submissions, Activities, ProgressRows, CurrentSubmissions, the receipts queue, blob tags, the forms container.
        services.TryAddSingleton<ISubmissionLedger, TableSubmissionLedger>();
        services.TryAddSingleton<ISubmissionContentStore, TableSubmissionContentStore>();
        services.TryAddSingleton<ICurrentSubmissionStore, TableCurrentSubmissionStore>();
        services.TryAddSingleton<IReceiptQueue, StorageReceiptQueue>();
        services.TryAddSingleton<IBlobTagger, BlobIndexTagger>();
        services.TryAddSingleton<IFormStore, BlobFormStore>();

        // Compliance: RegionalResults, NationalResults, AlertLedger, the alerts queue, the reports container.
        services.TryAddSingleton<IRegionalResultStore, TableRegionalResultStore>();
        services.TryAddSingleton<INationalResultStore, TableNationalResultStore>();
        services.TryAddSingleton<IAlertLedger, TableAlertLedger>();
        services.TryAddSingleton<IAlertQueue, StorageAlertQueue>();
        services.TryAddSingleton<IReportStore, BlobReportStore>();

        // Notifications: Contacts, NotificationLedger.
        services.TryAddSingleton<IContactDirectory, TableContactDirectory>();
        services.TryAddSingleton<INotificationLedger, TableNotificationLedger>();

        // The portal: PortalAccess.
        services.TryAddSingleton<IPortalAccessStore, TablePortalAccessStore>();
        return services;
    }

    private static string? ConnectionString(IConfigurationSection connection) =>
        string.IsNullOrWhiteSpace(connection.Value) ? null : connection.Value;

    private static Uri RequiredUri(IConfigurationSection connection, string key) =>
        Uri.TryCreate(connection[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Connection '{connection.Path}' needs a connection string or '{connection.Path}:{key}'.");

    private static TokenCredential Credential(IConfigurationSection connection)
    {
        var clientId = connection["clientId"];
        if (string.Equals(connection["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential();
    }
}
