using System.Globalization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Text;

namespace Pmg.Domain.Reading;

/// <summary>
/// A form's identity — service, year, region — against where it was filed: the codes of a mismatch (the readers
/// report them too, with the cell) and the one check that decides whether an upload belongs to its folder.
/// </summary>
public static class FormIdentity
{
    /// <summary>The document's region differs from the one the file was filed under.</summary>
    public const string RegionMismatch = "REGION_MISMATCH";

    /// <summary>The document's year differs from the one the file was filed under.</summary>
    public const string YearMismatch = "YEAR_MISMATCH";

    /// <summary>The document's service differs from the one the file was filed under.</summary>
    public const string ServiceMismatch = "SERVICE_MISMATCH";

    /// <summary>
    /// The document states a region that resolves to none (a typo, a look-alike letter of another alphabet): it is
    /// never filed under the region of its folder instead.
    /// </summary>
    public const string RegionUnreadable = "REGION_UNREADABLE";

    private static readonly HashSet<string> MismatchCodes = new(StringComparer.Ordinal) { RegionMismatch, YearMismatch, ServiceMismatch, RegionUnreadable };

    /// <summary>
    /// Whether a diagnostic says the document belongs to another service, year or region, or to a region that cannot
    /// be told (an upload is refused for it).
    /// </summary>
    public static bool IsMismatch(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Severity == Severity.Error && MismatchCodes.Contains(diagnostic.Code);
    }

    /// <summary>
    /// Checks a read form against the year and region it was filed under. The reader, given them as options, already
    /// compares and points at the cell: its errors stand, and only what it did not report is added here (a region or
    /// year the document states differently). <see cref="IdentityCheck.Refused"/> when there is any mismatch.
    /// </summary>
    public static IdentityCheck Check(FormReadResult read, int year, Region region)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(region);
        var reported = read.Diagnostics.Where(IsMismatch).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var added = new List<Diagnostic>();
        if (read.Submission is { } submission)
        {
            // A region written but not understood is not "no region": the folder's region must not stand in for it.
            if (submission.Region is null && !string.IsNullOrWhiteSpace(submission.RegionLabel) && !reported.Contains(RegionUnreadable))
            {
                added.Add(Diagnostic.Error(
                    RegionUnreadable,
                    $"El formulario indica la región «{TextNormalizer.Shorten(submission.RegionLabel, 80)}», que no corresponde a ninguna región de Chile; no se archiva en la carpeta de {region.Name} ({region.Code}) sin saber de qué región es. Corrija la región en el formulario y vuelva a enviarlo.",
                    SourceLocation.Document));
            }

            if (submission.Region is { } stated && stated.Code != region.Code && !reported.Contains(RegionMismatch))
            {
                added.Add(Diagnostic.Error(
                    RegionMismatch,
                    $"El formulario es de la región {stated.Name} ({stated.Code}), pero se subió a la carpeta de {region.Name} ({region.Code}).",
                    SourceLocation.Document));
            }

            if (submission.Year != year && !reported.Contains(YearMismatch))
            {
                added.Add(Diagnostic.Error(
                    YearMismatch,
                    string.Create(CultureInfo.InvariantCulture, $"El formulario es del año {submission.Year}, pero se subió a la carpeta del año {year}."),
                    SourceLocation.Document));
            }
        }

        return new IdentityCheck(added, reported.Count > 0 || added.Count > 0);
    }
}

/// <summary>The outcome of <see cref="FormIdentity.Check"/>.</summary>
/// <param name="Added">Mismatches the reader did not report, to put before its diagnostics.</param>
/// <param name="Refused">Whether the document belongs to another service, year or region.</param>
public sealed record IdentityCheck(IReadOnlyList<Diagnostic> Added, bool Refused);
