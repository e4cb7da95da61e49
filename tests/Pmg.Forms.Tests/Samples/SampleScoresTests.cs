using System.Globalization;
using System.Text.Json;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Rules;

namespace Pmg.Forms.Tests.Samples;

/// <summary>The year-end forms, as read, score what cierre-2009-expected.json says: the reading carries what the rules need.</summary>
public sealed class SampleScoresTests
{
    public static TheoryData<string, string> Results()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "CL-TA", "CL-VS", "CL-BI" })
        {
            foreach (var section in new[] { "III.1", "III.2" })
            {
                data.Add($"cierre-2009-{code}.docx", section);
                data.Add($"cierre-2009-{code}.xlsx", section);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Results))]
    public async Task ReadAsync_YearEndForm_ScoresTheExpectedPerformanceAndStatus(string form, string sectionCode)
    {
        using var expectedDocument = JsonDocument.Parse(File.ReadAllText(SharedSamples.Expected("cierre-2009-expected.json")));
        var code = form["cierre-2009-".Length..^".docx".Length];
        var expected = expectedDocument.RootElement.GetProperty("regions").GetProperty(code).GetProperty("results").GetProperty(sectionCode);
        await using var stream = File.OpenRead(SharedSamples.Form(form));
        var read = await new FormReader().ReadAsync(stream, form, new FormReadOptions { Service = "SERNAM" });
        Assert.True(SectionExtensions.TryParseCode(sectionCode, out var section));

        var result = FormRules.Evaluate(read.Submission!).Program(section)!;

        Assert.Equal(Parse(expected.GetProperty("total").GetString()), result.WeightTotal);
        Assert.Equal(Parse(expected.GetProperty("earned").GetString()), result.EarnedWeight);
        Assert.Equal(Parse(expected.GetProperty("performance").GetString()), result.DisplayPerformance);
        Assert.Equal(expected.GetProperty("status").GetString(), result.Status.Label());
    }

    private static decimal Parse(string? text) => decimal.Parse(text!, CultureInfo.InvariantCulture);
}
