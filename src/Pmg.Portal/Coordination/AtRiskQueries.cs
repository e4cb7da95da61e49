using Azure;
using Microsoft.Extensions.Options;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Validation;

namespace Pmg.Portal.Coordination;

/// <summary>
/// The activities at risk of a service and year, each with its reason, found by the recalculation's own rules
/// (<see cref="AtRiskDetector"/>) over every region's current submission as stored. One query per region: this is the
/// drill-down page, not the dashboard.
/// </summary>
public sealed class AtRiskQueries(ICurrentSubmissionStore current, ISubmissionContentStore content, IOptions<PmgOptions> options, TimeProvider time)
{
    /// <summary>Spanish names of the reasons, in the order people read them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Reasons { get; } =
    [
        new(AlertReasons.NotComplied, "No cumplida"),
        new(AlertReasons.UnmarkedAfterClosing, "Sin marcar después del cierre"),
        new(AlertReasons.ProgressLate, "Avance atrasado o no iniciado"),
        new(AlertReasons.NoProgressRow, "Sin fila de análisis del avance (III.4)"),
        new(AlertReasons.CannotReach90, "La región ya no alcanza el 90 %"),
    ];

    /// <summary>The Spanish name of a reason code.</summary>
    public static string ReasonName(string reason) => Reasons.FirstOrDefault(r => r.Key == reason).Value ?? reason;

    /// <summary>Every activity at risk, region by region north to south, in form order.</summary>
    public async Task<IReadOnlyList<AtRiskJson>> FindAsync(string service, int year, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CurrentSubmission> pointers;
        try
        {
            pointers = await current.ListAsync(service, year, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }

        var closingPassed = options.Value.ClosingDatePassed(year, time);
        var found = new List<AtRiskJson>();
        foreach (var region in RegionCatalog.All)
        {
            if (pointers.FirstOrDefault(p => p.RegionCode == region.Code) is not { } pointer)
            {
                continue;
            }

            var submission = await content.LoadAsync(pointer, cancellationToken).ConfigureAwait(false);
            found.AddRange(AtRiskDetector.Find(FormRules.Evaluate(submission), closingPassed).Select(a => new AtRiskJson(
                new RegionJson(region.Code, region.Name),
                a.Section.Code(),
                a.ObjectiveNumber,
                a.Objective,
                a.Activity,
                a.Unit,
                a.Reason,
                a.ReasonText,
                a.Quote,
                a.Action)));
        }

        return found;
    }
}

/// <summary>An activity at risk, with one reason (<c>GET /api/at-risk</c>).</summary>
/// <param name="Region">The region.</param>
/// <param name="Section">"III.1".</param>
/// <param name="ObjectiveNumber">1-based objective number within the programme.</param>
/// <param name="Objective">The objective's text.</param>
/// <param name="Activity">The activity's text.</param>
/// <param name="Unit">The responsible unit as written.</param>
/// <param name="Reason">The reason's code (not-complied, unmarked-after-closing, no-progress-row, progress-late, cannot-reach-90).</param>
/// <param name="ReasonText">The reason in Spanish.</param>
/// <param name="Quote">Words quoted from the III.4 progress text, or null.</param>
/// <param name="Action">What to do, in Spanish.</param>
public sealed record AtRiskJson(RegionJson Region, string Section, int ObjectiveNumber, string Objective, string Activity, string Unit, string Reason, string ReasonText, string? Quote, string Action);
