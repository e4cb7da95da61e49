using System.Globalization;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Compliance;

/// <summary>Builds the consolidated workbook of a recalculation (Nacional, Regiones, Actividades en riesgo, Observaciones).</summary>
public static class ComplianceReport
{
    /// <summary>
    /// The report of one service and year from its regional scores, national results and activities at risk: a
    /// programme has columns only when some region committed it (scored it), and each activity at risk names the
    /// addresses its unit has in <paramref name="contacts"/>.
    /// </summary>
    public static ConsolidatedReport Build(
        string service, int year, IReadOnlyList<RegionalScore> scores, IReadOnlyList<NationalResult> national, IReadOnlyList<AtRiskActivity> atRisk, ContactBook contacts, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(atRisk);
        ArgumentNullException.ThrowIfNull(contacts);
        var ordered = scores.OrderBy(s => RegionOrder(s.Evaluation.Submission.Region)).ToList();
        return new ConsolidatedReport
        {
            Header = new ReportHeader(ReportHeader.ConsolidatedTitle, service, year.ToString(CultureInfo.InvariantCulture), GeneratedText(generatedAt), ReportRules.Lines),
            Sections = SectionExtensions.Programs.Where(section => scores.Any(s => s.Evaluation.Programs.Any(p => p.Section == section))).ToArray(),
            Regions = ordered.Select(s => new RegionalEntry(
                s.Pointer.BlobName[(s.Pointer.BlobName.LastIndexOf('/') + 1)..],
                s.Evaluation.Submission.Region,
                s.Evaluation.Submission.Year,
                s.Evaluation.Programs,
                s.Evaluation.Submission.Region is not null)).ToArray(),
            National = national,
            AtRisk = atRisk
                .OrderBy(a => RegionOrder(RegionCatalog.FindByCode(a.RegionCode)))
                .ThenBy(a => a.Section)
                .ThenBy(a => a.ObjectiveNumber)
                .Select(a => new AtRiskRow(a.RegionCode, RegionCatalog.FindByCode(a.RegionCode)?.Name ?? a.RegionCode, a.Section, a.Objective, a.Activity, a.Unit, a.ReasonText, a.Quote)
                {
                    Emails = contacts.FindUnit(a.RegionCode, a.Unit)?.Emails ?? [],
                })
                .ToArray(),
            Observations = ordered.SelectMany(s => s.Evaluation.Diagnostics.Select(d => new ReportObservation(
                s.Pointer.BlobName[(s.Pointer.BlobName.LastIndexOf('/') + 1)..],
                s.Pointer.RegionCode,
                d.Severity,
                d.Code,
                d.Message,
                d.Location?.ToString()))).ToArray(),
        };
    }

    /// <summary>"2 de diciembre de 2026, 10:15 (hora de Chile)" of a time already in Chile's zone.</summary>
    public static string GeneratedText(DateTimeOffset local) =>
        Deadline.Long(DateOnly.FromDateTime(local.DateTime)) + ", " + local.ToString("HH:mm", CultureInfo.InvariantCulture) + " (hora de Chile)";

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
