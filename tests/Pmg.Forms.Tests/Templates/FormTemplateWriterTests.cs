using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Forms.Templates;

namespace Pmg.Forms.Tests.Templates;

public sealed class FormTemplateWriterTests
{
    [Theory]
    [MemberData(nameof(TemplateFiles.BothFormats), MemberType = typeof(TemplateFiles))]
    public async Task WriteAsync_BlankForm_OpensWithoutValidationErrors(FormFormat format)
    {
        var bytes = await TemplateFiles.BlankAsync(format);

        Assert.Empty(TemplateFiles.ValidationErrors(bytes, format));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles.BothFormats), MemberType = typeof(TemplateFiles))]
    public async Task WriteAsync_BlankForm_ReadsAsThatOfficesEmptyFormWithNoDiagnostics(FormFormat format)
    {
        var read = await TemplateFiles.ReadAsync(await TemplateFiles.BlankAsync(format, year: 2011), format);

        Assert.True(read.Accepted);
        Assert.Empty(read.Diagnostics);
        var submission = read.Submission!;
        Assert.Equal(("SERNAM", 2011, "CL-TA"), (submission.Service, submission.Year, submission.Region!.Code));
        Assert.Equal([Section.III1, Section.III2, Section.III3], submission.Programs.Select(p => p.Section));
        Assert.All(submission.Programs, p => Assert.Empty(p.Objectives));
        Assert.All(submission.Programs, p => Assert.Null(p.DeclaredPerformance));
        Assert.Empty(submission.ProgressRows);
        Assert.Equal("Programa de Trabajo de Gestión Territorial 2011 (mejoras en el diseño, acceso y distribución de los productos en el territorio)", submission.Programs[0].Title);
    }

    [Theory]
    [MemberData(nameof(TemplateFiles.BothFormats), MemberType = typeof(TemplateFiles))]
    public async Task WriteAsync_FromTheSeed_StartsNextYearFromItsObjectivesWithMarksCleared(FormFormat format)
    {
        var seed = await TemplateFiles.ReadSeedAsync(format);

        var bytes = await TemplateFiles.BlankAsync(format, year: 2010, prefill: seed);

        Assert.Empty(TemplateFiles.ValidationErrors(bytes, format));
        var read = await TemplateFiles.ReadAsync(bytes, format);
        Assert.Empty(read.Diagnostics);
        var next = read.Submission!;
        Assert.Equal(2010, next.Year);
        foreach (var section in new[] { Section.III1, Section.III2, Section.III3 })
        {
            var before = seed.Program(section)!;
            var after = next.Program(section)!;
            Assert.Equal(before.Objectives.Select(o => o.Text), after.Objectives.Select(o => o.Text));
            Assert.Equal(before.Objectives.Select(o => o.Category), after.Objectives.Select(o => o.Category));
            Assert.Equal(before.Activities.Select(a => (a.Text, a.Unit, a.Means, a.Weight)), after.Activities.Select(a => (a.Text, a.Unit, a.Means, a.Weight)));
            Assert.All(after.Activities, a => Assert.Equal(Compliance.Unmarked, a.Compliance));
            Assert.All(after.Activities, a => Assert.Null(a.DeclaredEarned));
        }

        var body = seed.Program(Section.III2)!.CoordinatingBody!;
        var copied = next.Program(Section.III2)!.CoordinatingBody!;
        Assert.Equal((body.Name, body.Problem, body.Territories, body.Institutions), (copied.Name, copied.Problem, copied.Territories, copied.Institutions));
        Assert.Equal(body.Products, copied.Products);

        // One III.4 row per objective (rule 6), its analysis left for the new year.
        var objectives = next.Programs.SelectMany(p => p.Objectives).ToList();
        Assert.Equal(objectives.Select(o => o.Text), next.ProgressRows.Select(r => r.Objective));
        Assert.All(next.ProgressRows, r => Assert.Equal(("", "", "", ""), (r.Progress, r.AuthorityMeasures, r.Recommendations, r.Responsible)));
        Assert.Equal(["Diseño Acceso y Distribución", "Complementariedad", "Información"], next.ProgressRows.Select(r => r.Program).Distinct());
    }

    [Theory]
    [MemberData(nameof(TemplateFiles.BothFormats), MemberType = typeof(TemplateFiles))]
    public async Task WriteAsync_FromTheUnmarkedSeed_ScoresAsTheSeedDoes(FormFormat format)
    {
        // The seed is a mid-year form: nothing marked yet, III.1's weights sum to 7,35 (INVALIDO).
        var seed = await TemplateFiles.ReadSeedAsync(FormFormat.Word);

        var read = await TemplateFiles.ReadAsync(await TemplateFiles.BlankAsync(format, year: 2009, prefill: seed), format);

        var evaluation = FormRules.Evaluate(read.Submission!);
        var expected = FormRules.Evaluate(seed);
        Assert.Equal(
            expected.Programs.Select(p => (p.Section, p.Status, p.WeightTotal, p.Activities)),
            evaluation.Programs.Select(p => (p.Section, p.Status, p.WeightTotal, p.Activities)));
        Assert.Equal(7.35m, evaluation.Programs[0].WeightTotal);
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Code is RuleCodes.DeclaredPerformanceMismatch or RuleCodes.EarnedMismatch);
    }

    [Fact]
    public async Task AddPmgForms_RegistersOneTemplateWriterThatWritesTheForm()
    {
        using var provider = new ServiceCollection().AddPmgForms().BuildServiceProvider();

        var writer = provider.GetRequiredService<FormTemplateWriter>();

        Assert.Same(writer, provider.GetRequiredService<FormTemplateWriter>());
        using var output = new MemoryStream();
        await writer.WriteAsync("SERNAM", 2012, RegionCatalog.FindByCode("CL-LR")!, FormFormat.Excel, output);
        var read = await TemplateFiles.ReadAsync(output.ToArray(), FormFormat.Excel);
        Assert.Equal(("Los Ríos", 2012), (read.Submission!.Region!.Name, read.Submission.Year));
    }

    [Fact]
    public async Task WriteAsync_RegionThatDidNotExistThatYear_IsAnArgumentError()
    {
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new FormTemplateWriter().WriteAsync("SERNAM", 2010, RegionCatalog.FindByCode("CL-NB")!, FormFormat.Word, output));

        Assert.Equal("region", error.ParamName);
        Assert.Equal(0, output.Length);
    }
}
