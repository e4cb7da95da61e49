using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;

namespace Pmg.Pipeline.Compliance;

/// <summary>The national line of a service and year from its regions' current statuses: what the recalculation stores and the status shows before any recalculation.</summary>
public static class NationalCompliance
{
    /// <summary>
    /// The national result of each programme some region committed (docs/rules.md rule 4): an expected region that
    /// sent nothing counts, but does not create a programme.
    /// </summary>
    public static IReadOnlyList<NationalResult> Evaluate(IReadOnlyList<RegionalStatus> statuses, IReadOnlyList<Region> submitted, IReadOnlyList<Region> expected, bool closingDatePassed)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return SectionExtensions.Programs
            .Where(section => statuses.Any(s => s.Section == section))
            .Select(section => NationalRules.Evaluate(section, statuses, expected, closingDatePassed, submitted))
            .ToList();
    }
}
