using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;

namespace Pmg.Domain.Tests.Rules;

public class NationalRulesTests
{
    private static readonly Region Tarapaca = RegionCatalog.FindByCode("CL-TA")!;
    private static readonly Region Valparaiso = RegionCatalog.FindByCode("CL-VS")!;
    private static readonly Region Biobio = RegionCatalog.FindByCode("CL-BI")!;
    private static readonly Region Maule = RegionCatalog.FindByCode("CL-ML")!;

    [Theory]
    [InlineData(Section.III1)]
    [InlineData(Section.III2)]
    public void Evaluate_CierreSamples_IsNoCumpleAsExpected(Section section)
    {
        var statuses = new[] { "CL-TA", "CL-VS", "CL-BI" }
            .Select(code => FormRules.Evaluate(SampleForms.Load($"cierre-2009-{code}.json")))
            .SelectMany(e => e.Programs.Select(p => new RegionalStatus(e.Submission.Region!, p.Section, p.Status)))
            .ToList();
        using var expected = SampleForms.Open("cierre-2009-expected.json");
        var expectedLabel = expected.RootElement.GetProperty("national").GetProperty(section.Code()).GetString();

        var result = NationalRules.Evaluate(section, statuses, [], closingDatePassed: true);

        Assert.Equal(expectedLabel, result.Status.Label());
        Assert.Equal("NO CUMPLE", result.Status.Label());
        Assert.Equal(3, result.Regions);
        Assert.Equal(1, result.Complying); // only Tarapacá is CUMPLE in both programmes
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Evaluate_EveryRegionCumple_IsCumple()
    {
        var result = NationalRules.Evaluate(
            Section.III1,
            [Status(Tarapaca, ProgramStatus.Cumple), Status(Valparaiso, ProgramStatus.Cumple)],
            [Tarapaca, Valparaiso],
            closingDatePassed: true);

        Assert.Equal(ProgramStatus.Cumple, result.Status);
        Assert.Equal((2, 2), (result.Regions, result.Complying));
    }

    [Fact]
    public void Evaluate_OneRegionInvalido_IsNoCumple()
    {
        var result = NationalRules.Evaluate(
            Section.III1,
            [Status(Tarapaca, ProgramStatus.Cumple), Status(Valparaiso, ProgramStatus.Invalido)],
            [],
            closingDatePassed: false);

        Assert.Equal(ProgramStatus.NoCumple, result.Status);
    }

    [Fact]
    public void Evaluate_OneRegionPendienteNoneFailing_IsPendiente()
    {
        var result = NationalRules.Evaluate(
            Section.III2,
            [Status(Tarapaca, ProgramStatus.Cumple, Section.III2), Status(Valparaiso, ProgramStatus.Pendiente, Section.III2)],
            [],
            closingDatePassed: false);

        Assert.Equal(ProgramStatus.Pendiente, result.Status);
        Assert.Equal(1, result.Complying);
    }

    [Fact]
    public void Evaluate_ExpectedRegionMissingBeforeClosing_IsPendiente()
    {
        var result = NationalRules.Evaluate(
            Section.III1,
            [Status(Tarapaca, ProgramStatus.Cumple), Status(Valparaiso, ProgramStatus.Cumple)],
            [Tarapaca, Valparaiso, Biobio],
            closingDatePassed: false);

        Assert.Equal(ProgramStatus.Pendiente, result.Status);
        Assert.Equal(3, result.Regions);
        Assert.Equal("CL-BI", Assert.Single(result.Missing).Code);
    }

    [Fact]
    public void Evaluate_ExpectedRegionMissingAfterClosing_IsNoCumple()
    {
        var result = NationalRules.Evaluate(
            Section.III1,
            [Status(Tarapaca, ProgramStatus.Cumple), Status(Valparaiso, ProgramStatus.Cumple)],
            [Tarapaca, Valparaiso, Biobio],
            closingDatePassed: true);

        Assert.Equal(ProgramStatus.NoCumple, result.Status);
        Assert.Equal(2, result.Complying);
    }

    [Fact]
    public void Evaluate_ExpectedRegionSentFormWithoutProgramme_DoesNotCount()
    {
        var result = NationalRules.Evaluate(
            Section.III2,
            [Status(Tarapaca, ProgramStatus.Cumple, Section.III2), Status(Maule, ProgramStatus.Cumple, Section.III1)],
            [Tarapaca, Maule],
            closingDatePassed: true,
            submittedRegions: [Tarapaca, Maule]);

        Assert.Equal(ProgramStatus.Cumple, result.Status);
        Assert.Equal(1, result.Regions);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Evaluate_StatusesOfOtherProgrammes_AreIgnored()
    {
        var result = NationalRules.Evaluate(
            Section.III1,
            [Status(Tarapaca, ProgramStatus.Cumple), Status(Valparaiso, ProgramStatus.NoCumple, Section.III2)],
            [],
            closingDatePassed: true);

        Assert.Equal(ProgramStatus.Cumple, result.Status);
        Assert.Equal(1, result.Regions);
    }

    [Fact]
    public void Evaluate_NothingCommittedNorExpected_IsPendiente()
    {
        var result = NationalRules.Evaluate(Section.III3, [], [], closingDatePassed: true);

        Assert.Equal(ProgramStatus.Pendiente, result.Status);
        Assert.Equal(0, result.Regions);
    }

    [Theory]
    [InlineData("90.00", ProgramStatus.Cumple)]
    [InlineData("89.99", ProgramStatus.NoCumple)]
    public void Evaluate_RegionAtThreshold_FollowsRegionalStatus(string earnedText, ProgramStatus expected)
    {
        var earned = decimal.Parse(earnedText, System.Globalization.CultureInfo.InvariantCulture);
        var submission = new SubmissionBuilder()
            .WithProgram(Section.III1, p => p
                .WithObjective("Objetivo cumplido del programa", Compliance.Complied, earned, 0m)
                .WithObjective("Objetivo no cumplido del programa", Compliance.NotComplied, 100m - earned, 0m))
            .WithProgressRowsForAllObjectives()
            .Build();
        var regional = FormRules.Evaluate(submission).Program(Section.III1)!;

        var result = NationalRules.Evaluate(Section.III1, [Status(Tarapaca, regional.Status)], [Tarapaca], closingDatePassed: true);

        Assert.Equal(expected, result.Status);
    }

    private static RegionalStatus Status(Region region, ProgramStatus status, Section section = Section.III1) => new(region, section, status);
}
