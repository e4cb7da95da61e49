using System.Globalization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;

namespace Pmg.Domain.Reports;

/// <summary>Builds a <see cref="ConsolidatedReport"/> from evaluated files: regional table, national results, observations.</summary>
public static class ConsolidatedReportBuilder
{
    /// <summary>
    /// Consolidates the files. When several files claim the same region and year, all are listed but only the one
    /// whose file name sorts last (ordinal) counts nationally, with a warning. The national result is computed over
    /// the regions present (no expected list, closing date not passed).
    /// </summary>
    public static ConsolidatedReport Build(IEnumerable<EvaluatedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = files.ToList();
        var observations = new List<ReportObservation>();
        var entries = new List<RegionalEntry>();

        foreach (var file in all)
        {
            var submission = file.Read.Submission;
            var regionCode = submission?.Region?.Code;
            observations.AddRange(file.Diagnostics.Select(d => new ReportObservation(
                file.Read.FileName, regionCode, d.Severity, d.Code, d.Message, d.Location?.ToString())));

            if (submission is null || file.Evaluation is null)
            {
                continue;
            }

            if (submission.Region is null)
            {
                observations.Add(new ReportObservation(
                    file.Read.FileName,
                    null,
                    Severity.Warning,
                    ReportCodes.RegionNotCounted,
                    "No se pudo determinar la región del formulario; no se considera en el resultado nacional.",
                    null));
            }

            entries.Add(new RegionalEntry(file.Read.FileName, submission.Region, submission.Year, file.Evaluation.Programs, submission.Region is not null));
        }

        entries = MarkDuplicates(entries, observations);
        entries = [.. entries
            .OrderBy(e => RegionOrder(e.Region))
            .ThenBy(e => e.Year)
            .ThenBy(e => e.File, StringComparer.Ordinal)];

        var counted = entries.Where(e => e.CountsNationally).ToList();
        var years = counted.Select(e => e.Year).Distinct().Order().ToList();
        if (years.Count > 1)
        {
            // A region of 2009 and another of 2010 are not one national result; say so rather than mix them silently.
            observations.Add(new ReportObservation(
                "",
                null,
                Severity.Warning,
                ReportCodes.MixedYears,
                "Los formularios son de años distintos (" + string.Join(", ", years.Select(y => Convert.ToString(y, CultureInfo.InvariantCulture)))
                    + "): el resultado nacional los mezcla. Genere un informe por año.",
                null));
        }

        var sections = SectionExtensions.Programs
            .Where(s => entries.Any(e => e.Program(s) is not null))
            .ToList();
        var national = sections
            .Select(section => NationalRules.Evaluate(
                section,
                counted
                    .Where(e => e.Program(section) is not null)
                    .Select(e => new RegionalStatus(e.Region!, section, e.Program(section)!.Status)),
                [],
                closingDatePassed: false))
            .ToList();

        return new ConsolidatedReport
        {
            Sections = sections,
            Regions = entries,
            National = national,
            Observations = observations,
        };
    }

    private static List<RegionalEntry> MarkDuplicates(List<RegionalEntry> entries, List<ReportObservation> observations)
    {
        var result = new List<RegionalEntry>(entries);
        var groups = entries
            .Where(e => e.Region is not null)
            .GroupBy(e => (e.Region!.Code, e.Year))
            .Where(g => g.Count() > 1);

        foreach (var group in groups)
        {
            var ordered = group.OrderBy(e => e.File, StringComparer.Ordinal).ToList();
            var kept = ordered[^1];
            foreach (var superseded in ordered.Take(ordered.Count - 1))
            {
                result[result.IndexOf(superseded)] = superseded with { CountsNationally = false };
            }

            var region = kept.Region!;
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"La región {region.Name} ({region.Code}) tiene {ordered.Count} formularios para {kept.Year}: {string.Join(", ", ordered.Select(e => e.File))}. En el resultado nacional se considera solo «{kept.File}».");
            foreach (var entry in ordered)
            {
                observations.Add(new ReportObservation(entry.File, region.Code, Severity.Warning, ReportCodes.DuplicateRegion, message, null));
            }
        }

        return result;
    }

    private static int RegionOrder(Region? region)
    {
        if (region is null)
        {
            return int.MaxValue;
        }

        var index = RegionCatalog.All.ToList().FindIndex(r => r.Code == region.Code);
        return index < 0 ? int.MaxValue - 1 : index;
    }
}
