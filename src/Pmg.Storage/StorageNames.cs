namespace Pmg.Storage;

/// <summary>Names of the tables this project writes (before the prefix).</summary>
public static class StorageNames
{
    /// <summary>Every upload.</summary>
    public const string Submissions = "Submissions";

    /// <summary>Region → current submission.</summary>
    public const string CurrentSubmissions = "CurrentSubmissions";

    /// <summary>Activities per submission.</summary>
    public const string Activities = "Activities";

    /// <summary>III.4 rows per submission.</summary>
    public const string ProgressRows = "ProgressRows";

    /// <summary>Programme results per submission, partitioned by service and year.</summary>
    public const string RegionalResults = "RegionalResults";

    /// <summary>Entra user or group → regions it may use in the portal (<c>pmg access</c>).</summary>
    public const string PortalAccess = "PortalAccess";

    /// <summary>The blob index tag that marks a form blob with its outcome (accepted, refused, failed).</summary>
    public const string OutcomeTag = "pmg-outcome";

    /// <summary>All tables, for provisioning.</summary>
    public static IReadOnlyList<string> Tables { get; } = [Submissions, CurrentSubmissions, Activities, ProgressRows, RegionalResults, PortalAccess];
}
