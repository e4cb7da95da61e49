using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

public sealed class RecalcCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Recalc_ThreeYearEndForms_PrintsNationalLinesAtRiskAndTheReport()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestYearEndFormsAsync(context);

        var run = await context.RunAsync("recalc", "--service", "SERNAM", "--year", "2009");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("SERNAM 2009: 3 región(es) con formulario vigente.", run.Screen, StringComparison.Ordinal);
        // No expected regions are configured, so every region that existed in 2009 counts (15), and the closing
        // date (31 January 2010) has passed: the 12 that sent nothing are NO CUMPLE, as Valparaíso and Biobío are.
        Assert.Contains("Nacional III.1 Gestión Territorial: NO CUMPLE\n    1 de 15 regiones cumplen.\n    Sin formulario: Arica y Parinacota, Antofagasta,", run.Screen.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Nacional III.2 Complementariedad Territorial: NO CUMPLE\n    1 de 15 regiones cumplen.", run.Screen.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("marcadas como no cumplidas:", run.Screen, StringComparison.Ordinal);
        Assert.Contains("Informe: reports/SERNAM/2009/cumplimiento-", run.Screen, StringComparison.Ordinal);

        var reports = new List<string>();
        await foreach (var blob in context.Layout.Reports.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "SERNAM/2009/", CancellationToken.None))
        {
            reports.Add(blob.Name);
        }

        Assert.Contains("SERNAM/2009/latest.xlsx", reports);
        Assert.Contains(reports, name => name.StartsWith("SERNAM/2009/cumplimiento-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recalc_RunTwice_SecondRunQueuesNoNewAlerts()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestYearEndFormsAsync(context);

        var first = await context.RunAsync("recalc", "--service", "SERNAM", "--year", "2009");
        var second = await context.RunAsync("recalc", "--service", "SERNAM", "--year", "2009");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.DoesNotContain("Alertas encoladas: 0.", first.Screen, StringComparison.Ordinal);
        Assert.Contains("Alertas encoladas: 0.", second.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recalc_YearNotFourDigits_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("recalc", "--year", "09");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("el año «09» no es válido: debe ser un número de cuatro dígitos, p. ej. 2009.", run.Stderr, StringComparison.Ordinal);
    }

    private static async Task UploadAndIngestYearEndFormsAsync(CliStorageContext context)
    {
        foreach (var region in new[] { "CL-TA", "CL-VS", "CL-BI" })
        {
            var file = Samples.FormPath($"cierre-2009-{region}.docx");
            var upload = await context.RunAsync("upload", file, "--service", "SERNAM", "--year", "2009", "--region", region);
            Assert.Equal(0, upload.ExitCode);
            var outcome = await context.IngestAsync($"SERNAM/2009/{region}/cierre-2009-{region}.docx");
            Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        }
    }
}
