using Pmg.Domain.Model;
using Mark = Pmg.Domain.Model.Compliance;
using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Compliance;

/// <summary>An activity at risk, with one reason.</summary>
/// <param name="RegionCode">Region ISO code.</param>
/// <param name="Section">Programme.</param>
/// <param name="ObjectiveNumber">1-based objective number within the programme.</param>
/// <param name="Objective">Objective text.</param>
/// <param name="Activity">Activity text.</param>
/// <param name="Unit">Unidad responsable as written (trimmed).</param>
/// <param name="Compliance">The activity's mark.</param>
/// <param name="Reason">Machine reason (<see cref="AlertReasons"/>).</param>
/// <param name="ReasonText">Spanish sentence.</param>
/// <param name="Quote">Words quoted from the III.4 progress text, or null.</param>
/// <param name="Action">What to do, in Spanish.</param>
public sealed record AtRiskActivity(
    string RegionCode,
    Section Section,
    int ObjectiveNumber,
    string Objective,
    string Activity,
    string Unit,
    Mark Compliance,
    string Reason,
    string ReasonText,
    string? Quote,
    string Action)
{
    /// <summary>Identifies the activity and reason within a region (the alert ledger's row key is its hash).</summary>
    public string Key => string.Join('\u001f', Section.Code(), ObjectiveNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), Objective, Activity, Reason);

    /// <summary>What "its status changed" compares: the mark and the quoted words.</summary>
    public string Fingerprint => Compliance + "|" + (Quote ?? "");

    /// <summary>As an item of an alert digest.</summary>
    public AlertItem ToItem() => new(Section.Code(), Objective, Activity, Unit, Reason, ReasonText, Quote, Action);
}
