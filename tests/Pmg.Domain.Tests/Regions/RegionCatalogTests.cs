using Pmg.Domain.Regions;

namespace Pmg.Domain.Tests.Regions;

public class RegionCatalogTests
{
    [Theory]
    [InlineData("Tarapacá", "CL-TA")]
    [InlineData("TARAPACA", "CL-TA")]
    [InlineData("I Región de Tarapacá", "CL-TA")]
    [InlineData("Región de Tarapacá", "CL-TA")]
    [InlineData("Región de la Araucanía", "CL-AR")]
    [InlineData("Araucanía", "CL-AR")]
    [InlineData("O´Higgins", "CL-LI")]
    [InlineData("O'Higgins", "CL-LI")]
    [InlineData("O’Higgins", "CL-LI")]
    [InlineData("O`Higgins", "CL-LI")]
    [InlineData("Región del Libertador General Bernardo O'Higgins", "CL-LI")]
    [InlineData("Bío-Bío", "CL-BI")]
    [InlineData("Biobío", "CL-BI")]
    [InlineData("Bio Bio", "CL-BI")]
    [InlineData("VIII Región del Bío-Bío", "CL-BI")]
    [InlineData("Aisén", "CL-AI")]
    [InlineData("Aysén", "CL-AI")]
    [InlineData("RM", "CL-RM")]
    [InlineData("Región Metropolitana", "CL-RM")]
    [InlineData("Metropolitana de Santiago", "CL-RM")]
    [InlineData("VALPARAISO", "CL-VS")]
    [InlineData("V Región", "CL-VS")]
    [InlineData("Región de Valparaíso (V)", "CL-VS")]
    [InlineData("Magallanes", "CL-MA")]
    [InlineData("Los Ríos", "CL-LR")]
    [InlineData("XIV Región de Los Ríos", "CL-LR")]
    [InlineData("Arica y Parinacota", "CL-AP")]
    [InlineData("Ñuble", "CL-NB")]
    [InlineData("CL-TA", "CL-TA")]
    [InlineData("cl-ta", "CL-TA")]
    [InlineData("Dirección Regional de Tarapacá", "CL-TA")]
    [InlineData("Región Metropolitana de Santiago", "CL-RM")]
    [InlineData("Región del Maule", "CL-ML")]
    [InlineData("XI Región de Aysén del General Carlos Ibáñez del Campo", "CL-AI")]
    [InlineData("XII Región de Magallanes y de la Antártica Chilena", "CL-MA")]
    [InlineData("Región V", "CL-VS")]
    [InlineData("XV Región de Arica y Parinacota", "CL-AP")]
    [InlineData("REGION DE LOS LAGOS", "CL-LL")]
    [InlineData("I Región de Tarapacá - Iquique", "CL-TA")]
    public void TryResolve_SpellingFromForms_ReturnsRegion(string text, string code)
    {
        Assert.True(RegionCatalog.TryResolve(text, out var region));
        Assert.Equal(code, region.Code);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("8")]
    [InlineData("13")]
    [InlineData("V")]
    [InlineData("VIII")]
    [InlineData("Región")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Mendoza")]
    [InlineData("CL-ZZ")]
    [InlineData("I Región de Antofagasta")]
    [InlineData("Región 8")]
    [InlineData("8 Región")]
    [InlineData("Región de Los Ríos y Los Lagos")]
    public void TryResolve_BareNumberOrUnknown_ReturnsFalse(string? text)
    {
        Assert.False(RegionCatalog.TryResolve(text, out _));
    }

    [Fact]
    public void All_Catalogue_HasSixteenRegionsWithUniqueCodes()
    {
        Assert.Equal(16, RegionCatalog.All.Count);
        Assert.Equal(16, RegionCatalog.All.Select(r => r.Code).Distinct().Count());
    }

    [Theory]
    [InlineData(2006, 13)]
    [InlineData(2007, 15)]
    [InlineData(2009, 15)]
    [InlineData(2017, 15)]
    [InlineData(2018, 16)]
    public void ExistingIn_Year_CountsRegionsThatExisted(int year, int count)
    {
        Assert.Equal(count, RegionCatalog.ExistingIn(year).Count);
    }

    [Fact]
    public void ExistingIn_2009_ExcludesNuble()
    {
        Assert.DoesNotContain(RegionCatalog.ExistingIn(2009), r => r.Code == "CL-NB");
        Assert.Contains(RegionCatalog.ExistingIn(2009), r => r.Code == "CL-LR");
    }

    [Fact]
    public void FindByCode_LowerCase_FindsRegion()
    {
        Assert.Equal("Biobío", RegionCatalog.FindByCode("cl-bi")?.Name);
        Assert.Null(RegionCatalog.FindByCode("CL-XX"));
    }
}
