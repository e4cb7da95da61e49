using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Pmg.Storage;

/// <summary>The clients of this instance's tables, containers and queues, named by <see cref="StorageNames"/>.</summary>
public sealed class StorageLayout(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, StorageNames names)
{
    /// <summary>The names (with the configured prefix).</summary>
    public StorageNames Names { get; } = names;

    /// <summary>The Submissions table (every upload).</summary>
    public TableClient Submissions { get; } = tables.GetTableClient(names.SubmissionsTable);

    /// <summary>The CurrentSubmissions table.</summary>
    public TableClient CurrentSubmissions { get; } = tables.GetTableClient(names.CurrentSubmissionsTable);

    /// <summary>The Activities table.</summary>
    public TableClient Activities { get; } = tables.GetTableClient(names.ActivitiesTable);

    /// <summary>The ProgressRows table.</summary>
    public TableClient ProgressRows { get; } = tables.GetTableClient(names.ProgressRowsTable);

    /// <summary>The RegionalResults table.</summary>
    public TableClient RegionalResults { get; } = tables.GetTableClient(names.RegionalResultsTable);

    /// <summary>The NationalResults table.</summary>
    public TableClient NationalResults { get; } = tables.GetTableClient(names.NationalResultsTable);

    /// <summary>The AlertLedger table.</summary>
    public TableClient AlertLedger { get; } = tables.GetTableClient(names.AlertLedgerTable);

    /// <summary>The Contacts table.</summary>
    public TableClient Contacts { get; } = tables.GetTableClient(names.ContactsTable);

    /// <summary>The NotificationLedger table.</summary>
    public TableClient NotificationLedger { get; } = tables.GetTableClient(names.NotificationLedgerTable);

    /// <summary>The PortalAccess table (who may use the portal for which regions).</summary>
    public TableClient PortalAccess { get; } = tables.GetTableClient(names.PortalAccessTable);

    /// <summary>The forms container.</summary>
    public BlobContainerClient Forms { get; } = blobs.GetBlobContainerClient(names.FormsContainer);

    /// <summary>The reports container.</summary>
    public BlobContainerClient Reports { get; } = blobs.GetBlobContainerClient(names.ReportsContainer);

    /// <summary>The container of the portal's data-protection key ring (antiforgery tokens valid on every instance).</summary>
    public BlobContainerClient PortalKeys { get; } = blobs.GetBlobContainerClient(names.PortalKeysContainer);

    /// <summary>The receipts queue.</summary>
    public QueueClient Receipts { get; } = queues.GetQueueClient(names.ReceiptsQueue);

    /// <summary>The alerts queue.</summary>
    public QueueClient Alerts { get; } = queues.GetQueueClient(names.AlertsQueue);

    /// <summary>Every table.</summary>
    public IEnumerable<TableClient> AllTables => [Submissions, CurrentSubmissions, Activities, ProgressRows, RegionalResults, NationalResults, AlertLedger, Contacts, NotificationLedger, PortalAccess];

    /// <summary>Every container.</summary>
    public IEnumerable<BlobContainerClient> AllContainers => [Forms, Reports, PortalKeys];

    /// <summary>Every queue, with the poison queues the hosts use.</summary>
    public IEnumerable<QueueClient> AllQueues => Names.Queues.Select(queues.GetQueueClient);
}
