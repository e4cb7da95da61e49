using System.Text.Json;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

/// <summary>Forms the trigger missed and failures fixed later, as a coordinator sees them: pmg status, pmg recalc, pmg retry.</summary>
public sealed class ReliabilityCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Blob = "SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx";

    [Fact]
    public async Task Status_FormUploadedButNeverIngested_ListedSinProcesarWithItsAgeInSpanish()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        Assert.Equal(0, (await UploadAsync(context)).ExitCode);

        var people = await context.RunAsync("status", "--service", "SERNAM", "--year", "2009");
        var json = await context.RunAsync("status", "--json", "--service", "SERNAM", "--year", "2009");

        var screen = UploadCommandTests.Flatten(people.Screen);
        Assert.Contains("Subidas sin procesar", screen, StringComparison.Ordinal);
        Assert.Matches(@"sin procesar hace \d+ s", screen);
        Assert.Contains("pmg recalc las procesa ahora.", screen, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        var waiting = Assert.Single(document.RootElement.GetProperty("unprocessed").EnumerateArray());
        Assert.Equal((Blob, "Tarapacá"), (waiting.GetProperty("blobName").GetString(), waiting.GetProperty("region").GetProperty("name").GetString()));
        Assert.True(waiting.GetProperty("waitingSeconds").GetInt64() >= 0);
    }

    [Fact]
    public async Task Recalc_FormTheTriggerMissed_IngestedFirstAndCounted()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        Assert.Equal(0, (await UploadAsync(context)).ExitCode);

        var run = await context.RunAsync("recalc", "--service", "SERNAM", "--year", "2009");

        Assert.Equal(0, run.ExitCode);
        var screen = UploadCommandTests.Flatten(run.Screen);
        Assert.Contains($"Formulario sin procesar ingresado ahora: {Blob} (aceptado).", screen, StringComparison.Ordinal);
        Assert.Contains("SERNAM 2009: 1 región(es) con formulario vigente.", screen, StringComparison.Ordinal);
        using var status = JsonDocument.Parse((await context.RunAsync("status", "--json")).Stdout);
        Assert.Empty(status.RootElement.GetProperty("unprocessed").EnumerateArray());
    }

    [Fact]
    public async Task RecalcJson_FormTheTriggerMissed_ListedAsSweptAndCounted()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        Assert.Equal(0, (await UploadAsync(context)).ExitCode);

        var run = await context.RunAsync("recalc", "--service", "SERNAM", "--year", "2009", "--json");
        var again = await context.RunAsync("recalc", "--service", "SERNAM", "--year", "2009", "--json");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        using var json = JsonDocument.Parse(run.Stdout);
        var swept = Assert.Single(json.RootElement.GetProperty("sweptForms").EnumerateArray());
        Assert.Equal((Blob, "accepted"), (swept.GetProperty("blobName").GetString(), swept.GetProperty("outcome").GetString()));
        Assert.Equal(1, Assert.Single(json.RootElement.GetProperty("results").EnumerateArray()).GetProperty("regions").GetInt32());
        using var second = JsonDocument.Parse(again.Stdout);
        Assert.Empty(second.RootElement.GetProperty("sweptForms").EnumerateArray());
    }

    [Fact]
    public async Task Retry_FormRecordedFailed_AcceptedCurrentAndSaidInSpanish()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        Assert.Equal(0, (await UploadAsync(context)).ExitCode);
        var etag = (await context.Layout.Forms.GetBlobClient(Blob).GetPropertiesAsync()).Value.ETag.ToString();
        await context.Ingestion.RecordFailureAsync(Blob, etag, "System.TimeoutException: el almacenamiento no respondió");

        var run = await context.RunAsync("retry", "--service", "SERNAM", "--year", "2009");
        var again = await context.RunAsync("retry", "--service", "SERNAM", "--year", "2009");

        Assert.Equal(0, run.ExitCode);
        var screen = UploadCommandTests.Flatten(run.Screen);
        Assert.Contains($"Formulario {Blob} (Tarapacá): aceptado; es ahora el formulario vigente de la región.", screen, StringComparison.Ordinal);
        Assert.Contains("Formularios procesados de nuevo: 1 de 1.", screen, StringComparison.Ordinal);
        Assert.Contains("No hay formularios ni correos fallidos que reintentar.", UploadCommandTests.Flatten(again.Screen), StringComparison.Ordinal);
    }

    private static Task<CliRun> UploadAsync(CliStorageContext context) =>
        context.RunAsync("upload", Samples.FormPath("cierre-2009-CL-TA.docx"), "--service", "SERNAM", "--year", "2009", "--region", "CL-TA", "--uploader", "ana@sernam.cl");
}
