using Pmg.Domain.Regions;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Validation;
using Pmg.Portal.Api;
using Pmg.Portal.Regions;

namespace Pmg.Portal.Pages;

/// <summary>A region's page: choose service and year, upload, see the history.</summary>
/// <param name="Region">The region.</param>
/// <param name="Service">The service shown.</param>
/// <param name="Year">The year shown.</param>
/// <param name="Services">Services to choose from.</param>
/// <param name="Years">Years to choose from, newest first.</param>
/// <param name="CanUpload">Whether the user may upload for the region.</param>
/// <param name="MaxUploadBytes">The upload limit.</param>
/// <param name="Refused">A refused upload to explain (the page is shown again after it), or null.</param>
/// <param name="Problem">A problem with the form's fields (no file chosen, unknown year), or null.</param>
/// <param name="History">The region's uploads of the service and year.</param>
public sealed record RegionPageModel(
    Region Region,
    string Service,
    int Year,
    IReadOnlyList<string> Services,
    IReadOnlyList<int> Years,
    bool CanUpload,
    long MaxUploadBytes,
    ValidateFileJson? Refused,
    string? Problem,
    HistoryJson History);

/// <summary>One upload's page: what validation says, then where the pipeline is with it, then its receipt.</summary>
/// <param name="Region">The region.</param>
/// <param name="Service">The service.</param>
/// <param name="Year">The year.</param>
/// <param name="SubmissionId">The submission id.</param>
/// <param name="File">The file name.</param>
/// <param name="Validation">The validation of the stored bytes, or null when the blob was replaced since.</param>
/// <param name="State">Pending or recorded (with the record).</param>
/// <param name="PollUrl">The API address the page's script polls while pending.</param>
public sealed record SubmissionPageModel(
    Region Region,
    string Service,
    int Year,
    string SubmissionId,
    string File,
    ValidateFileJson? Validation,
    SubmissionStateJson State,
    string PollUrl)
{
    /// <summary>The address of the region page for the same service and year.</summary>
    public string RegionUrl => RegionPages.RegionUrl(Region, Service, Year);
}
