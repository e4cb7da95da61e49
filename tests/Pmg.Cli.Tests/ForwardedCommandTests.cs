using System.Runtime.Versioning;

namespace Pmg.Cli.Tests;

/// <summary>
/// The NativeAOT pmg's way with the storage commands (upload, status, recalc, retry, contacts, access, report get):
/// listed in its help exactly as the full build lists them, and handed, whole command line untouched, to the full
/// build, whose exit code is pmg's. The other pmg here is a shell script that records what it was given.
/// </summary>
[UnsupportedOSPlatform("windows")] // the other pmg is a shell script
public sealed class ForwardedCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("--help")]
    [InlineData("report", "--help")]
    public async Task Help_ForwardedBuild_ListsTheSameCommandsAndDescriptionsAsTheFullBuild(params string[] args)
    {
        var full = await CliRunner.RunAsync(args);

        var forwarded = await RunForwardedAsync(Path.Combine(_folder.Path, "absent"), args);

        Assert.Equal((0, 0), (full.ExitCode, forwarded.ExitCode));
        Assert.Equal(full.Stdout, forwarded.Stdout);
        Assert.Matches(args.Length == 1
            ? @"\n  upload <ARCHIVO> +Sube formularios al contenedor «forms» para que el proceso los lea y evalúe\."
            : @"\n  get +Descarga el libro consolidado que guardó el recálculo: el más reciente o el indicado\.", forwarded.Stdout);
    }

    [Theory]
    [InlineData("status", "--year", "abc", "--json")]
    [InlineData("upload", "--help")]
    [InlineData("contacts", "import", "libreta.csv", "--dry-run")]
    [InlineData("report", "get", "--service", "SERNAM", "--year", "2009", "-o", "informe con espacios.xlsx")]
    [InlineData("access", "grant", "--bogus")]
    public async Task StorageCommand_Forwarded_OtherPmgGetsTheWholeCommandLineAndItsExitCodeIsPmgs(params string[] args)
    {
        var other = RecordingScript(exitCode: 7);

        var run = await RunForwardedAsync(other, args);

        Assert.Equal((7, "", ""), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Equal(args, await File.ReadAllLinesAsync(other + ".args"));
    }

    [Fact]
    public async Task FormCommand_Forwarded_StillRunsHereAndNothingIsHandedOver()
    {
        var other = RecordingScript(exitCode: 7);

        var run = await RunForwardedAsync(other, "validate", "--json", Pmg.Testing.Samples.FormPath("tarapaca-2009-etapa3.docx"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"weightTotal\": 2.50,", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(other + ".args"));
    }

    [Fact]
    public async Task StorageCommand_FullBuildMissing_SaysWhatIsMissingAndHowToGetIt()
    {
        var absent = Path.Combine(_folder.Path, "full", "pmg");

        var run = await RunForwardedAsync(absent, "status");

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Equal(
            $"No se puede ejecutar «{absent}»: este pmg (NativeAOT) ejecuta «status» con la versión completa publicada a su lado. Publíquela con eng/publish-cli.sh (o ./run.sh), o use la compilación: dotnet src/Pmg.Cli/bin/Release/net10.0/pmg.dll.",
            run.Stderr.TrimEnd());
    }

    [Fact]
    public async Task StorageCommand_FullBuildNotExecutable_SaysItCannotRunIt()
    {
        var notExecutable = Path.Combine(_folder.Path, "pmg-sin-permiso");
        await File.WriteAllTextAsync(notExecutable, "#!/bin/sh\nexit 0\n");

        var run = await RunForwardedAsync(notExecutable, "status");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"No se puede ejecutar «{notExecutable}»", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string RecordingScript(int exitCode)
    {
        var path = Path.Combine(_folder.Path, "pmg-full");
        File.WriteAllText(path, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.args\"\nexit {exitCode}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static Task<CliRun> RunForwardedAsync(string otherPmg, params string[] args) =>
        CliRunner.RunAsync(new ForwardedStorageCommands(otherPmg), args);
}
