namespace Pmg.Storage;

/// <summary>Storage settings (section "Pmg:Storage"): the name prefix, so several instances (or tests) share one account.</summary>
public sealed class PmgStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Pmg:Storage";

    /// <summary>The connection name (a connection string locally, or <c>PmgStorage__blobServiceUri</c> etc. in Azure).</summary>
    public const string ConnectionName = "PmgStorage";

    /// <summary>Lower-case letters and digits, starting with a letter, or empty; <see cref="StorageNames"/> applies it to every name.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Whether to create missing tables, containers and queues when the host starts.</summary>
    public bool CreateIfMissing { get; set; } = true;
}
