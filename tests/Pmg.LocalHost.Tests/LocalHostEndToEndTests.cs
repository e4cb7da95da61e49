using Pmg.Domain.Reading;
using Pmg.Pipeline;
using Pmg.Storage.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Pmg.LocalHost.Tests;

/// <summary>
/// Uploads to Azurite and lets the local host's real blob trigger do the rest. Both tests use the one "forms"
/// container the trigger watches, so they live in one class (xunit runs a class's tests one at a time), and every
/// blob name carries a run id so a re-run on the same emulator never meets an earlier run's uploads.
/// </summary>
public sealed class LocalHostEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task BlobTrigger_SeedWordThenCierreExcel_ScoresBothAndCierreBecomesCurrent()
    {
        await using var host = await LocalHostTestContext.StartAsync(azurite);

        var seed = await host.UploadAsync($"SERNAM/2009/CL-TA/tarapaca-2009-etapa3-{run}.docx", Samples.Form("tarapaca-2009-etapa3.docx"), "directora.tarapaca@sernam.cl");
        var seedRecord = await host.WaitForRecordAsync(seed.Name, seed.ETag);
        var cierre = await host.UploadAsync($"SERNAM/2009/CL-TA/cierre-2009-CL-TA-{run}.xlsx", Samples.Form("cierre-2009-CL-TA.xlsx"), "directora.tarapaca@sernam.cl");
        var cierreRecord = await host.WaitForRecordAsync(cierre.Name, cierre.ETag);

        Assert.Equal((IngestionStatus.Accepted, "CL-TA", "directora.tarapaca@sernam.cl"), (seedRecord.Outcome, seedRecord.RegionCode, seedRecord.Uploader));
        var seedIii1 = seedRecord.Programs.Single(p => p.Section == "III.1");
        Assert.Equal(("INVALIDO", 7.35m, 19, 25), (seedIii1.Status, seedIii1.WeightTotal, seedIii1.Objectives, seedIii1.Activities));
        Assert.Contains(seedRecord.Reasons, r => r == "Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100 (tolerancia ±0,5). (III.1, Ponderación (%))");

        Assert.Equal((IngestionStatus.Accepted, "CL-TA"), (cierreRecord.Outcome, cierreRecord.RegionCode));
        var cierreIii1 = cierreRecord.Programs.Single(p => p.Section == "III.1");
        Assert.Equal(("CUMPLE", 96.00m), (cierreIii1.Status, cierreIii1.DisplayPerformance));

        var results = await TableRows.RowsAsync(host.Layout.RegionalResults, "SERNAM|2009");
        Assert.Contains(results, r => r.RowKey == "CL-TA|III.1|" + seedRecord.Id && r.GetString("Status") == "INVALIDO");
        Assert.Contains(results, r => r.RowKey == "CL-TA|III.1|" + cierreRecord.Id && r.GetString("Status") == "CUMPLE" && r.GetString("DisplayPerformance") == "96.00");

        // The partition also holds one row per programme ("{section}|0000", Kind=Program) before its activities.
        var seedRows = await TableRows.RowsAsync(host.Layout.Activities, seedRecord.Id);
        var seedActivities = seedRows.Where(row => row.GetString("Kind") is null).ToList();
        Assert.Equal(["III.1|0000", "III.2|0000", "III.3|0000"], seedRows.Where(row => row.GetString("Kind") == "Program").Select(row => row.RowKey));
        Assert.Equal((25, 9, 3), (
            seedActivities.Count(a => a.GetString("Section") == "III.1"),
            seedActivities.Count(a => a.GetString("Section") == "III.2"),
            seedActivities.Count(a => a.GetString("Section") == "III.3")));

        var current = await host.CurrentSubmissions.GetAsync("SERNAM", 2009, "CL-TA");
        Assert.Equal(cierreRecord.Id, current?.SubmissionId);
    }

    // The Failed record carries the id of the blob's name and ETag as the extension wrote them to
    // webjobs-blobtrigger-poison: only the poison handler records failures, so the message went through that queue.
    [Fact]
    public async Task BlobTrigger_ReaderFailsEveryTime_PoisonedThenVisibleAsFailedSubmission()
    {
        var reader = new AlwaysFailingFormReader();
        await using var host = await LocalHostTestContext.StartAsync(azurite, services => services.AddSingleton<IFormReader>(reader));

        var broken = await host.UploadAsync($"SERNAM/2009/CL-AN/cierre-2009-CL-AN-{run}.docx", Samples.Form("cierre-2009-CL-TA.docx"));
        var record = await host.WaitForRecordAsync(broken.Name, broken.ETag);

        Assert.Equal(LocalHostTestContext.PoisonBlobThreshold, reader.Calls(broken.Name));
        Assert.Equal(IngestionStatus.Failed, record.Outcome);
        var status = await host.Queries.GetStatusAsync("SERNAM", 2009);
        var problem = Assert.Single(status.Problems, p => p.Id == record.Id);
        Assert.Equal(IngestionStatus.Failed, problem.Outcome);
        var tags = (await host.Forms.GetBlobClient(broken.Name).GetTagsAsync()).Value.Tags;
        Assert.Equal("failed", tags["pmg-outcome"]);
        Assert.Equal(
            ["No se pudo procesar el archivo después de varios intentos; el equipo técnico fue notificado. Detalle: la ingesta falló en cada uno de los reintentos automáticos."],
            problem.Reasons);
    }
}
