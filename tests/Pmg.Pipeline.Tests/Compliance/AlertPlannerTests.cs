using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Compliance;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Pipeline.Tests.Compliance;

public sealed class AlertPlannerTests
{
    private static readonly DateTimeOffset Now = new(2010, 2, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_SameUnitSpelledTwoWays_OneDigestForTheUnitWithBothActivities()
    {
        AtRiskActivity[] atRisk =
        [
            NotComplied(1, "Asesoría a las Redes VIF", "Encargada regional de VIF"),
            NotComplied(2, "Mantener la Coordinación con la URAVIT", "encargado Regional de VIF."),
            NotComplied(3, "Informes OIRS", "Unidad de Participación"),
        ];

        var plan = AlertPlanner.Plan("SERNAM", 2009, RegionCatalog.FindByCode("CL-VS")!, atRisk, [], [], Now, TimeSpan.FromDays(7));

        var unitDigests = plan.Digests.Where(d => d.Recipient.Role == AlertRoles.Unit).ToArray();
        Assert.Equal(["Encargada regional de VIF", "Unidad de Participación"], unitDigests.Select(d => d.Recipient.Unit));
        Assert.Equal(
            ["Asesoría a las Redes VIF", "Mantener la Coordinación con la URAVIT"],
            unitDigests[0].Items.Select(i => i.Activity).Order(StringComparer.Ordinal));
    }

    private static AtRiskActivity NotComplied(int objective, string activity, string unit) =>
        new("CL-VS", Section.III1, objective, "Objetivo " + objective, activity, unit, Mark.NotComplied,
            AlertReasons.NotComplied, "La actividad está marcada como no cumplida.", null, "Revise la actividad.");
}
