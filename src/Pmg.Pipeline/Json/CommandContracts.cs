namespace Pmg.Pipeline.Json;

/// <summary><c>pmg upload --json</c> (public contract; src/Pmg.Cli/README.md): where each file went.</summary>
/// <param name="Service">The service of the path, in the configured spelling.</param>
/// <param name="Year">The year of the path.</param>
/// <param name="Region">The region of the path.</param>
/// <param name="Container">The forms container's name.</param>
/// <param name="Files">One entry per file, in the order given.</param>
public sealed record UploadJson(string Service, int Year, RegionJson Region, string Container, IReadOnlyList<UploadFileJson> Files);

/// <summary>One file of <c>pmg upload --json</c>.</summary>
/// <param name="File">The local path as given.</param>
/// <param name="BlobName">"SERNAM/2009/CL-TA/file.docx".</param>
/// <param name="Uploaded">Whether it was stored.</param>
/// <param name="Replaced">Whether a blob of that name existed already (the upload is a new version).</param>
/// <param name="ETag">The stored blob's ETag, or null when not uploaded.</param>
/// <param name="VersionId">The blob version, when the account keeps versions.</param>
/// <param name="Error">The Spanish reason it was not uploaded, or null.</param>
public sealed record UploadFileJson(string File, string BlobName, bool Uploaded, bool Replaced, string? ETag, string? VersionId, string? Error);

/// <summary><c>pmg recalc --json</c> (public contract; src/Pmg.Cli/README.md): one entry per service and year recalculated.</summary>
/// <param name="Results">Service-years, empty when nothing matched.</param>
/// <param name="SweptForms">Uploads no trigger had processed, ingested by this run's reconciliation sweep first.</param>
public sealed record RecalcJson(IReadOnlyList<RecalcServiceYearJson> Results, IReadOnlyList<SweptFormJson> SweptForms);

/// <summary>An upload <c>pmg recalc</c> ingested because no trigger had.</summary>
/// <param name="BlobName">"SERNAM/2009/CL-TA/file.docx".</param>
/// <param name="Outcome">"accepted", "refused", "failed", or "duplicate" (recorded meanwhile by its trigger).</param>
public sealed record SweptFormJson(string BlobName, string Outcome);

/// <summary>One service and year of <c>pmg recalc --json</c>.</summary>
/// <param name="Service">Service.</param>
/// <param name="Year">Year.</param>
/// <param name="Regions">Regions with a current form.</param>
/// <param name="National">National result per programme.</param>
/// <param name="AtRiskActivities">Activities at risk (an activity at risk for two reasons counts once).</param>
/// <param name="AtRiskReasons">Per reason code, how many activities.</param>
/// <param name="DigestsQueued">Alert digests queued by this run.</param>
/// <param name="Report">The workbook written: "reports/SERNAM/2009/cumplimiento-….xlsx".</param>
public sealed record RecalcServiceYearJson(
    string Service,
    int Year,
    int Regions,
    IReadOnlyList<RecalcNationalJson> National,
    int AtRiskActivities,
    IReadOnlyList<AtRiskReasonJson> AtRiskReasons,
    int DigestsQueued,
    string Report);

/// <summary>A programme's national result in <c>pmg recalc --json</c>.</summary>
/// <param name="Section">"III.1".</param>
/// <param name="Status">Status label.</param>
/// <param name="Regions">Regions counted.</param>
/// <param name="Complying">Regions that comply.</param>
/// <param name="Missing">ISO codes of expected regions without a form.</param>
public sealed record RecalcNationalJson(string Section, string Status, int Regions, int Complying, IReadOnlyList<string> Missing);

/// <summary>How many activities are at risk for one reason.</summary>
/// <param name="Reason">The reason code ("not-complied", …).</param>
/// <param name="Count">Activities.</param>
public sealed record AtRiskReasonJson(string Reason, int Count);

/// <summary><c>pmg contacts import --json</c> (public contract; src/Pmg.Cli/README.md).</summary>
/// <param name="File">The file name.</param>
/// <param name="DryRun">True with --dry-run: nothing was saved.</param>
/// <param name="Saved">Contacts saved (0 with --dry-run).</param>
/// <param name="Units">Valid unit contacts read.</param>
/// <param name="RegionalDirectors">Valid regional director contacts read.</param>
/// <param name="NationalCoordinators">Valid national coordinator contacts read.</param>
/// <param name="Problems">Rows that could not be used, with their Spanish reasons.</param>
public sealed record ContactsImportJson(string File, bool DryRun, int Saved, int Units, int RegionalDirectors, int NationalCoordinators, IReadOnlyList<ContactProblemJson> Problems);

/// <summary>A row of the address book that could not be used.</summary>
/// <param name="Row">Row number in the file (1 = the header).</param>
/// <param name="Reason">Spanish reason.</param>
public sealed record ContactProblemJson(int Row, string Reason);
