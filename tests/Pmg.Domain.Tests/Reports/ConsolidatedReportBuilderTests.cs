using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;

namespace Pmg.Domain.Tests.Reports;

public sealed class ConsolidatedReportBuilderTests
{
    private static EvaluatedFile Evaluated(string file, string regionCode, int year, params (Section Section, decimal Performance, ProgramStatus Status)[] programs)
    {
        var region = RegionCatalog.FindByCode(regionCode)!;
        var submission = new Submission { Service = "SERNAM", Year = year, Region = region, SourceFile = file, Format = FormFormat.Word };
        var results = programs.Select(p => new ProgramResult(p.Section, 2, 4, 100m, p.Performance, p.Performance, p.Status)).ToList();
        return new EvaluatedFile(
            new FormReadResult { FileName = file, Format = FormFormat.Word, Submission = submission },
            new SubmissionEvaluation(submission, results, []));
    }

    [Fact]
    public void Build_ThreeRegions_NationalIsNoCumpleWhenAnyRegionFails()
    {
        var report = ConsolidatedReportBuilder.Build(
        [
            Evaluated("ta.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple), (Section.III2, 100m, ProgramStatus.Cumple)),
            Evaluated("vs.docx", "CL-VS", 2009, (Section.III1, 88m, ProgramStatus.NoCumple), (Section.III2, 95m, ProgramStatus.Cumple)),
        ]);

        Assert.Equal([Section.III1, Section.III2], report.Sections);
        var iii1 = report.National.Single(n => n.Section == Section.III1);
        Assert.Equal(ProgramStatus.NoCumple, iii1.Status);
        Assert.Equal(2, iii1.Regions);
        Assert.Equal(1, iii1.Complying);
        var iii2 = report.National.Single(n => n.Section == Section.III2);
        Assert.Equal(ProgramStatus.Cumple, iii2.Status);
        Assert.Equal(2, iii2.Complying);
    }

    [Fact]
    public void Build_FormsOfTwoYears_WarnsThatTheNationalResultMixesThem()
    {
        var report = ConsolidatedReportBuilder.Build(
        [
            Evaluated("ta-2009.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple)),
            Evaluated("vs-2010.docx", "CL-VS", 2010, (Section.III1, 91m, ProgramStatus.Cumple)),
        ]);

        var warning = Assert.Single(report.Observations, o => o.Code == ReportCodes.MixedYears);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("Los formularios son de años distintos (2009, 2010): el resultado nacional los mezcla. Genere un informe por año.", warning.Message);
    }

    [Fact]
    public void Build_FormsOfOneYear_NoMixedYearsWarning()
    {
        var report = ConsolidatedReportBuilder.Build(
        [
            Evaluated("ta.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple)),
            Evaluated("vs.docx", "CL-VS", 2009, (Section.III1, 91m, ProgramStatus.Cumple)),
        ]);

        Assert.DoesNotContain(report.Observations, o => o.Code == ReportCodes.MixedYears);
    }

    [Fact]
    public void Build_Regions_AreInCatalogueOrder()
    {
        var report = ConsolidatedReportBuilder.Build(
        [
            Evaluated("bi.docx", "CL-BI", 2009, (Section.III1, 72m, ProgramStatus.NoCumple)),
            Evaluated("ta.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple)),
        ]);

        Assert.Equal(["CL-TA", "CL-BI"], report.Regions.Select(r => r.Region!.Code));
    }

    [Fact]
    public void Build_SameRegionTwiceWithoutDates_ListsBothCountsTheLastByNameOnceAndWarns()
    {
        var report = ConsolidatedReportBuilder.Build(
        [
            Evaluated("b-tarapaca.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple)),
            Evaluated("a-tarapaca.docx", "CL-TA", 2009, (Section.III1, 50m, ProgramStatus.NoCumple)),
        ]);

        Assert.Equal(2, report.Regions.Count);
        Assert.True(report.Regions.Single(r => r.File == "b-tarapaca.docx").CountsNationally);
        Assert.False(report.Regions.Single(r => r.File == "a-tarapaca.docx").CountsNationally);
        var national = Assert.Single(report.National);
        Assert.Equal(1, national.Regions);
        Assert.Equal(ProgramStatus.Cumple, national.Status);
        var warnings = report.Observations.Where(o => o.Code == ReportCodes.DuplicateRegion).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Equal(
            "La región Tarapacá (CL-TA) tiene 2 formularios de SERNAM para 2009: a-tarapaca.docx, b-tarapaca.docx. En el resultado nacional se considera solo «b-tarapaca.docx», el último por nombre de archivo, porque no se sabe cuál es el más reciente.",
            warnings[0].Message);
    }

    [Fact]
    public void Build_SameRegionTwice_CountsTheMostRecentWhateverItsName()
    {
        var older = Evaluated("b-tarapaca.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple)) with { ModifiedAt = At(1, 10) };
        var newer = Evaluated("a-tarapaca.xlsx", "CL-TA", 2009, (Section.III1, 50m, ProgramStatus.NoCumple)) with { ModifiedAt = At(2, 9) };

        var report = ConsolidatedReportBuilder.Build([older, newer], new ReportOptions { ChoiceHint = "Para considerar otro, use --prefer ARCHIVO." });

        Assert.True(report.Regions.Single(r => r.File == "a-tarapaca.xlsx").CountsNationally);
        Assert.False(report.Regions.Single(r => r.File == "b-tarapaca.docx").CountsNationally);
        Assert.Equal(ProgramStatus.NoCumple, Assert.Single(report.National).Status);
        Assert.Equal(
            "La región Tarapacá (CL-TA) tiene 2 formularios de SERNAM para 2009: b-tarapaca.docx (modificado el 01-12-2026 10:00:00), a-tarapaca.xlsx (modificado el 02-12-2026 09:00:00). "
                + "En el resultado nacional se considera solo «a-tarapaca.xlsx», el más reciente, como el proceso hace con las subidas. Para considerar otro, use --prefer ARCHIVO.",
            report.Observations.First(o => o.Code == ReportCodes.DuplicateRegion).Message);
    }

    [Fact]
    public void Build_SameRegionTwiceAtTheSameMoment_CountsTheLastByNameAsThePipelineBreaksTies()
    {
        var first = Evaluated("a.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple)) with { ModifiedAt = At(1, 10) };
        var second = Evaluated("b.docx", "CL-TA", 2009, (Section.III1, 50m, ProgramStatus.NoCumple)) with { ModifiedAt = At(1, 10) };

        var report = ConsolidatedReportBuilder.Build([second, first]);

        Assert.True(report.Regions.Single(r => r.File == "b.docx").CountsNationally);
        Assert.EndsWith("«b.docx», el último por nombre de archivo entre los modificados a la misma hora, como el proceso hace con las subidas.", report.Observations.First(o => o.Code == ReportCodes.DuplicateRegion).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameRegionTwiceOneChosen_CountsTheChosenAndSaysWhichIsMoreRecent()
    {
        var chosen = Evaluated("final.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple)) with { ModifiedAt = At(1, 10), Chosen = true };
        var newer = Evaluated("borrador.docx", "CL-TA", 2009, (Section.III1, 50m, ProgramStatus.NoCumple)) with { ModifiedAt = At(3, 8) };

        var report = ConsolidatedReportBuilder.Build([chosen, newer], new ReportOptions { ChoiceHint = "Para considerar otro, use --prefer ARCHIVO." });

        Assert.True(report.Regions.Single(r => r.File == "final.docx").CountsNationally);
        Assert.False(report.Regions.Single(r => r.File == "borrador.docx").CountsNationally);
        Assert.Equal(ProgramStatus.Cumple, Assert.Single(report.National).Status);
        Assert.EndsWith("se considera solo «final.docx», el elegido, aunque el más reciente es «borrador.docx».", report.Observations.First(o => o.Code == ReportCodes.DuplicateRegion).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameRegionAndYearOfTwoServices_AreNotDuplicates()
    {
        var sernam = Evaluated("sernam.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple));
        var sence = Evaluated("sence.docx", "CL-TA", 2009, (Section.III1, 50m, ProgramStatus.NoCumple));
        sence = sence with { Read = sence.Read with { Submission = sence.Read.Submission! with { Service = "SENCE" } } };

        var report = ConsolidatedReportBuilder.Build([sernam, sence]);

        Assert.All(report.Regions, r => Assert.True(r.CountsNationally));
        Assert.DoesNotContain(report.Observations, o => o.Code == ReportCodes.DuplicateRegion);
    }

    [Fact]
    public void SubmissionRecency_LaterUploadWins_ThenTheIdThatSortsLast()
    {
        Assert.True(SubmissionRecency.IsNewer(At(2, 0), "a", At(1, 0), "z"));
        Assert.False(SubmissionRecency.IsNewer(At(1, 0), "z", At(2, 0), "a"));
        Assert.True(SubmissionRecency.IsNewer(At(1, 0), "b", At(1, 0), "a"));
        Assert.Equal("b", SubmissionRecency.Latest(["b", "a"], _ => At(1, 0), s => s));
        Assert.Equal("a", SubmissionRecency.Latest(["b", "a"], s => s == "a" ? At(1, 0) : null, s => s));
    }

    private static DateTimeOffset At(int day, int hour) => new(2026, 12, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_SameRegionOtherYear_IsNotADuplicate()
    {
        var report = ConsolidatedReportBuilder.Build(
        [
            Evaluated("ta-2009.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple)),
            Evaluated("ta-2010.docx", "CL-TA", 2010, (Section.III1, 96m, ProgramStatus.Cumple)),
        ]);

        Assert.All(report.Regions, r => Assert.True(r.CountsNationally));
        Assert.DoesNotContain(report.Observations, o => o.Code == ReportCodes.DuplicateRegion);
    }

    [Fact]
    public void Build_RefusedFile_BecomesObservationsOnly()
    {
        var refused = new EvaluatedFile(
            FormReadResult.Refused("falso.docx", FormFormat.Unknown, Diagnostic.Error("NOT_OOXML", "El archivo no es un documento Word ni Excel.")),
            null);

        var report = ConsolidatedReportBuilder.Build([refused, Evaluated("ta.docx", "CL-TA", 2009, (Section.III1, 96m, ProgramStatus.Cumple))]);

        Assert.DoesNotContain(report.Regions, r => r.File == "falso.docx");
        var observation = Assert.Single(report.Observations, o => o.File == "falso.docx");
        Assert.Equal("NOT_OOXML", observation.Code);
        Assert.Equal(Severity.Error, observation.Severity);
    }

    [Fact]
    public void Build_UnknownRegion_IsListedButNotCountedAndWarned()
    {
        var submission = new Submission { Service = "SERNAM", Year = 2009, SourceFile = "x.docx" };
        var file = new EvaluatedFile(
            new FormReadResult { FileName = "x.docx", Format = FormFormat.Word, Submission = submission },
            new SubmissionEvaluation(submission, [new ProgramResult(Section.III1, 2, 4, 100m, 50m, 50m, ProgramStatus.NoCumple)], []));

        var report = ConsolidatedReportBuilder.Build([file]);

        Assert.False(Assert.Single(report.Regions).CountsNationally);
        Assert.Equal(0, Assert.Single(report.National).Regions);
        Assert.Contains(report.Observations, o => o.Code == ReportCodes.RegionNotCounted && o.Message.StartsWith("No se pudo determinar la región", StringComparison.Ordinal));
    }
}
