namespace Pmg.Pipeline.Status;

// The JSON of these records (PmgJson.Contracts) is the public contract of `pmg status --json` and the portal's
// /api/status (src/Pmg.Cli/README.md): property names and order are the JSON's, so add only at the end, never rename.

/// <summary>What the pipeline recorded for the filters asked.</summary>
/// <param name="ServiceYears">Per service and year (ordered by service, then year), the regions and the national line.</param>
/// <param name="Problems">Refused and failed uploads, newest first.</param>
/// <param name="FailedNotifications">E-mails that could not be sent, newest first.</param>
public sealed record StatusReport(IReadOnlyList<ServiceYearStatus> ServiceYears, IReadOnlyList<UploadProblem> Problems, IReadOnlyList<FailedNotification> FailedNotifications)
{
    /// <summary>Blobs in the forms container with no submission record yet ("sin procesar"), oldest first.</summary>
    public IReadOnlyList<UnprocessedUpload> Unprocessed { get; init; } = [];
}

/// <summary>One service and year.</summary>
/// <param name="Service">The service as configured ("SERNAM").</param>
/// <param name="Year">The year.</param>
/// <param name="Regions">Each region's current submission, by region code.</param>
/// <param name="National">The national line.</param>
public sealed record ServiceYearStatus(string Service, int Year, IReadOnlyList<RegionStatus> Regions, NationalStatus National);

/// <summary>A region's current submission.</summary>
/// <param name="Region">The region.</param>
/// <param name="File">The file name.</param>
/// <param name="BlobName">The blob name (<c>{service}/{year}/{region}/{file}</c>).</param>
/// <param name="SubmissionId">The submission id.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
/// <param name="Uploader">Who uploaded it, if known.</param>
/// <param name="Outcome">Always "accepted": only accepted submissions become current.</param>
/// <param name="Errors">Its error diagnostics.</param>
/// <param name="Warnings">Its warning diagnostics.</param>
/// <param name="AtRisk">Activities at risk (each once) at its last scoring; null when never counted.</param>
/// <param name="Programs">Its programme results, by section.</param>
public sealed record RegionStatus(
    RegionRef Region,
    string File,
    string BlobName,
    string SubmissionId,
    DateTimeOffset UploadedAt,
    string? Uploader,
    string Outcome,
    int Errors,
    int Warnings,
    int? AtRisk,
    IReadOnlyList<RegionProgramStatus> Programs);

/// <summary>A region: ISO code and Spanish name.</summary>
/// <param name="Code">"CL-TA".</param>
/// <param name="Name">"Tarapacá".</param>
public sealed record RegionRef(string Code, string Name);

/// <summary>A programme's performance and status in a region.</summary>
/// <param name="Section">"III.1".</param>
/// <param name="Performance">Rounded half-up to two decimals (always written with two), or null.</param>
/// <param name="Status">"CUMPLE", "NO CUMPLE", "PENDIENTE" or "INVALIDO".</param>
public sealed record RegionProgramStatus(string Section, decimal? Performance, string Status);

/// <summary>The national result per programme and where it comes from.</summary>
/// <param name="Source"><see cref="NationalSources.Recalculation"/> (stored rows) or <see cref="NationalSources.Computed"/> (now, from the regional statuses).</param>
/// <param name="CalculatedAt">When the recalculation computed it; null when computed now.</param>
/// <param name="UpToDate">False when the current submissions changed since the recalculation.</param>
/// <param name="Programs">Per programme, by section.</param>
public sealed record NationalStatus(string Source, DateTimeOffset? CalculatedAt, bool UpToDate, IReadOnlyList<NationalProgramStatus> Programs);

/// <summary>Where a national line comes from.</summary>
public static class NationalSources
{
    /// <summary>The recalculation's stored NationalResults rows.</summary>
    public const string Recalculation = "recalculation";

    /// <summary>Computed when asked, from the regions' current statuses (no recalculation has run yet).</summary>
    public const string Computed = "computed";
}

/// <summary>A programme's national result.</summary>
/// <param name="Section">"III.1".</param>
/// <param name="Status">"CUMPLE", "NO CUMPLE" or "PENDIENTE".</param>
/// <param name="Regions">Regions counted.</param>
/// <param name="Complying">Regions that comply.</param>
/// <param name="Missing">Expected regions that sent nothing (ISO codes).</param>
public sealed record NationalProgramStatus(string Section, string Status, int Regions, int Complying, IReadOnlyList<string> Missing);

/// <summary>A refused or failed upload with its Spanish reasons.</summary>
/// <param name="SubmissionId">The submission id.</param>
/// <param name="BlobName">The blob name.</param>
/// <param name="File">The file name.</param>
/// <param name="Service">The service, when the path gave one.</param>
/// <param name="Year">The year, when the path gave one.</param>
/// <param name="Region">The region, when the path named one that resolves.</param>
/// <param name="Outcome">"refused" or "failed".</param>
/// <param name="UploadedAt">When it was uploaded.</param>
/// <param name="ProcessedAt">When it was processed.</param>
/// <param name="Uploader">Who uploaded it, if known.</param>
/// <param name="Reasons">The reasons, "message (location)".</param>
public sealed record UploadProblem(
    string SubmissionId,
    string BlobName,
    string File,
    string? Service,
    int? Year,
    RegionRef? Region,
    string Outcome,
    DateTimeOffset UploadedAt,
    DateTimeOffset ProcessedAt,
    string? Uploader,
    IReadOnlyList<string> Reasons);

/// <summary>An e-mail that could not be sent.</summary>
/// <param name="Kind">"digest" or "receipt".</param>
/// <param name="Service">The service, when known.</param>
/// <param name="Year">The year, when known.</param>
/// <param name="Region">The region's ISO code, when known.</param>
/// <param name="Recipient">The recipients, comma-separated.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Attempts">Send attempts.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Error">Why it failed.</param>
public sealed record FailedNotification(string Kind, string? Service, int? Year, string? Region, string Recipient, string Subject, int Attempts, DateTimeOffset UpdatedAt, string? Error);

/// <summary>A form blob that has not become a submission (yet): the trigger missed it or is still on it; the sweep ingests it.</summary>
/// <param name="BlobName">The blob name.</param>
/// <param name="File">The file name.</param>
/// <param name="Service">The service, when the path gives one.</param>
/// <param name="Year">The year, when the path gives one.</param>
/// <param name="Region">The region, when the path names one that resolves.</param>
/// <param name="UploadedAt">When it was written (Last-Modified).</param>
/// <param name="WaitingSeconds">How long it has waited when the status was read, in whole seconds.</param>
public sealed record UnprocessedUpload(string BlobName, string File, string? Service, int? Year, RegionRef? Region, DateTimeOffset UploadedAt, long WaitingSeconds);
