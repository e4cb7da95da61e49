namespace Pmg.Pipeline;

/// <summary>Diagnostic codes the pipeline adds (refusals decided from the path and the document's identity).</summary>
public static class PipelineCodes
{
    /// <summary>The blob path is not service/year/region/file.</summary>
    public const string PathInvalid = "PATH_INVALID";

    /// <summary>The service in the path is not configured.</summary>
    public const string ServiceUnknown = "SERVICE_UNKNOWN";

    /// <summary>The region in the path is not a Chilean region.</summary>
    public const string RegionUnknown = "REGION_UNKNOWN";

    /// <summary>The region in the path did not exist that year.</summary>
    public const string RegionNotInYear = "REGION_NOT_IN_YEAR";

    /// <summary>The document's region differs from the path's.</summary>
    public const string RegionMismatch = "REGION_MISMATCH";

    /// <summary>The document's year differs from the path's.</summary>
    public const string YearMismatch = "YEAR_MISMATCH";

    /// <summary>The document's service differs from the path's (the reader reports it with this code).</summary>
    public const string ServiceMismatch = "SERVICE_MISMATCH";

    /// <summary>Codes that mean the document belongs to another service, year or region: the upload is refused.</summary>
    public static IReadOnlySet<string> IdentityMismatch { get; } = new HashSet<string>(StringComparer.Ordinal) { RegionMismatch, YearMismatch, ServiceMismatch };

    /// <summary>The reader refused the file without saying why (its own codes normally explain).</summary>
    public const string NoForm = "NO_FORM";

    /// <summary>Processing kept failing.</summary>
    public const string ProcessingFailed = "PROCESSING_FAILED";
}
