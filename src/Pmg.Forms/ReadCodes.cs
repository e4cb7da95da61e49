using Pmg.Domain.Reading;
using Pmg.Forms.Safety;

namespace Pmg.Forms;

/// <summary>Stable codes of the diagnostics the readers produce (refusals of the package itself are <see cref="RefusalCodes"/>).</summary>
public static class ReadCodes
{
    /// <summary>No section III.1–III.4 with a recognisable table was found: the file is refused.</summary>
    public const string NoForm = "NO_FORM";

    /// <summary>The package passed inspection but OpenXML could not open or parse it: the file is refused.</summary>
    public const string FileCorrupt = RefusalCodes.FileCorrupt;

    /// <summary>A weight cell that is not a number.</summary>
    public const string WeightUnreadable = "WEIGHT_UNREADABLE";

    /// <summary>A weight written with a leading zero ("01%"), read as the number.</summary>
    public const string WeightLeadingZero = "WEIGHT_LEADING_ZERO";

    /// <summary>A cell lists a different number of weights than its activities.</summary>
    public const string WeightCountMismatch = "WEIGHT_COUNT_MISMATCH";

    /// <summary>A compliance mark outside the vocabulary (sí/no/cumple/no cumple/blank).</summary>
    public const string ComplianceUnrecognised = "COMPLIANCE_UNRECOGNISED";

    /// <summary>A "ponderación ganada" that is not a number.</summary>
    public const string EarnedUnreadable = "EARNED_UNREADABLE";

    /// <summary>A "Desempeño Anual Región (%)" value that is not a number.</summary>
    public const string DeclaredPerformanceUnreadable = "DECLARED_PERFORMANCE_UNREADABLE";

    /// <summary>A Word document with tracked changes not yet accepted: read as its final view (notice).</summary>
    public const string TrackedChanges = "TRACKED_CHANGES";

    /// <summary>An Excel cell holds a formula saved without its calculated value: read as blank, never as 0 (error).</summary>
    public const string FormulaNotCalculated = "FORMULA_NOT_CALCULATED";

    /// <summary>A summary row ("Total", "Subtotal", …) declares totals that differ from its activities' (warning); the row is never an activity.</summary>
    public const string SummaryTotalMismatch = "SUMMARY_TOTAL_MISMATCH";

    /// <summary>A section is present but its objectives table was not found.</summary>
    public const string TableMissing = "TABLE_MISSING";

    /// <summary>The region could not be resolved from the document nor from the options.</summary>
    public const string RegionUnknown = "REGION_UNKNOWN";

    /// <summary>
    /// The document states a region that does not resolve (a typo, a look-alike letter from another alphabet): the form
    /// is never filed under the region it was sent for instead (owned by <see cref="FormIdentity"/>).
    /// </summary>
    public const string RegionUnreadable = FormIdentity.RegionUnreadable;

    /// <summary>The document states no region at all and takes the one it was sent for (a notice).</summary>
    public const string RegionFromPath = "REGION_FROM_PATH";

    /// <summary>Hidden Word text or hidden Excel sheets were left out of the reading (a notice naming them).</summary>
    public const string HiddenContentIgnored = "HIDDEN_CONTENT_IGNORED";

    /// <summary>The reader failed unexpectedly; the file is refused and the exception logged.</summary>
    public const string FormUnreadable = RefusalCodes.FormUnreadable;

    /// <summary>The document's region differs from the one the file was sent for (owned by <see cref="FormIdentity"/>).</summary>
    public const string RegionMismatch = FormIdentity.RegionMismatch;

    /// <summary>Neither the document nor the options give the year.</summary>
    public const string YearMissing = "YEAR_MISSING";

    /// <summary>The document's year differs from the one the file was sent for (owned by <see cref="FormIdentity"/>).</summary>
    public const string YearMismatch = FormIdentity.YearMismatch;

    /// <summary>The document's service differs from the one the file was sent for (owned by <see cref="FormIdentity"/>).</summary>
    public const string ServiceMismatch = FormIdentity.ServiceMismatch;
}
