using Pmg.Domain.Model;
using Pmg.Domain.Regions;

namespace Pmg.Domain.Rules;

/// <summary>The national result of a programme over its regions (docs/rules.md rule 4, note 12).</summary>
public static class NationalRules
{
    /// <summary>
    /// CUMPLE when every counted region is CUMPLE; NO CUMPLE when any is NO CUMPLE or INVALIDO; otherwise PENDIENTE.
    /// Counted: the regions with a status for <paramref name="section"/> (they committed it) plus the expected regions
    /// that sent nothing, which count PENDIENTE until the closing date and NO CUMPLE after it.
    /// With no region to count the result is PENDIENTE (nothing has been committed yet).
    /// </summary>
    /// <param name="section">The programme.</param>
    /// <param name="statuses">Regional statuses; those of other programmes are ignored, and a later one for the same region wins.</param>
    /// <param name="expectedRegions">Regions that should report this year.</param>
    /// <param name="closingDatePassed">Whether the closing date (see <see cref="ClosingDate"/>) has passed.</param>
    /// <param name="submittedRegions">
    /// Regions that sent a form, whatever it committed. An expected region listed here that has no status for the
    /// programme sent a form without it: it did not commit the programme and is not counted. Null: only regions with a
    /// status for this programme count as having sent something.
    /// </param>
    public static NationalResult Evaluate(
        Section section,
        IEnumerable<RegionalStatus> statuses,
        IEnumerable<Region> expectedRegions,
        bool closingDatePassed,
        IEnumerable<Region>? submittedRegions = null)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(expectedRegions);

        var byRegion = new Dictionary<string, ProgramStatus>(StringComparer.OrdinalIgnoreCase);
        foreach (var status in statuses.Where(s => s.Section == section))
        {
            byRegion[status.Region.Code] = status.Status;
        }

        var sent = new HashSet<string>(byRegion.Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var region in submittedRegions ?? [])
        {
            sent.Add(region.Code);
        }

        var missing = expectedRegions
            .Where(r => !sent.Contains(r.Code))
            .DistinctBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var missingStatus = closingDatePassed ? ProgramStatus.NoCumple : ProgramStatus.Pendiente;
        var counted = byRegion.Values.Concat(missing.Select(_ => missingStatus)).ToList();

        var national = counted.Count == 0 ? ProgramStatus.Pendiente
            : counted.Any(s => s is ProgramStatus.NoCumple or ProgramStatus.Invalido) ? ProgramStatus.NoCumple
            : counted.All(s => s == ProgramStatus.Cumple) ? ProgramStatus.Cumple
            : ProgramStatus.Pendiente;

        return new NationalResult(section, national, counted.Count, counted.Count(s => s == ProgramStatus.Cumple), missing);
    }
}
