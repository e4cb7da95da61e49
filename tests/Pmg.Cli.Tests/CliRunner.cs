using Pmg.Forms;
using Spectre.Console;

namespace Pmg.Cli.Tests;

/// <summary>The outcome of one in-process run of `pmg`.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr, string Screen);

/// <summary>Runs the real command line in-process with captured stdout, stderr and console.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 400;

        var environment = new CliEnvironment(console, stdout, stderr, new FormReader());
        var exitCode = await PmgCommandLine.RunAsync(args, environment);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString(), screen.ToString());
    }
}

/// <summary>Finds the shared sample forms next to the repository.</summary>
internal static class Samples
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PmgFunctions.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "samples"));
            }
        }

        throw new DirectoryNotFoundException("PmgFunctions.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Form(string name) => Path.Combine(Root.Value, "forms", name);

    public static string Expected(string name) => Path.Combine(Root.Value, "expected", name);
}

/// <summary>A temporary folder deleted at dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pmg-cli-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
