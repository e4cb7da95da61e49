using Pmg.Domain.Rules;

namespace Pmg.Domain.Tests.Rules;

public class ProgressCoverageTests
{
    private const string Objective = "Acercar la oferta de difusión e Información de derechos a las mujeres en los territorios";

    [Theory]
    [InlineData("Acercar la oferta de difusión e Información de derechos a las mujeres en los territorios")]
    [InlineData("ACERCAR LA OFERTA DE DIFUSION E INFORMACION DE DERECHOS A LAS MUJERES EN LOS TERRITORIOS.")]
    [InlineData("Acerca r la oferta de difusión e Información de derechos a las mujeres en los territorios")]
    [InlineData("Acercar la oferta de difusión e Información de")]
    [InlineData("Acercar la oferta de difusión e Información de derechos a las mujeres en los territorios seleccionados")]
    [InlineData("Acercar la oferta de difusion e Informacion de derechos a las mujeres en los territorio")]
    public void Matches_SameObjectiveWrittenDifferently_IsTrue(string row)
    {
        Assert.True(ProgressCoverage.Matches(Objective, row));
    }

    [Theory]
    [InlineData("Ampliar el acceso a la atención especializada de mujeres víctimas de VIF.")]
    [InlineData("")]
    [InlineData("Acercar")]
    [InlineData("Acercar la oferta de capacitación laboral a las mujeres jefas de hogar de la región")]
    public void Matches_OtherObjectiveOrFragment_IsFalse(string row)
    {
        Assert.False(ProgressCoverage.Matches(Objective, row));
    }

    [Fact]
    public void Matches_ShortTextsEqual_IsTrue()
    {
        Assert.True(ProgressCoverage.Matches("Agendas", "AGENDAS"));
    }
}
