using System.CommandLine;

namespace Pmg.Cli.Tests;

/// <summary>How the storage options of `pmg status`/`upload` (StorageConnection) become the "PmgStorage" connection settings.</summary>
public sealed class StatusConnectionTests
{
    [Fact]
    public void BuildConfiguration_AccountUrl_IdentityBasedEndpointsForAllThreeServices()
    {
        var (connection, parse) = Parse("--account-url", "https://pmgcuenta.blob.core.windows.net");

        var configuration = connection.BuildConfiguration(parse);

        Assert.Empty(parse.Errors);
        Assert.Equal("", configuration["PmgStorage"]);
        Assert.Equal("https://pmgcuenta.blob.core.windows.net/", configuration["PmgStorage:blobServiceUri"]);
        Assert.Equal("https://pmgcuenta.queue.core.windows.net/", configuration["PmgStorage:queueServiceUri"]);
        Assert.Equal("https://pmgcuenta.table.core.windows.net/", configuration["PmgStorage:tableServiceUri"]);
        Assert.Equal("", configuration["PmgStorage:credential"]);
    }

    [Fact]
    public void BuildConfiguration_ConnectionStringAndPrefix_UsedAsGiven()
    {
        var (connection, parse) = Parse("--connection-string", "UseDevelopmentStorage=true", "--storage-prefix", "prueba1");

        var configuration = connection.BuildConfiguration(parse);

        Assert.Equal("UseDevelopmentStorage=true", configuration["PmgStorage"]);
        Assert.Equal("prueba1", configuration["Pmg:Storage:Prefix"]);
    }

    [Theory]
    [InlineData("--account-url", "http://127.0.0.1:10000/devstoreaccount1", "no es el punto de conexión de blobs de una cuenta; use https://CUENTA.blob.core.windows.net (para Azurite, --connection-string).")]
    [InlineData("--storage-prefix", "Prueba-1", "--storage-prefix «Prueba-1» debe tener solo minúsculas y dígitos")]
    public async Task Status_InvalidStorageOption_UsageErrorInSpanish(string option, string value, string message)
    {
        var run = await CliRunner.RunAsync("status", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_StoragePrefix_HiddenFromPeople()
    {
        var run = await CliRunner.RunAsync("status", "--help");

        Assert.Contains("--account-url", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--storage-prefix", run.Stdout, StringComparison.Ordinal);
    }

    private static (StorageConnection Connection, ParseResult Parse) Parse(params string[] args)
    {
        var connection = new StorageConnection();
        var command = new RootCommand();
        connection.AddTo(command);
        return (connection, command.Parse(args));
    }
}
