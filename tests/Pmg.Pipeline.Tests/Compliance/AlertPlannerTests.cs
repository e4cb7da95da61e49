using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Pipeline.Tests.Compliance;

public sealed class AlertPlannerTests
{
    private static readonly DateTimeOffset Now = new(2010, 1, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Closing = new(2010, 1, 31);
    private static readonly DateOnly Today = new(2010, 1, 26);

    private static readonly ContactBook Book = new(
    [
        new Contact("SERNAM", "CL-VS", "Encargada regional de VIF", ["Encargada de la Unidad Regional de VIF"], ["vif.valparaiso@example.org"], ContactRole.Unit),
        new Contact("SERNAM", "CL-VS", "Unidad de Participación", [], ["VIF.Valparaiso@Example.org"], ContactRole.Unit),
        new Contact("SERNAM", "CL-VS", "Dirección Regional", ["Directora Regional"], ["direccion.valparaiso@example.org"], ContactRole.RegionalDirector),
        new Contact("SERNAM", "CL-TA", "Dirección Regional", [], ["direccion.tarapaca@example.org"], ContactRole.RegionalDirector),
        new Contact("SERNAM", null, "Coordinación Nacional", [], ["coordinacion.pmg@example.org"], ContactRole.NationalCoordinator),
    ]);

    [Fact]
    public void Digests_UnitSpelledThreeWays_OneEmailToItsAddressWithTheThreeActivities()
    {
        var region = Due("CL-VS",
            NotComplied("CL-VS", 1, "Asesoría a las Redes VIF", "Encargada regional de VIF"),
            NotComplied("CL-VS", 2, "Mantener la Coordinación con la URAVIT", "encargado Regional de VIF."),
            NotComplied("CL-VS", 3, "Catastro de casas de acogida", "Encargada de la unidad regional de VIF"));

        var digests = AlertPlanner.Digests("SERNAM", 2009, [region], Book, Closing, Today, Now);

        var unit = Assert.Single(digests, d => d.Recipient.Role == AlertRoles.Unit);
        Assert.Equal(["vif.valparaiso@example.org"], unit.Recipient.Emails);
        Assert.Equal("Encargada regional de VIF", unit.Recipient.Name);
        Assert.Equal(["Asesoría a las Redes VIF", "Mantener la Coordinación con la URAVIT", "Catastro de casas de acogida"], unit.AllItems.Select(i => i.Activity));
        Assert.Equal(Closing, unit.ClosingDate);
    }

    [Fact]
    public void Digests_TwoUnitsOneAddressInOtherCase_OneEmailNamingBothUnits()
    {
        var region = Due("CL-VS",
            NotComplied("CL-VS", 1, "Asesoría a las Redes VIF", "Encargada regional de VIF"),
            NotComplied("CL-VS", 2, "Informes OIRS", "Unidad de Participación"));

        var digests = AlertPlanner.Digests("SERNAM", 2009, [region], Book, Closing, Today, Now);

        // The unit's e-mail, the director's and the coordinator's: three addresses, three e-mails.
        Assert.Equal(3, digests.Count);
        var unit = Assert.Single(digests, d => d.Recipient.Role == AlertRoles.Unit);
        Assert.Equal("Encargada regional de VIF y Unidad de Participación", unit.Recipient.Name);
        Assert.Equal(2, unit.AllItems.Count());
    }

    [Fact]
    public void Digests_Director_OneEmailWithTheSummaryAndOnlyTheActivitiesOfUnitsWithoutContact()
    {
        var region = Due("CL-VS",
            NotComplied("CL-VS", 1, "Asesoría a las Redes VIF", "Encargada regional de VIF"),
            NotComplied("CL-VS", 2, "Difusión de derechos", "Encargada de comunicaciones"),
            NotComplied("CL-VS", 3, "Plan regional", "Directora Regional"));

        var digests = AlertPlanner.Digests("SERNAM", 2009, [region], Book, Closing, Today, Now);

        var director = Assert.Single(digests, d => d.Recipient.Emails.SequenceEqual(["direccion.valparaiso@example.org"]));
        Assert.Equal((AlertRoles.Director, "Dirección Regional de Valparaíso"), (director.Recipient.Role, director.Recipient.Name));
        var part = Assert.Single(director.Regions);
        Assert.Equal(["Difusión de derechos", "Plan regional"], part.Items.Select(i => i.Activity));
        Assert.Equal(
            [new AlertUnitSummary("Directora Regional", 1, true), new AlertUnitSummary("Encargada de comunicaciones", 1, false), new AlertUnitSummary("Encargada regional de VIF", 1, true)],
            part.Units);
        Assert.Equal(["Encargada de comunicaciones"], part.UnknownUnits);
    }

    [Fact]
    public void Digests_TwoRegions_CoordinatorGetsOneEmailWithBoth()
    {
        var valparaiso = Due("CL-VS", NotComplied("CL-VS", 1, "Asesoría a las Redes VIF", "Encargada regional de VIF"));
        var tarapaca = Due("CL-TA", NotComplied("CL-TA", 1, "Mesa regional", "Profesional de apoyo"));

        var digests = AlertPlanner.Digests("SERNAM", 2009, [valparaiso, tarapaca], Book, Closing, Today, Now);

        var coordinator = Assert.Single(digests, d => d.Recipient.Role == AlertRoles.Coordinator);
        Assert.Equal(["CL-TA", "CL-VS"], coordinator.Regions.Select(r => r.Region.Code)); // north to south
        Assert.Empty(coordinator.AllItems);
        Assert.Equal(4, digests.Count); // VIF, two directors, coordinator
        Assert.Equal(digests.Count, digests.Select(d => d.DigestId).Distinct().Count());
    }

    [Fact]
    public void Digests_NoDirectorNoCoordinator_OneDigestWithoutAddress()
    {
        var region = Due("CL-BI", NotComplied("CL-BI", 1, "Mesa regional", "Jefa regional"));

        var digests = AlertPlanner.Digests("SERNAM", 2009, [region], new ContactBook([]), Closing, Today, Now);

        var digest = Assert.Single(digests);
        Assert.Empty(digest.Recipient.Emails);
        Assert.Equal("Mesa regional", Assert.Single(digest.AllItems).Activity);
    }

    [Fact]
    public void Digests_SameItemsNextDay_NewDigestId()
    {
        var region = Due("CL-VS", NotComplied("CL-VS", 1, "Asesoría a las Redes VIF", "Encargada regional de VIF"));

        var today = AlertPlanner.Digests("SERNAM", 2009, [region], Book, Closing, Today, Now);
        var again = AlertPlanner.Digests("SERNAM", 2009, [region], Book, Closing, Today, Now.AddHours(1));
        var tomorrow = AlertPlanner.Digests("SERNAM", 2009, [region], Book, Closing, Today.AddDays(1), Now.AddDays(1));

        Assert.Equal(today.Select(d => d.DigestId), again.Select(d => d.DigestId));
        Assert.Empty(today.Select(d => d.DigestId).Intersect(tomorrow.Select(d => d.DigestId)));
    }

    private static RegionAlerts Due(string region, params AtRiskActivity[] atRisk) =>
        AlertPlanner.Due(RegionCatalog.FindByCode(region)!, atRisk, [], [], Now, TimeSpan.FromDays(7));

    private static AtRiskActivity NotComplied(string region, int objective, string activity, string unit) =>
        new(region, Section.III1, objective, "Objetivo " + objective, activity, unit, Mark.NotComplied,
            AlertReasons.NotComplied, "La actividad está marcada como no cumplida.", null, "Revise la actividad.");
}
