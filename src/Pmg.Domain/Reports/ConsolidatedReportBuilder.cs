using System.Globalization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Domain.Text;

namespace Pmg.Domain.Reports;

/// <summary>Builds a <see cref="ConsolidatedReport"/> from evaluated files: regional table, national results, observations.</summary>
public static class ConsolidatedReportBuilder
{
    /// <summary>
    /// Consolidates the files. When several files are forms of the same service, region and year, all are listed but
    /// only one counts nationally, with a warning that says which and why: the one the user chose
    /// (<see cref="EvaluatedFile.Chosen"/>), else the most recent (<see cref="SubmissionRecency"/>, the pipeline's rule
    /// for uploads). The national result is computed over the regions present (no expected list, closing date not passed).
    /// </summary>
    public static ConsolidatedReport Build(IEnumerable<EvaluatedFile> files, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= ReportOptions.Default;
        var all = files.ToList();
        var observations = new List<ReportObservation>();
        var entries = new List<RegionalEntry>();
        var sources = new Dictionary<RegionalEntry, EvaluatedFile>(ReferenceEqualityComparer.Instance);

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

            var entry = new RegionalEntry(file.Read.FileName, submission.Region, submission.Year, file.Evaluation.Programs, submission.Region is not null)
            {
                ModifiedAt = file.ModifiedAt,
            };
            entries.Add(entry);
            sources[entry] = file;
        }

        entries = MarkDuplicates(entries, sources, observations, options);
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

    private static List<RegionalEntry> MarkDuplicates(
        List<RegionalEntry> entries, Dictionary<RegionalEntry, EvaluatedFile> sources, List<ReportObservation> observations, ReportOptions options)
    {
        var result = new List<RegionalEntry>(entries);
        var located = entries.Where(e => e.Region is not null).ToList();

        // A form that does not state its service (many workbooks) belongs with the forms of its region and year when
        // they state only one.
        var services = located
            .GroupBy(e => (e.Region!.Code, e.Year))
            .ToDictionary(g => g.Key, g => g.Select(e => sources[e].Read.Submission!.Service.Trim()).Where(s => s.Length > 0).DistinctBy(TextNormalizer.Normalize).ToList());
        string ServiceOf(RegionalEntry e)
        {
            var stated = sources[e].Read.Submission!.Service.Trim();
            return stated.Length == 0 && services[(e.Region!.Code, e.Year)] is [var only] ? only : stated;
        }

        var groups = located
            .GroupBy(e => (TextNormalizer.Normalize(ServiceOf(e)), e.Region!.Code, e.Year))
            .Where(g => g.Count() > 1);

        foreach (var group in groups)
        {
            var ordered = group.OrderBy(e => e.ModifiedAt ?? DateTimeOffset.MinValue).ThenBy(e => e.File, StringComparer.Ordinal).ToList();
            var latest = SubmissionRecency.Latest(ordered, e => e.ModifiedAt, e => e.File);
            var chosen = ordered.Where(e => sources[e].Chosen).ToList();
            var kept = chosen.Count > 0 ? SubmissionRecency.Latest(chosen, e => e.ModifiedAt, e => e.File) : latest;
            foreach (var superseded in ordered.Where(e => !ReferenceEquals(e, kept)))
            {
                result[result.IndexOf(superseded)] = superseded with { CountsNationally = false };
            }

            var region = kept.Region!;
            var service = ServiceOf(kept);
            var listed = string.Join(", ", ordered.Select(e => e.ModifiedAt is { } at ? $"{e.File} (modificado el {When(at, options.TimeZone)})" : e.File));
            var why = Why(kept, latest, ordered, chosen.Count, options);
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"La región {region.Name} ({region.Code}) tiene {ordered.Count} formularios{(service.Length > 0 ? " de " + service : "")} para {kept.Year}: {listed}. En el resultado nacional se considera solo «{kept.File}», {why}");
            foreach (var entry in ordered)
            {
                observations.Add(new ReportObservation(entry.File, region.Code, Severity.Warning, ReportCodes.DuplicateRegion, message, null));
            }
        }

        return result;
    }

    // Why the kept form counts, in Spanish, ending the sentence (and the hint, when nothing was chosen).
    private static string Why(RegionalEntry kept, RegionalEntry latest, List<RegionalEntry> ordered, int chosen, ReportOptions options)
    {
        if (chosen > 0)
        {
            var elected = chosen == 1 ? "el elegido" : $"el más reciente de los {chosen} elegidos";
            return ReferenceEquals(kept, latest) ? elected + ", que además es el más reciente." : $"{elected}, aunque el más reciente es «{latest.File}».";
        }

        var tie = ordered.Count(e => e.ModifiedAt == kept.ModifiedAt) > 1;
        var reason = tie
            ? kept.ModifiedAt is null
                ? "el último por nombre de archivo, porque no se sabe cuál es el más reciente."
                : "el último por nombre de archivo entre los modificados a la misma hora, como el proceso hace con las subidas."
            : "el más reciente, como el proceso hace con las subidas.";
        return options.ChoiceHint is { Length: > 0 } hint ? reason + " " + hint : reason;
    }

    private static string When(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.GetCultureInfo("es-CL"));

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
