namespace Pmg.Storage;

/// <summary>Storage naming (section "Pmg:Storage"): a prefix so several instances (or tests) share one account.</summary>
public sealed class PmgStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Pmg:Storage";

    /// <summary>The connection name (a connection string locally, or <c>PmgStorage__blobServiceUri</c> etc. in Azure).</summary>
    public const string ConnectionName = "PmgStorage";

    /// <summary>Lower-case letters and digits, starting with a letter, or empty. Tables become "{prefix}Submissions", containers and queues "{prefix}-forms".</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Whether to create missing tables, containers and queues when the host starts.</summary>
    public bool CreateIfMissing { get; set; } = true;

    /// <summary>The forms container.</summary>
    public string FormsContainer => Name("forms");

    /// <summary>The reports container.</summary>
    public string ReportsContainer => Name("reports");

    /// <summary>The container of the portal's data-protection keys.</summary>
    public string PortalKeysContainer => Name("portal-keys");

    /// <summary>The receipts queue.</summary>
    public string ReceiptsQueue => Name("receipts");

    /// <summary>The alerts queue.</summary>
    public string AlertsQueue => Name("alerts");

    /// <summary>A table name with the prefix (tables allow letters and digits only).</summary>
    public string Table(string name) => Prefix + name;

    private string Name(string name) => Prefix.Length == 0 ? name : Prefix + "-" + name;
}
