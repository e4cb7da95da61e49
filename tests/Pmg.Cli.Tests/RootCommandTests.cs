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
}
