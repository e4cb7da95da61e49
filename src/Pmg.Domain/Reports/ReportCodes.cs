namespace Pmg.Domain.Reports;

/// <summary>Codes of the observations the consolidated report adds on its own.</summary>
public static class ReportCodes
{
    /// <summary>Two or more files claim the same region and year; only the last by file name counts nationally.</summary>
    public const string DuplicateRegion = "DUPLICATE_REGION";

    /// <summary>A form was read but its region is unknown, so it cannot count nationally.</summary>
    public const string RegionNotCounted = "REGION_NOT_COUNTED";

    /// <summary>The files are of several years: the national result mixes them and should be read year by year.</summary>
    public const string MixedYears = "MIXED_YEARS";
}
