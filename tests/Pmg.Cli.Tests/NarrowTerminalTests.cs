using Pmg.Cli.Output;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

/// <summary>The commands people read, rendered at 80 columns.</summary>
public sealed class NarrowTerminalTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // The three longest official names: a table cell or a wrapped sentence would cut them first.
    private static readonly string[] LongNames =
    [
        "Libertador General Bernardo O'Higgins",
        "Aysén del General Carlos Ibáñez del Campo",
        "Magallanes y de la Antártica Chilena",
    ];

    [Fact]
    public async Task Validate_SeedFormAt80Columns_FitsAndSaysWhyEachProgrammeIsInvalido()
    {
        var run = await CliRunner.RunAsync(NarrowTerminal.Width, "validate", Samples.FormPath("tarapaca-2009-etapa3.docx"));

        Assert.Equal(1, run.ExitCode);
        NarrowTerminal.AssertReadable(run.Screen, "Región: Tarapacá (CL-TA)", "III.1 INVALIDO: Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100");
        Assert.Contains("III.2 INVALIDO: Las ponderaciones de III.2 suman 2,50 puntos; deben sumar 100 (tolerancia ±0,5).", UploadCommandTests.Flatten(run.Screen), StringComparison.Ordinal);
        // Weights at one scale: 7,35, 2,50 and 100,00 points.
        Assert.Matches(@"III\.2\s+│\s+7\s+│\s+9\s+│\s+2,50\s+│\s+0,00\s+│\s+—\s+│ INVALIDO", run.Screen);
        Assert.Matches(@"III\.3\s+│\s+4\s+│\s+3\s+│\s+100,00\s+│\s+0,00\s+│\s+0,00 %\s+│ PENDIENTE", run.Screen);
    }

    [Fact]
    public async Task Report_ClosingFormsAt80Columns_FitsWithEveryRegionWhole()
    {
        var run = await CliRunner.RunAsync(NarrowTerminal.Width, "report", Samples.FormPath("cierre-2009-CL-TA.docx"), Samples.FormPath("cierre-2009-CL-VS.docx"), Samples.FormPath("cierre-2009-CL-BI.docx"));

        Assert.Equal(0, run.ExitCode);
        NarrowTerminal.AssertReadable(run.Screen, "Tarapacá (CL-TA): cierre-2009-CL-TA.docx", "Valparaíso (CL-VS): cierre-2009-CL-VS.docx", "Biobío (CL-BI): cierre-2009-CL-BI.docx");
        Assert.Matches(@"Valparaíso \(CL-VS\)\s+│ III\.1\s+│\s+88,00 % │ NO CUMPLE", run.Screen);
    }

    [Fact]
    public async Task Recalc_At80Columns_ListsEveryRegionWithoutAFormWhole()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context, "CL-TA", "direccion.tarapaca@example.org");

        var run = await context.RunAtWidthAsync(NarrowTerminal.Width, "recalc", "--service", "SERNAM", "--year", "2009");

        Assert.Equal(0, run.ExitCode);
        // Every region existing in 2009 is expected (none configured): the 14 without a form are listed, none cut.
        NarrowTerminal.AssertReadable(run.Screen, [.. LongNames, "Arica y Parinacota", "Metropolitana de Santiago", "Los Ríos"]);
        Assert.Contains("Informe: reports/SERNAM/2009/cumplimiento-", run.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_At80Columns_KeepsRegionNamesAndTheUploaderAddressWhole()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context, "CL-TA", "direccion.tarapaca@example.org");
        await UploadAndIngestAsync(context, "CL-VS", "encargada.planificacion.valparaiso@example.org");

        var run = await context.RunAtWidthAsync(NarrowTerminal.Width, "status", "--service", "SERNAM", "--year", "2009");

        Assert.Equal(0, run.ExitCode);
        NarrowTerminal.AssertReadable(run.Screen, [.. LongNames, "Tarapacá (CL-TA)", "Valparaíso (CL-VS)", "direccion.tarapaca@example.org", "encargada.planificacion.valparaiso@example.org"]);
        Assert.Matches(@"Tarapacá \(CL-TA\)\s+│\s+96,00 %\s+│\s+100,00 %", run.Screen);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(60)]
    [InlineData(80)]
    public void Wrap_SentenceWithLongRegionNames_BreaksOnlyBetweenWordsAndKeepsNamesWhole(int width)
    {
        const string Sentence = "Sin formulario: Libertador General Bernardo O'Higgins, Aysén del General Carlos Ibáñez del Campo y Magallanes y de la Antártica Chilena; escriba a encargada.planificacion@example.org.";

        var lines = TextLines.Wrap(Sentence, width, indent: 2);

        Assert.All(lines, l => Assert.True(l.Length <= width, l));
        Assert.Equal(Sentence, string.Join(" ", lines.Select(l => l.Trim())));
        foreach (var whole in LongNames.Append("encargada.planificacion@example.org"))
        {
            Assert.Contains(lines, l => l.Contains(whole, StringComparison.Ordinal));
        }
    }

    private static async Task UploadAndIngestAsync(CliStorageContext context, string region, string uploader)
    {
        var file = Samples.FormPath($"cierre-2009-{region}.docx");
        var upload = await context.RunAsync("upload", file, "--service", "SERNAM", "--year", "2009", "--region", region, "--uploader", uploader);
        Assert.Equal(0, upload.ExitCode);
        Assert.Equal(IngestionStatus.Accepted, (await context.IngestAsync($"SERNAM/2009/{region}/cierre-2009-{region}.docx")).Status);
    }
}
