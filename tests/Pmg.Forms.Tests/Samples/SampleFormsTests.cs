using System.Text.Json;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;

namespace Pmg.Forms.Tests.Samples;

/// <summary>Every sample form reads to what its expected JSON says, field by field.</summary>
public sealed class SampleFormsTests
{
    public static TheoryData<string, string> Samples => new()
    {
        { "tarapaca-2009-etapa3.docx", "tarapaca-2009-seed.json" },
        { "tarapaca-2009-etapa3.xlsx", "tarapaca-2009-seed.json" },
        { "cierre-2009-CL-TA.docx", "cierre-2009-CL-TA.json" },
        { "cierre-2009-CL-TA.xlsx", "cierre-2009-CL-TA.json" },
        { "cierre-2009-CL-VS.docx", "cierre-2009-CL-VS.json" },
        { "cierre-2009-CL-VS.xlsx", "cierre-2009-CL-VS.json" },
        { "cierre-2009-CL-BI.docx", "cierre-2009-CL-BI.json" },
        { "cierre-2009-CL-BI.xlsx", "cierre-2009-CL-BI.json" },
    };

    public static TheoryData<string> Forms => new(Samples.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReadAsync_SampleForm_MatchesExpectedServiceYearAndRegion(string form, string expectedFile)
    {
        using var expected = LoadExpected(expectedFile);
        var submission = await ReadSubmission(form);

        var root = expected.RootElement;
        Assert.Equal(root.GetProperty("service").GetString(), submission.Service);
        Assert.Equal(root.GetProperty("year").GetInt32(), submission.Year);
        Assert.True(RegionCatalog.TryResolve(root.GetProperty("region").GetString(), out var region));
        Assert.Equal(region.Code, submission.Region?.Code);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReadAsync_SampleForm_ProgrammesMatchExpectedObjectivesAndActivities(string form, string expectedFile)
    {
        using var expected = LoadExpected(expectedFile);
        var submission = await ReadSubmission(form);

        foreach (var program in expected.RootElement.GetProperty("programs").EnumerateArray())
        {
            Assert.True(SectionExtensions.TryParseCode(program.GetProperty("kind").GetString(), out var section));
            var read = submission.Program(section);
            Assert.NotNull(read);
            if (program.TryGetProperty("objectives", out var objectives))
            {
                AssertObjectives(section, objectives, read);
            }
            else
            {
                AssertCategoryRows(program.GetProperty("rows"), read);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReadAsync_SampleForm_CoordinatingBodyMatchesExpected(string form, string expectedFile)
    {
        using var expected = LoadExpected(expectedFile);
        var submission = await ReadSubmission(form);

        var instance = expected.RootElement.GetProperty("programs").EnumerateArray()
            .Single(p => p.GetProperty("kind").GetString() == "III.2").GetProperty("instance");
        var body = submission.Program(Section.III2)?.CoordinatingBody;
        Assert.NotNull(body);
        Assert.Equal(instance.GetProperty("name").GetString(), body.Name);
        Assert.Equal(instance.GetProperty("problem").GetString(), body.Problem);
        Assert.Equal(instance.GetProperty("territories").GetString(), body.Territories);
        Assert.Equal(instance.GetProperty("institutions").GetString(), body.Institutions);
        Assert.Equal(instance.GetProperty("products").EnumerateArray().Select(p => p.GetString()), body.Products);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReadAsync_SampleForm_ProgressRowsMatchExpected(string form, string expectedFile)
    {
        using var expected = LoadExpected(expectedFile);
        var submission = await ReadSubmission(form);

        var rows = expected.RootElement.GetProperty("progress").EnumerateArray().ToList();
        Assert.Equal(rows.Count, submission.ProgressRows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = submission.ProgressRows[i];
            Assert.Equal(rows[i].GetProperty("program").GetString(), row.Program);
            Assert.Equal(rows[i].GetProperty("objective").GetString(), row.Objective);
            Assert.Equal(rows[i].GetProperty("progress").GetString(), row.Progress);
            Assert.Equal(rows[i].GetProperty("authorityMeasures").GetString(), row.AuthorityMeasures);
            Assert.Equal(rows[i].GetProperty("recommendations").GetString(), row.Recommendations);
            Assert.Equal(rows[i].GetProperty("responsible").GetString(), row.Responsible);
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task ReadAsync_SampleForm_ReadsWithoutAnyReadingMessage(string form)
    {
        await using var stream = File.OpenRead(SharedSamples.Form(form));

        var result = await new FormReader().ReadAsync(stream, form, new FormReadOptions { Service = "SERNAM", Year = 2009 });

        Assert.Empty(result.Diagnostics.Select(d => d.Code + ": " + d.Message));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task ReadAsync_SampleForm_FindsEachBlankDeclaredPerformance(string form)
    {
        var submission = await ReadSubmission(form);

        Assert.All(submission.Programs, program =>
        {
            Assert.NotNull(program.DeclaredPerformanceLocation);
            Assert.Null(program.DeclaredPerformance);
            Assert.Equal("", program.RawDeclaredPerformance);
        });
    }

    [Theory]
    [InlineData("tarapaca-2009-etapa3.docx")]
    [InlineData("tarapaca-2009-etapa3.xlsx")]
    public async Task ReadAsync_SeedForm_HasTheSeedsCountsWeightTotalAndRegion(string form)
    {
        var submission = await ReadSubmission(form);

        var gestion = submission.Program(Section.III1)!;
        Assert.Equal(19, gestion.Objectives.Count);
        Assert.Equal(25, gestion.Activities.Count());
        Assert.Equal(7.35m, gestion.Activities.Sum(a => a.Weight ?? 0m));
        var complementarity = submission.Program(Section.III2)!;
        Assert.Equal(7, complementarity.Objectives.Count);
        Assert.Equal(9, complementarity.Activities.Count());
        Assert.Equal(25, submission.ProgressRows.Count);
        Assert.Equal("CL-TA", submission.Region?.Code);
        Assert.Equal("Tarapacá", submission.RegionLabel);
    }

    [Fact]
    public async Task ReadAsync_SeedWordWithoutOptions_ReadsServiceAndYearFromTheDocument()
    {
        await using var stream = File.OpenRead(SharedSamples.Form("tarapaca-2009-etapa3.docx"));

        var result = await new FormReader().ReadAsync(stream, "tarapaca-2009-etapa3.docx", FormReadOptions.Default);

        Assert.Equal("SERNAM", result.Submission?.Service);
        Assert.Equal(2009, result.Submission?.Year);
        Assert.Equal(FormFormat.Word, result.Format);
    }

    [Fact]
    public async Task ReadAsync_SeedExcel_ActivitiesPointAtTheirCells()
    {
        var submission = await ReadSubmission("tarapaca-2009-etapa3.xlsx");

        var third = submission.Program(Section.III1)!.Objectives[2].Activities[0];
        Assert.Equal("III.1, fila 3, Ponderación (%), celda G9", third.At(Columns.Weight).ToString());
    }

    [Theory]
    [InlineData("tarapaca-2009-etapa3.docx")]
    [InlineData("tarapaca-2009-etapa3.xlsx")]
    public async Task ReadAsync_SeedInformationSection_ListsEachCategoryObjective(string form)
    {
        var submission = await ReadSubmission(form);

        var information = submission.Program(Section.III3)!;
        Assert.Equal(
            ["Oferta de información al GORE", "Oferta de información al GORE", "Oferta de información al GORE", "Provisión de información"],
            information.Objectives.Select(o => o.Category));
        Assert.Equal("Definir la información a proveer al GORE", information.Objectives[0].Text);
        Assert.Equal(
            ["Proveer información relacionada con los instrumentos ARI y PROPIR.", "Participar en diversas comisiones del Gobierno Regional,"],
            information.Objectives[0].Activities.Select(a => a.Text));
        Assert.Equal(["Poblamiento del sistema informático con información actualizada."], information.Objectives[3].Activities.Select(a => a.Text));
    }

    private static void AssertObjectives(Section section, JsonElement objectives, WorkProgram read)
    {
        var expected = objectives.EnumerateArray().ToList();
        Assert.Equal(expected.Count, read.Objectives.Count);
        Assert.Equal(expected.Sum(o => o.GetProperty("activities").GetArrayLength()), read.Activities.Count());
        for (var i = 0; i < expected.Count; i++)
        {
            var objective = read.Objectives[i];
            var where = $"{section.Code()} objetivo {i + 1}";
            Assert.True(expected[i].GetProperty("text").GetString() == objective.Text, $"{where}: «{objective.Text}»");
            Assert.Equal(expected[i].GetProperty("indicators").EnumerateArray().Select(x => x.GetString()), objective.Indicators);
            Assert.Equal(expected[i].GetProperty("annualResult").GetString(), objective.AnnualResult);
            var activities = expected[i].GetProperty("activities").EnumerateArray().ToList();
            Assert.Equal(activities.Count, objective.Activities.Count);
            for (var j = 0; j < activities.Count; j++)
            {
                AssertActivity(activities[j], objective.Activities[j], $"{where}, actividad {j + 1}");
            }
        }
    }

    private static void AssertActivity(JsonElement expected, Activity activity, string where)
    {
        Assert.True(expected.GetProperty("text").GetString() == activity.Text, $"{where}: «{activity.Text}»");
        Assert.True(expected.GetProperty("unit").GetString() == activity.Unit, $"{where}: unidad «{activity.Unit}»");
        Assert.True(expected.GetProperty("means").GetString() == activity.Means, $"{where}: medio «{activity.Means}»");
        var weight = expected.GetProperty("weight");
        Assert.Equal(weight.ValueKind == JsonValueKind.Null ? null : weight.GetDecimal(), activity.Weight);
        var complied = expected.GetProperty("complied");
        var compliance = complied.ValueKind switch
        {
            JsonValueKind.True => Compliance.Complied,
            JsonValueKind.False => Compliance.NotComplied,
            _ => Compliance.Unmarked,
        };
        Assert.True(compliance == activity.Compliance, $"{where}: cumplimiento {activity.Compliance}");
    }

    // III.3 lists several objectives per category cell: one Objective per listed objective, every activity once.
    private static void AssertCategoryRows(JsonElement rows, WorkProgram read)
    {
        var expected = rows.EnumerateArray().ToList();
        Assert.Equal(expected.Sum(r => r.GetProperty("objectives").GetArrayLength()), read.Objectives.Count);
        Assert.Equal(
            expected.SelectMany(r => r.GetProperty("activities").EnumerateArray().Select(a => a.GetString())),
            read.Activities.Select(a => a.Text));
        Assert.Equal(
            expected.SelectMany(r => r.GetProperty("objectives").EnumerateArray().Select(o => o.GetString())),
            read.Objectives.Select(o => o.Text));
    }

    private static JsonDocument LoadExpected(string name) => JsonDocument.Parse(File.ReadAllText(SharedSamples.Expected(name)));

    private static async Task<Submission> ReadSubmission(string form)
    {
        await using var stream = File.OpenRead(SharedSamples.Form(form));
        var result = await new FormReader().ReadAsync(stream, form, new FormReadOptions { Service = "SERNAM" });
        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.Message)));
        return result.Submission!;
    }
}
