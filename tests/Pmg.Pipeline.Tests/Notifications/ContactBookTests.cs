using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Tests.Notifications;

public sealed class ContactBookTests
{
    private static readonly ContactBook Book = new(
    [
        new Contact("SERNAM", "CL-VS", "Encargada regional de VIF", ["Encargada de la Unidad Regional de VIF"], ["vif.valparaiso@example.org"], ContactRole.Unit),
        new Contact("SERNAM", "CL-TA", "Encargada regional de VIF", [], ["vif.tarapaca@example.org"], ContactRole.Unit),
        new Contact("SERNAM", "CL-VS", "Dirección Regional", ["Directora Regional"], ["direccion.valparaiso@example.org"], ContactRole.RegionalDirector),
        new Contact("SERNAM", null, "Coordinación Nacional", [], ["coordinacion.pmg@example.org"], ContactRole.NationalCoordinator),
    ]);

    [Theory]
    [InlineData("Encargado Regional de VIF")]
    [InlineData("ENCARGADA REGIONAL DE VIF.")]
    [InlineData("encargada  regional  de  vif (3)")]
    [InlineData("Encargado de la unidad regional de VIF")]
    public void Resolve_SpellingOrAlias_TheRegionsUnit(string unit)
    {
        var match = Book.Resolve("CL-VS", unit);

        Assert.Equal((true, "vif.valparaiso@example.org"), (match!.UnitKnown, match.Contact.Emails.Single()));
    }

    [Fact]
    public void Resolve_UnknownUnit_RegionalDirector()
    {
        var match = Book.Resolve("CL-VS", "Encargada de comunicaciones");

        Assert.Equal((false, "direccion.valparaiso@example.org"), (match!.UnitKnown, match.Contact.Emails.Single()));
    }

    [Fact]
    public void Resolve_DirectoraRegionalAsUnit_DirectorKnown()
    {
        var match = Book.Resolve("CL-VS", "Directora Regional");

        Assert.Equal((true, ContactRole.RegionalDirector), (match!.UnitKnown, match.Contact.Role));
    }

    [Fact]
    public void Resolve_UnitOfAnotherRegionWithoutDirector_Null()
    {
        Assert.Null(Book.Resolve("CL-BI", "Encargada regional de VIF"));
    }

    [Fact]
    public void UnknownUnits_MixedList_OnlyTheUnknownOnce()
    {
        var unknown = Book.UnknownUnits("CL-VS", ["Encargada regional de VIF", "Encargada OIRS", "encargado OIRS", ""]);

        Assert.Equal(["Encargada OIRS"], unknown);
    }

    [Fact]
    public void Parse_HeaderMissingColumns_OneProblemAtTheHeaderRow()
    {
        var result = ContactRowParser.Parse([(1, ["Nombre", "Correo"])]);

        Assert.Empty(result.Contacts);
        Assert.Equal(new ContactRowProblem(1, "La fila de títulos debe tener las columnas Servicio, Región, Unidad, Alias, Correos y Rol; faltan: Servicio, Región, Rol."), Assert.Single(result.Problems));
    }
}
