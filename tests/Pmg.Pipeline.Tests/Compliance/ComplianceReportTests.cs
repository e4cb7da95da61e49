using Pmg.Domain.Model;
using Pmg.Domain.Reports;
using static Pmg.Pipeline.Tests.Compliance.RecalculationHarness;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Pipeline.Tests.Compliance;

/// <summary>What the recalculation puts in the consolidated workbook: the title block in Chile's time, the programmes committed, the units' addresses.</summary>
public sealed class ComplianceReportTests
{
    // 02:30 UTC on 3 February is still 2 February in Chile (UTC-3 in summer): the date a coordinator reads is the 2nd.
    private static readonly DateTimeOffset NearMidnightUtc = new(2010, 2, 3, 2, 30, 0, TimeSpan.Zero);

    private static async Task<ConsolidatedReport> RecalculateAsync(DateTimeOffset now, params Submission[] forms)
    {
        using var harness = new RecalculationHarness(now);
        foreach (var form in forms)
        {
            harness.Store.Put(form);
        }

        await harness.Service.RecalculateAsync();
        return Assert.Single(harness.Writer.Reports);
    }

    private static Submission WithIii3(Submission form) => form with
    {
        Programs =
        [
            .. form.Programs,
            new WorkProgram
            {
                Section = Section.III3,
                Objectives =
                [
                    new Objective
                    {
                        Text = "Mejorar el sistema de información regional",
                        Location = new SourceLocation(Section.III3, 1),
                        Activities = [.. Ten().Select(a => a with { Location = new SourceLocation(Section.III3, 2) })],
                    },
                ],
            },
        ],
    };

    [Fact]
    public async Task RecalculateAsync_NearMidnightUtc_HeaderGivesServiceYearAndChileDate()
    {
        var report = await RecalculateAsync(NearMidnightUtc, Form("CL-TA", Ten()));

        var header = Assert.IsType<ReportHeader>(report.Header);
        Assert.Equal(("Consolidado PMG Gestión Territorial", "SERNAM", "2009"), (header.Title, header.Service, header.Year));
        Assert.Equal("2 de febrero de 2010, 23:30 (hora de Chile)", header.GeneratedAt);
        Assert.Equal(ReportRules.Lines, header.Rules);
    }

    [Fact]
    public async Task RecalculateAsync_WinterInstant_HeaderUsesChilesStandardOffset()
    {
        // 15 July 2010 03:10 UTC: Chile is on UTC-4 in winter, so 14 July 23:10.
        var report = await RecalculateAsync(new DateTimeOffset(2010, 7, 15, 3, 10, 0, TimeSpan.Zero), Form("CL-TA", Ten()));

        Assert.Equal("14 de julio de 2010, 23:10 (hora de Chile)", report.Header!.GeneratedAt);
    }

    [Fact]
    public async Task RecalculateAsync_NoRegionCommitsIii3_ReportHasNoIii3()
    {
        var report = await RecalculateAsync(NearMidnightUtc, Form("CL-TA", Ten()), Form("CL-VS", Ten()));

        Assert.Equal([Section.III1], report.Sections);
        Assert.DoesNotContain(report.National, n => n.Section == Section.III3);
    }

    [Fact]
    public async Task RecalculateAsync_OneRegionCommitsIii3_ReportHasIii3()
    {
        var report = await RecalculateAsync(NearMidnightUtc, Form("CL-TA", Ten()), WithIii3(Form("CL-VS", Ten())));

        Assert.Equal([Section.III1, Section.III3], report.Sections);
        Assert.Contains(report.National, n => n.Section == Section.III3);
    }

    [Fact]
    public async Task RecalculateAsync_AtRiskRows_CarryTheUnitsAddressesOrNone()
    {
        var report = await RecalculateAsync(
            NearMidnightUtc,
            Form("CL-TA", Ten((1, Mark.NotComplied, "Unidad de Gestión Territorial"))),
            Form("CL-BI", Ten((1, Mark.NotComplied, "Jefa regional"))));

        var atRisk = report.AtRisk!;
        Assert.Equal([UgtTarapaca], Assert.Single(atRisk, r => r.RegionCode == "CL-TA").Emails);
        // Biobío's unit is not in the address book (its director is): the row says so rather than naming the director.
        Assert.Empty(Assert.Single(atRisk, r => r.RegionCode == "CL-BI").Emails);
    }
}
