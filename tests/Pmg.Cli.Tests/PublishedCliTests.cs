using System.Diagnostics;
using System.Text.Json;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

/// <summary>
/// `pmg` as a separate process: the published binary when PMG_CLI_PATH names it (run.sh publishes the NativeAOT pmg to
/// artifacts/pmg/pmg, which hands the storage commands to the ReadyToRun build in artifacts/pmg/full/), otherwise the
/// build next to these tests run with `dotnet pmg.dll`. Exit codes, standard output and standard error as a script
/// sees them.
/// </summary>
public sealed class PublishedCliTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SeedForm = "tarapaca-2009-etapa3.docx";

    [Fact]
    public async Task ValidateJson_SeedForm_ProcessPrintsExactlyTheInProcessJson()
    {
        var expected = await CliRunner.RunAsync("validate", "--json", Samples.FormPath(SeedForm));

        var run = await RunAsync([], "validate", "--json", Samples.FormPath(SeedForm));

        Assert.Equal((1, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(expected.Stdout, run.Stdout);
        Assert.Contains("\"weightTotal\": 2.50,", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_YearNotANumber_ExitTwoWithSpanishMessageOnStderr()
    {
        var run = await RunAsync([], "status", "--year", "abc");

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Contains("Uso incorrecto: el año «abc» no es válido: debe ser un número de cuatro dígitos, p. ej. 2009.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ServiceNotConfigured_NamedAsAnUnknownService()
    {
        var run = await RunAsync([("Pmg__Services", "SERNAM,INJUV")], "upload", Samples.FormPath(SeedForm), "--service", "SENAME", "--year", "2009", "--region", "CL-TA");

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Contains("Uso incorrecto: el servicio «SENAME» no se conoce: los servicios configurados (Pmg__Services) son SERNAM, INJUV.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecalcJson_StorageUnreachable_ExitThreeNothingOnStdout()
    {
        var run = await RunAsync([("PmgStorage", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;")], "recalc", "--json");

        Assert.Equal((3, ""), (run.ExitCode, run.Stdout));
        Assert.Contains("No se pudo recalcular: no se pudo conectar con el almacenamiento", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadThenStatus_ThroughTheProcess_FormStoredAndItsStatusRead()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);

        var upload = await RunAsync([], ["upload", Samples.FormPath(SeedForm), "--service", "SERNAM", "--year", "2009", "--region", "Tarapacá", "--uploader", "ana@sernam.cl", "--json", .. context.StorageArgs]);
        await context.IngestAsync("SERNAM/2009/CL-TA/" + SeedForm);
        var status = await RunAsync([], ["status", "--json", "--service", "SERNAM", "--year", "2009", .. context.StorageArgs]);

        Assert.Equal((0, ""), (upload.ExitCode, upload.Stderr));
        Assert.Contains("\"SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx\"", upload.Stdout, StringComparison.Ordinal);
        Assert.Equal((0, ""), (status.ExitCode, status.Stderr));
        using var json = JsonDocument.Parse(status.Stdout);
        var region = Assert.Single(Assert.Single(json.RootElement.GetProperty("serviceYears").EnumerateArray()).GetProperty("regions").EnumerateArray());
        Assert.Equal(("CL-TA", "accepted", "ana@sernam.cl"), (region.GetProperty("region").GetProperty("code").GetString(), region.GetProperty("outcome").GetString(), region.GetProperty("uploader").GetString()));
        Assert.Equal("INVALIDO", region.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("section").GetString() == "III.1").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Help_ThroughTheProcess_ListsEveryCommand()
    {
        var run = await RunAsync([], "--help");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        foreach (var command in new[] { "validate", "report", "upload", "status", "recalc", "retry", "contacts", "access", "template" })
        {
            Assert.Matches($@"\n  {command}\b", run.Stdout);
        }
    }

    private static async Task<CliRun> RunAsync((string Name, string Value)[] environment, params string[] args)
    {
        var published = Environment.GetEnvironmentVariable("PMG_CLI_PATH");
        var start = string.IsNullOrEmpty(published)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "pmg.dll") } }
            : new ProcessStartInfo(published);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Remove("PmgStorage");
        start.Environment.Remove("Pmg__Services");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await stdout, await stderr, "");
    }
}
