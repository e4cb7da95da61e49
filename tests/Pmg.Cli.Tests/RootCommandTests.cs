namespace Pmg.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Help_ListsBothCommandsInSpanish()
    {
        var run = await CliRunner.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("validate", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("report", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Consolida formularios: tabla regional por programa y resultado nacional.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_IsUsageErrorInSpanish()
    {
        var run = await CliRunner.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Uso incorrecto: No se proporcionó el comando requerido.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsUsageError()
    {
        var run = await CliRunner.RunAsync("upload", "x.docx");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Uso incorrecto:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandName_OneSpanishSentenceListingTheCommands()
    {
        var run = await CliRunner.RunAsync("frobnicate");

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Equal(
            [
                "Uso incorrecto: «frobnicate» no es un comando de pmg; los comandos son validate, report, upload, status, recalc, retry, contacts, access, template.",
                "Use «pmg --help» para ver los comandos y opciones.",
            ],
            run.Stderr.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task CommandsOwnUsageError_EndsWithTheHelpPointerToo()
    {
        var run = await CliRunner.RunAsync("validate", Path.Combine(Path.GetTempPath(), "pmg-no-existe.docx"));

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("no existe." + Environment.NewLine + "Use «pmg --help» para ver los comandos y opciones." + Environment.NewLine, run.Stderr, StringComparison.Ordinal);
    }
}
