using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Pmg.Storage;

/// <summary>The clients of this instance's tables, containers and queues (names carry the configured prefix).</summary>
public sealed class StorageLayout(
    TableServiceClient tables,
    BlobServiceClient blobs,
    QueueServiceClient queues,
    IOptions<PmgStorageOptions> options)
{
    /// <summary>The naming options.</summary>
    public PmgStorageOptions Options { get; } = options.Value;

    /// <summary>The Submissions table (every upload).</summary>
    public TableClient Submissions { get; } = tables.GetTableClient(options.Value.Table(StorageNames.Submissions));

    /// <summary>The CurrentSubmissions table.</summary>
    public TableClient CurrentSubmissions { get; } = tables.GetTableClient(options.Value.Table(StorageNames.CurrentSubmissions));

    /// <summary>The Activities table.</summary>
    public TableClient Activities { get; } = tables.GetTableClient(options.Value.Table(StorageNames.Activities));

    /// <summary>The ProgressRows table.</summary>
    public TableClient ProgressRows { get; } = tables.GetTableClient(options.Value.Table(StorageNames.ProgressRows));

    /// <summary>The RegionalResults table.</summary>
    public TableClient RegionalResults { get; } = tables.GetTableClient(options.Value.Table(StorageNames.RegionalResults));

    /// <summary>The PortalAccess table (who may use the portal for which regions).</summary>
    public TableClient PortalAccess { get; } = tables.GetTableClient(options.Value.Table(StorageNames.PortalAccess));

    /// <summary>The forms container.</summary>
    public BlobContainerClient Forms { get; } = blobs.GetBlobContainerClient(options.Value.FormsContainer);

    /// <summary>The reports container.</summary>
    public BlobContainerClient Reports { get; } = blobs.GetBlobContainerClient(options.Value.ReportsContainer);

    /// <summary>The container of the portal's data-protection key ring (antiforgery tokens valid on every instance).</summary>
    public BlobContainerClient PortalKeys { get; } = blobs.GetBlobContainerClient(options.Value.PortalKeysContainer);

    /// <summary>The receipts queue.</summary>
    public QueueClient Receipts { get; } = queues.GetQueueClient(options.Value.ReceiptsQueue);

    /// <summary>The alerts queue.</summary>
    public QueueClient Alerts { get; } = queues.GetQueueClient(options.Value.AlertsQueue);

    /// <summary>Every table of this project.</summary>
    public IEnumerable<TableClient> AllTables => [Submissions, CurrentSubmissions, Activities, ProgressRows, RegionalResults, PortalAccess];

    /// <summary>Every queue, with the poison queues the Functions host uses.</summary>
    public IEnumerable<QueueClient> AllQueues =>
        [Receipts, Alerts, queues.GetQueueClient(Options.ReceiptsQueue + "-poison"), queues.GetQueueClient(Options.AlertsQueue + "-poison")];
}
