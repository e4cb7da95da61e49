using Pmg.Domain.Reading;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Pmg.LocalHost.Tests;

/// <summary>
/// Uploads to Azurite and lets the local host's real blob trigger do the rest. The unprefixed tests use the one "forms"
/// container, and every host shares the account's blob-trigger poison queue, so the hosts' tests run one at a time
/// (<see cref="LocalHostCollection"/>); every blob name carries a run id so a re-run on the same emulator never meets
/// an earlier run's uploads.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class LocalHostEndToEndTests(AzuriteFixture azurite)
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

        // The local host sweeps every 200 ms here, so a sweep surely lists the blob while the trigger is retrying it: the
        // sweep must leave it to the trigger (it is younger than Pmg:Reconciliation:GracePeriod), not read it a 4th time.
        await using var host = await LocalHostTestContext.StartAsync(
            azurite,
            services => services.AddSingleton<IFormReader>(reader),
            new Dictionary<string, string?> { [ReconciliationSweeper.IntervalSetting] = "00:00:00.200" });

        var broken = await host.UploadAsync($"SERNAM/2009/CL-AN/cierre-2009-CL-AN-{run}.docx", Samples.Form("cierre-2009-CL-TA.docx"));
        var record = await host.WaitForRecordAsync(broken.Name, broken.ETag);

        Assert.Equal(LocalHostTestContext.PoisonBlobThreshold, reader.Calls(broken.Name));
        Assert.Equal(IngestionStatus.Failed, record.Outcome);
        var problem = Assert.Single(await host.Ledger.ListProblemsAsync("SERNAM", 2009), p => p.Id == record.Id);
        Assert.Equal(IngestionStatus.Failed, problem.Outcome);
        var tags = (await host.Forms.GetBlobClient(broken.Name).GetTagsAsync()).Value.Tags;
        Assert.Equal("failed", tags["pmg-outcome"]);
        Assert.Equal(
            ["No se pudo procesar el archivo después de varios intentos; el equipo técnico fue notificado. Detalle: la ingesta falló en cada uno de los reintentos automáticos."],
            problem.Reasons);
    }

    // The bug this guards against: a host with a prefix wrote its receipts to "x-receipts" while its queue trigger
    // listened on "receipts", so no receipt was ever e-mailed.
    [Fact]
    public async Task PrefixedHost_Upload_ReceiptEmailedFromItsOwnQueue()
    {
        var prefix = "e" + run;
        var pickup = Directory.CreateTempSubdirectory("pmg-prefixed-host.");
        try
        {
            await using var host = await LocalHostTestContext.StartAsync(azurite, settings: new Dictionary<string, string?>
            {
                ["Pmg:Storage:Prefix"] = prefix,
                ["Pmg:RecalculationSchedule"] = "0 0 0 1 1 *",
                ["SendGrid:ApiKey"] = "",
                ["Notifications:PickupDirectory"] = pickup.FullName,
            });

            var upload = await host.UploadAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx", Samples.Form("cierre-2009-CL-TA.docx"), "ana.perez@example.org");
            var record = await host.WaitForRecordAsync(upload.Name, upload.ETag);
            await LocalHostTestContext.WaitAsync(() => Task.FromResult(pickup.GetFiles("*.eml").Length > 0), "receipt e-mail in the pickup folder");

            Assert.Equal((prefix + "-forms", prefix + "-receipts"), (host.Forms.Name, host.Layout.Receipts.Name));
            Assert.Equal((IngestionStatus.Accepted, "CL-TA"), (record.Outcome, record.RegionCode));
            using var mail = await MimeMessage.LoadAsync(Assert.Single(pickup.GetFiles("*.eml")).FullName);
            Assert.Equal("ana.perez@example.org", Assert.Single(mail.To.Mailboxes).Address);
            Assert.Matches(@"^\[PMG GT 2009\] Tarapacá: formulario aceptado — III\.1 CUMPLE, III\.2 CUMPLE — \d+ observaciones \(cierre-2009-CL-TA\.docx\)$", mail.Subject);
            Assert.Contains("- III.1 Gestión Territorial: 96,00 % — CUMPLE — desempeño 96,00 %, igual o sobre el 90 % exigido", mail.TextBody, StringComparison.Ordinal);
            Assert.Matches(@"\nY \d+ más\.\r?\n", mail.TextBody);
            Assert.Contains("El formulario «cierre-2009-CL-TA.docx» (SERNAM, región de Tarapacá, 2009) fue aceptado", mail.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            pickup.Delete(recursive: true);
        }
    }
}
