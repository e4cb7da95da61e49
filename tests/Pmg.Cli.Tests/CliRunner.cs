using Pmg.Forms;
using Spectre.Console;

namespace Pmg.Cli.Tests;

/// <summary>The outcome of one in-process run of `pmg`.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr, string Screen);

/// <summary>Runs the real command line in-process with captured stdout, stderr and console.</summary>
internal static class CliRunner
{
    /// <summary>Runs on a console 400 columns wide, so assertions read a sentence on one line.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(400, args);

    /// <summary>Runs on a console of <paramref name="width"/> columns (80: a standard terminal).</summary>
    public static Task<CliRun> RunAsync(int width, params string[] args) => RunAsync(width, storage: null, args);

    /// <summary>Runs with the storage commands of <paramref name="storage"/> (e.g. the NativeAOT build's, forwarded).</summary>
    public static Task<CliRun> RunAsync(StorageCommands storage, params string[] args) => RunAsync(400, storage, args);

    private static async Task<CliRun> RunAsync(int width, StorageCommands? storage, string[] args)
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
        console.Profile.Width = width;

        var environment = new CliEnvironment(console, stdout, stderr, new FormReader());
        if (storage is not null)
        {
            environment = environment with { Storage = storage };
        }

        var exitCode = await PmgCommandLine.RunAsync(args, environment);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString(), screen.ToString());
    }
}
