using System.Text.Json;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

/// <summary>`--json` of upload, recalc and contacts import; errors on standard error; exit 3 for storage failures.</summary>
public sealed class CommandJsonAndExitCodeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Port 1 on the loopback refuses connections.
    private const string Unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public async Task UploadJson_SeedForm_SaysWhereItWentWithTheStoredETag()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);

        var run = await context.RunAsync("upload", Samples.FormPath("tarapaca-2009-etapa3.docx"), "--service", "SERNAM", "--year", "2009", "--region", "Tarapacá", "--json");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(("SERNAM", 2009, "CL-TA", "Tarapacá"), (root.GetProperty("service").GetString(), root.GetProperty("year").GetInt32(), root.GetProperty("region").GetProperty("code").GetString(), root.GetProperty("region").GetProperty("name").GetString()));
        Assert.Equal(context.Layout.Forms.Name, root.GetProperty("container").GetString());
        var file = Assert.Single(root.GetProperty("files").EnumerateArray());
        Assert.Equal("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx", file.GetProperty("blobName").GetString());
        Assert.True(file.GetProperty("uploaded").GetBoolean());
        Assert.False(file.GetProperty("replaced").GetBoolean());
        var stored = (await context.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx").GetPropertiesAsync()).Value;
        Assert.Equal(stored.ETag.ToString(), file.GetProperty("eTag").GetString());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task RecalcJson_OneYearEndForm_NationalResultMissingRegionsAndReport()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        Assert.Equal(0, (await context.RunAsync("upload", Samples.FormPath("cierre-2009-CL-TA.docx"), "--service", "SERNAM", "--year", "2009", "--region", "CL-TA")).ExitCode);
        Assert.Equal(IngestionStatus.Accepted, (await context.IngestAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx")).Status);

        var run = await context.RunAsync("recalc", "--service", "SERNAM", "--year", "2009", "--json");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        using var json = JsonDocument.Parse(run.Stdout);
        var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(("SERNAM", 2009, 1), (result.GetProperty("service").GetString(), result.GetProperty("year").GetInt32(), result.GetProperty("regions").GetInt32()));
        var iii1 = result.GetProperty("national").EnumerateArray().Single(n => n.GetProperty("section").GetString() == "III.1");
        // Tarapacá complies; the 14 other regions of 2009 sent nothing after the closing date: NO CUMPLE.
        Assert.Equal(("NO CUMPLE", 15, 1), (iii1.GetProperty("status").GetString(), iii1.GetProperty("regions").GetInt32(), iii1.GetProperty("complying").GetInt32()));
        Assert.Equal(14, iii1.GetProperty("missing").GetArrayLength());
        Assert.Contains("CL-AI", iii1.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.StartsWith("reports/SERNAM/2009/cumplimiento-", result.GetProperty("report").GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("digestsQueued").GetInt32() >= 0);
    }

    [Fact]
    public async Task ContactsImportJson_SampleAddressBook_CountsEachRoleAndSaves()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);

        var run = await context.RunAsync("contacts", "import", Samples.ContactsPath("sernam-contactos.csv"), "--json");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(("sernam-contactos.csv", false, 28), (root.GetProperty("file").GetString(), root.GetProperty("dryRun").GetBoolean(), root.GetProperty("saved").GetInt32()));
        Assert.Equal((24, 3, 1), (root.GetProperty("units").GetInt32(), root.GetProperty("regionalDirectors").GetInt32(), root.GetProperty("nationalCoordinators").GetInt32()));
        Assert.Equal(0, root.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task ContactsImportJson_DryRunWithABadRow_ListsTheRowAndExitsOne()
    {
        using var temp = new TempFolder();
        var path = temp.File("contactos.csv");
        await File.WriteAllTextAsync(path, "Servicio,Región,Unidad,Alias,Correos,Rol\nSERNAM,CL-TA,Unidad VIF,,vif.tarapaca@example.org,unidad\nSERNAM,Narnia,Unidad VIF,,vif@example.org,unidad\n");

        var run = await CliRunner.RunAsync("contacts", "import", path, "--dry-run", "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal((true, 0, 1), (json.RootElement.GetProperty("dryRun").GetBoolean(), json.RootElement.GetProperty("saved").GetInt32(), json.RootElement.GetProperty("units").GetInt32()));
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Contains("Narnia", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recalc", "--json", "No se pudo recalcular: no se pudo conectar con el almacenamiento")]
    [InlineData("status", "--json", "No se pudo leer el estado: no se pudo conectar con el almacenamiento")]
    [InlineData("access", "list", "No se pudo leer o escribir los accesos: no se pudo conectar con el almacenamiento")]
    public async Task StorageCommand_StorageUnreachable_ExitsThreeWithTheReasonOnStderrOnly(string command, string option, string message)
    {
        var run = await CliRunner.RunAsync(command, option, "--connection-string", Unreachable);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportGet_StorageUnreachable_ExitsThreeWithTheReasonOnStderr()
    {
        var run = await CliRunner.RunAsync("report", "get", "--service", "SERNAM", "--year", "2009", "--connection-string", Unreachable);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("No se pudieron leer los informes: no se pudo conectar con el almacenamiento", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactsImport_StorageUnreachable_ExitsThree()
    {
        var run = await CliRunner.RunAsync("contacts", "import", Samples.ContactsPath("sernam-contactos.csv"), "--connection-string", Unreachable);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("No se pudieron guardar los contactos: no se pudo conectar con el almacenamiento", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "abc")]
    [InlineData("status", "abc")]
    [InlineData("recalc", "dos mil")]
    [InlineData("upload", "2009.5")]
    public async Task Year_NotANumber_SaysInSpanishItMustBeANumberWithoutTypeNames(string command, string year)
    {
        string[] args = command switch
        {
            "validate" => ["validate", Samples.FormPath("tarapaca-2009-etapa3.docx"), "--year", year],
            "upload" => ["upload", Samples.FormPath("tarapaca-2009-etapa3.docx"), "--service", "SERNAM", "--region", "CL-TA", "--year", year],
            _ => [command, "--year", year],
        };

        var run = await CliRunner.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Uso incorrecto: el año «{year}» no es válido: debe ser un número de cuatro dígitos, p. ej. 2009.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ConversionErrorOfAnyOption_IsRewrittenWithoutTheTypeName()
    {
        var message = PmgCommandLine.WithoutTypeNames("No se pudo analizar el argumento 'x' para la opción '--limit' como el tipo esperado 'System.Int32'.");

        Assert.Equal("el valor «x» de --limit no es válido.", message);
    }

    [Fact]
    public async Task Status_ServiceWithNoForms_NamesItAndTheServicesThatHaveSome()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        Assert.Equal(0, (await context.RunAsync("upload", Samples.FormPath("cierre-2009-CL-TA.docx"), "--service", "SERNAM", "--year", "2009", "--region", "CL-TA")).ExitCode);
        Assert.Equal(IngestionStatus.Accepted, (await context.IngestAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx")).Status);

        var run = await context.RunAsync("status", "--service", "SERMAN");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("El servicio «SERMAN» no tiene formularios registrados; hay formularios de: SERNAM.", UploadCommandTests.Flatten(run.Screen), StringComparison.Ordinal);
    }
}
