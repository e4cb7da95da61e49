namespace Pmg.Storage;

/// <summary>
/// The one owner of every storage name: tables, containers and queues, with <see cref="PmgStorageOptions.Prefix"/>
/// applied (tables "{prefix}Submissions", containers and queues "{prefix}-forms"), and the settings the hosts'
/// trigger attributes bind to (<see cref="Triggers"/>). Every adapter, host and test takes names from here.
/// </summary>
public sealed class StorageNames
{
    /// <summary>The blob index tag that marks a form blob with its outcome (accepted, refused, failed).</summary>
    public const string OutcomeTag = "pmg-outcome";

    /// <summary>The suffix of a queue's poison queue (the queue extension's convention).</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Names as written with no prefix (what the Bicep templates create in Azure).</summary>
    public static StorageNames Unprefixed { get; } = new("");

    /// <summary>The names of an instance whose resources carry <paramref name="prefix"/>.</summary>
    public StorageNames(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Prefix = prefix;
    }

    /// <summary>The prefix applied.</summary>
    public string Prefix { get; }

    /// <summary>Uploaded forms: <c>{service}/{year}/{region}/{file}</c>.</summary>
    public string FormsContainer => Name("forms");

    /// <summary>Generated workbooks: <c>{service}/{year}/cumplimiento-….xlsx</c> and <c>latest.xlsx</c>.</summary>
    public string ReportsContainer => Name("reports");

    /// <summary>The portal's data-protection key ring (<c>keys.xml</c>), so antiforgery tokens hold on every instance.</summary>
    public string PortalKeysContainer => Name("portal-keys");

    /// <summary>One receipt per upload outcome.</summary>
    public string ReceiptsQueue => Name("receipts");

    /// <summary>Receipts that failed on every delivery.</summary>
    public string ReceiptsPoisonQueue => ReceiptsQueue + PoisonSuffix;

    /// <summary>Alert digests of activities at risk.</summary>
    public string AlertsQueue => Name("alerts");

    /// <summary>Digests that failed on every delivery.</summary>
    public string AlertsPoisonQueue => AlertsQueue + PoisonSuffix;

    /// <summary>Every upload.</summary>
    public string SubmissionsTable => Table("Submissions");

    /// <summary>Region → current submission.</summary>
    public string CurrentSubmissionsTable => Table("CurrentSubmissions");

    /// <summary>Programmes and activities per submission version.</summary>
    public string ActivitiesTable => Table("Activities");

    /// <summary>III.4 rows per submission version.</summary>
    public string ProgressRowsTable => Table("ProgressRows");

    /// <summary>Programme results and summary per submission version, partitioned by service and year.</summary>
    public string RegionalResultsTable => Table("RegionalResults");

    /// <summary>National result per programme.</summary>
    public string NationalResultsTable => Table("NationalResults");

    /// <summary>Activities at risk already alerted.</summary>
    public string AlertLedgerTable => Table("AlertLedger");

    /// <summary>The address book.</summary>
    public string ContactsTable => Table("Contacts");

    /// <summary>Sent and failed e-mails.</summary>
    public string NotificationLedgerTable => Table("NotificationLedger");

    /// <summary>Entra user or group → regions it may use in the portal (<c>pmg access</c>).</summary>
    public string PortalAccessTable => Table("PortalAccess");

    /// <summary>Every table, for provisioning and clean-up.</summary>
    public IReadOnlyList<string> Tables =>
    [
        SubmissionsTable, CurrentSubmissionsTable, ActivitiesTable, ProgressRowsTable, RegionalResultsTable,
        NationalResultsTable, AlertLedgerTable, ContactsTable, NotificationLedgerTable, PortalAccessTable,
    ];

    /// <summary>Every container.</summary>
    public IReadOnlyList<string> Containers => [FormsContainer, ReportsContainer, PortalKeysContainer];

    /// <summary>Every queue, with the poison queues the hosts use.</summary>
    public IReadOnlyList<string> Queues => [ReceiptsQueue, AlertsQueue, ReceiptsPoisonQueue, AlertsPoisonQueue];

    /// <summary>The value of each <see cref="Triggers"/> setting for these names.</summary>
    public IReadOnlyDictionary<string, string> TriggerSettings => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Triggers.FormsContainerSetting] = FormsContainer,
        [Triggers.ReceiptsQueueSetting] = ReceiptsQueue,
        [Triggers.AlertsQueueSetting] = AlertsQueue,
    };

    private string Table(string name) => Prefix + name;

    private string Name(string name) => Prefix.Length == 0 ? name : Prefix + "-" + name;

    /// <summary>
    /// The binding expressions of both hosts' trigger attributes. A host resolves <c>%setting%</c> from its
    /// configuration: the local host from <see cref="TriggerSettings"/> (its name resolver), the Functions host from the
    /// app settings of the same names, which its worker checks against <see cref="TriggerSettings"/> at start.
    /// </summary>
    public static class Triggers
    {
        /// <summary>The setting that names the forms container.</summary>
        public const string FormsContainerSetting = "Pmg:Triggers:FormsContainer";

        /// <summary>The setting that names the receipts queue.</summary>
        public const string ReceiptsQueueSetting = "Pmg:Triggers:ReceiptsQueue";

        /// <summary>The setting that names the alerts queue.</summary>
        public const string AlertsQueueSetting = "Pmg:Triggers:AlertsQueue";

        /// <summary>The blob trigger's path: every blob of the forms container.</summary>
        public const string FormsBlobPath = "%" + FormsContainerSetting + "%/{name}";

        /// <summary>The receipts queue.</summary>
        public const string ReceiptsQueue = "%" + ReceiptsQueueSetting + "%";

        /// <summary>The receipts' poison queue.</summary>
        public const string ReceiptsPoisonQueue = "%" + ReceiptsQueueSetting + "%" + PoisonSuffix;

        /// <summary>The alerts queue.</summary>
        public const string AlertsQueue = "%" + AlertsQueueSetting + "%";

        /// <summary>The alerts' poison queue.</summary>
        public const string AlertsPoisonQueue = "%" + AlertsQueueSetting + "%" + PoisonSuffix;

        /// <summary>The connection every trigger uses.</summary>
        public const string Connection = PmgStorageOptions.ConnectionName;
    }
}
