using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;

namespace Pmg.Pipeline.Compliance;

/// <summary>Builds the consolidated workbook of a recalculation (Nacional, Regiones, Actividades en riesgo, Observaciones).</summary>
public static class ComplianceReport
{
    /// <summary>The report of one service and year from its regional scores, national results and activities at risk.</summary>
    public static ConsolidatedReport Build(IReadOnlyList<RegionalScore> scores, IReadOnlyList<NationalResult> national, IReadOnlyList<AtRiskActivity> atRisk)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(atRisk);
        var ordered = scores.OrderBy(s => RegionOrder(s.Evaluation.Submission.Region)).ToList();
        return new ConsolidatedReport
        {
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
                .Select(a => new AtRiskRow(a.RegionCode, RegionCatalog.FindByCode(a.RegionCode)?.Name ?? a.RegionCode, a.Section, a.Objective, a.Activity, a.Unit, a.ReasonText, a.Quote))
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
