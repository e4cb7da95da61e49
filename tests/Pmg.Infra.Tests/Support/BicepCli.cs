using System.Diagnostics;
using System.Reflection;

namespace Pmg.Infra.Tests.Support;

/// <summary>Runs the Bicep CLI that NuGet downloaded for this project (see the csproj's PackageDownload).</summary>
public static class BicepCli
{
    /// <summary>Full path of the bicep executable under the NuGet packages folder.</summary>
    public static string ExecutablePath { get; } = Metadata("BicepPath");

    /// <summary>Root of the repository (holds infra/, azure.yaml, local.settings.sample.json).</summary>
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>Runs bicep with the given arguments and captures what it prints.</summary>
    public static Task<BicepRun> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunAsync(arguments, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>Runs bicep with environment variables set (a value of null removes the variable).</summary>
    public static async Task<BicepRun> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        EnsureExecutable();
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new BicepRun(process.ExitCode, await standardOutput, await standardError);
    }

    /// <summary>Compiles a .bicep file to ARM JSON and parses it; fails with bicep's own messages if it does not build.</summary>
    public static async Task<CompiledTemplate> BuildAsync(string bicepFile, CancellationToken cancellationToken = default)
    {
        var outputFile = Path.Combine(Path.GetTempPath(), $"pmg-infra-{Guid.NewGuid():N}.json");
        try
        {
            var run = await RunAsync(["build", bicepFile, "--outfile", outputFile], cancellationToken);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"bicep build {bicepFile} failed:\n{run.Diagnostics}");
            }

            var json = await File.ReadAllTextAsync(outputFile, cancellationToken);
            return new CompiledTemplate(run, ArmTemplate.Parse(json));
        }
        finally
        {
            File.Delete(outputFile);
        }
    }

    private static void EnsureExecutable()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException(
                "The Bicep CLI was not restored; run `dotnet restore tests/Pmg.Infra.Tests`.", ExecutablePath);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(ExecutablePath);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(ExecutablePath, mode | UnixFileMode.UserExecute);
            }
        }
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}

/// <summary>Exit code and output of one bicep invocation.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything bicep printed, trimmed; empty when it had nothing to say.</summary>
    public string Diagnostics => (StandardOutput + StandardError).Trim();
}

/// <summary>A template bicep compiled, with what bicep printed while compiling it.</summary>
public sealed record CompiledTemplate(BicepRun Run, ArmTemplate Template);
