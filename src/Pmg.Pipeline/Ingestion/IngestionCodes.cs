namespace Pmg.Pipeline.Ingestion;

/// <summary>
/// Diagnostic codes ingestion adds (refusals decided from the path). A document of another service, year or region is
/// refused with <see cref="Pmg.Domain.Reading.FormIdentity"/>'s codes.
/// </summary>
public static class IngestionCodes
{
    /// <summary>The blob path is not service/year/region/file.</summary>
    public const string PathInvalid = "PATH_INVALID";

    /// <summary>The service in the path is not configured.</summary>
    public const string ServiceUnknown = "SERVICE_UNKNOWN";

    /// <summary>The region in the path is not a Chilean region.</summary>
    public const string RegionUnknown = "REGION_UNKNOWN";

    /// <summary>The region in the path did not exist that year.</summary>
    public const string RegionNotInYear = "REGION_NOT_IN_YEAR";

    /// <summary>The reader refused the file without saying why (its own codes normally explain).</summary>
    public const string NoForm = "NO_FORM";

    /// <summary>Processing kept failing.</summary>
    public const string ProcessingFailed = "PROCESSING_FAILED";
}
