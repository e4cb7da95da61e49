using System.Text.Json;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

/// <summary>The JSON output is a public contract: these tests pin its property names.</summary>
public sealed class JsonContractTests
{
    private static List<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    [Fact]
    public async Task ValidateJson_PropertyNames_AreTheContract()
    {
        var run = await CliRunner.RunAsync("validate", "--json", Samples.FormPath("tarapaca-2009-etapa3.docx"));

        using var json = JsonDocument.Parse(run.Stdout);
        var file = json.RootElement[0];
        Assert.Equal(["file", "accepted", "format", "service", "year", "region", "programs", "progressRows", "diagnostics"], Names(file));
        Assert.Equal(["code", "name"], Names(file.GetProperty("region")));
        Assert.Equal(
            ["section", "objectives", "activities", "weightTotal", "earnedWeight", "performance", "status"],
            Names(file.GetProperty("programs")[0]));
        Assert.Equal(["severity", "code", "message", "location"], Names(file.GetProperty("diagnostics")[0]));
    }

    [Fact]
    public async Task ReportJson_PropertyNames_AreTheContract()
    {
        var run = await CliRunner.RunAsync("report", "--json", Samples.FormPath("cierre-2009-CL-TA.docx"), Samples.FormPath("cierre-2009-CL-TA.xlsx"));

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["regions", "national", "observations"], Names(json.RootElement));
        var region = json.RootElement.GetProperty("regions")[0];
        Assert.Equal(["region", "file", "countsNationally", "modifiedAt", "programs"], Names(region));
        Assert.Equal(["section", "performance", "status"], Names(region.GetProperty("programs")[0]));
        Assert.Equal(["section", "status", "regions", "complying"], Names(json.RootElement.GetProperty("national")[0]));
        Assert.Equal(["file", "region", "severity", "code", "message", "location"], Names(json.RootElement.GetProperty("observations")[0]));
    }

    [Fact]
    public async Task ValidateJson_Severities_UseTheContractWords()
    {
        var run = await CliRunner.RunAsync("validate", "--json", Samples.FormPath("tarapaca-2009-etapa3.docx"));

        using var json = JsonDocument.Parse(run.Stdout);
        var severities = json.RootElement[0].GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("severity").GetString()).ToHashSet();
        Assert.Subset(new HashSet<string?> { "error", "warning", "info" }, severities);
        Assert.Contains("error", severities);
    }
}
