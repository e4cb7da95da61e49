using System.Text.Json.Nodes;
using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>infra/ builds and lints cleanly with the pinned, offline Bicep CLI.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class CompilationTests(CompiledInfraFixture infra)
{
    [Fact]
    public void Build_MainTemplate_SucceedsWithoutWarnings()
    {
        Assert.Equal(0, infra.Compiled.Run.ExitCode);
        Assert.Equal("", infra.Compiled.Run.Diagnostics);
    }

    [Fact]
    public void Lint_MainTemplate_ReportsNothing()
    {
        Assert.Equal("", infra.Lint.Diagnostics);
        Assert.Equal(0, infra.Lint.ExitCode);
    }

    [Fact]
    public async Task BuildParams_MainParameterFile_ProducesParametersForMainTemplate()
    {
        var run = await BicepCli.RunAsync(["build-params", ParameterFile, "--stdout"], WithOpsEmail("ops@ejemplo.gob.cl"));

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal("", run.StandardError.Trim());
        var parametersJson = JsonNode.Parse(run.StandardOutput)!["parametersJson"]!.GetValue<string>();
        var parameters = JsonNode.Parse(parametersJson)!["parameters"]!;
        Assert.Equal("SERNAM", parameters["services"]!["value"]!.GetValue<string>());
        Assert.Equal("PMG Gestión Territorial", parameters["sendGridFromName"]!["value"]!.GetValue<string>());
        Assert.Empty(parameters["regionUploaders"]!["value"]!.AsArray());
        Assert.Equal("ops@ejemplo.gob.cl", parameters["opsEmail"]!["value"]!.GetValue<string>());
        Assert.Equal("", parameters["authClientId"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task BuildParams_WithoutOpsEmail_FailsNamingTheVariable()
    {
        // Alerts that go to nobody are a failure: a deployment without PMG_OPS_EMAIL must not start.
        var run = await BicepCli.RunAsync(["build-params", ParameterFile, "--stdout"], WithOpsEmail(null));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("PMG_OPS_EMAIL", run.StandardError, StringComparison.Ordinal);
    }

    private static string ParameterFile { get; } = Path.Combine(BicepCli.RepositoryRoot, "infra", "main.bicepparam");

    private static Dictionary<string, string?> WithOpsEmail(string? address) => new(StringComparer.Ordinal)
    {
        ["PMG_OPS_EMAIL"] = address,
        ["PMG_AUTH_CLIENT_ID"] = null,
        ["PMG_PORTAL_PUBLIC_URL"] = null,
    };

    [Fact]
    public void Modules_AllResources_PinAnApiVersion()
    {
        var unpinned = infra.Template.Resources
            .Where(resource => resource.Json["apiVersion"]?.GetValue<string>() is not { Length: > 0 })
            .Select(resource => resource.Path);

        Assert.Empty(unpinned);
    }

    [Fact]
    public void Sources_BicepFiles_UseNoRegistryModules()
    {
        var infraDirectory = Path.Combine(BicepCli.RepositoryRoot, "infra");
        var withRegistryModules = Directory.EnumerateFiles(infraDirectory, "*.bicep*", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("br/", StringComparison.Ordinal)
                || File.ReadAllText(file).Contains("br:", StringComparison.Ordinal))
            .Select(Path.GetFileName);

        Assert.Empty(withRegistryModules);
    }
}
