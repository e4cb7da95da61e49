using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Status;
using Pmg.Testing;

namespace Pmg.Storage.Tests;

/// <summary>The reconciliation sweep on Azurite: blobs the trigger never saw are ingested exactly once.</summary>
public sealed class ReconciliationStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SweepAsync_BlobWrittenStraightToStorage_IngestedOnceAndNothingTwiceOnASecondSweep()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        await context.UploadAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx", Samples.Form("cierre-2009-CL-TA.docx"), uploader: "ana@sernam.cl");
        var reconciliation = context.Services.GetRequiredService<IReconciliationService>();

        var first = await reconciliation.SweepAsync();
        var second = await reconciliation.SweepAsync();

        var outcome = Assert.Single(first.Ingested);
        Assert.Equal((IngestionStatus.Accepted, true), (outcome.Status, outcome.IsCurrent));
        Assert.Empty(second.Ingested);
        var history = await context.HistoryAsync("SERNAM", 2009);
        Assert.Equal(outcome.SubmissionId, Assert.Single(history).Id);
        Assert.Equal("ana@sernam.cl", history[0].Uploader);
        Assert.Single(await context.ReceiptsAsync());
        Assert.Equal("accepted", (await context.TagsAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx"))[StorageNames.OutcomeTag]);
    }

    [Fact]
    public async Task SweepAsync_BlobTheTriggerIngested_SameIdSoNothingIngestedAgain()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var uploaded = await context.UploadAsync("SERNAM/2009/CL-VS/cierre-2009-CL-VS.xlsx", Samples.Form("cierre-2009-CL-VS.xlsx"));
        await context.DeliverAsync(uploaded);

        var swept = await context.Services.GetRequiredService<IReconciliationService>().SweepAsync("SERNAM", 2009);

        Assert.Equal((0, 0), (swept.Listed, swept.Ingested.Count));
        Assert.Single(await context.HistoryAsync("SERNAM", 2009));
    }

    [Fact]
    public async Task GetAsync_BlobNotYetIngested_StatusListsItSinProcesarWithItsRegion()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        await context.UploadAsync("SERNAM/2009/CL-BI/cierre-2009-CL-BI.docx", Samples.Form("cierre-2009-CL-BI.docx"));

        var status = await context.Services.GetRequiredService<IStatusService>().GetAsync("SERNAM", 2009);

        var waiting = Assert.Single(status.Unprocessed);
        Assert.Equal(("SERNAM/2009/CL-BI/cierre-2009-CL-BI.docx", "Biobío"), (waiting.BlobName, waiting.Region!.Name));
        Assert.StartsWith("hace ", WaitingText.Ago(waiting.WaitingSeconds), StringComparison.Ordinal);

        await context.Services.GetRequiredService<IReconciliationService>().SweepAsync();
        Assert.Empty((await context.Services.GetRequiredService<IStatusService>().GetAsync("SERNAM", 2009)).Unprocessed);
    }

    [Fact]
    public async Task FindUnprocessedAsync_TwoServiceYearsTwentyBlobs_OneListingAndOneLedgerPagePerServiceYear()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var form = Samples.Form("cierre-2009-CL-TA.docx");
        for (var i = 0; i < 18; i++)
        {
            await context.DeliverAsync(await context.UploadAsync($"SERNAM/2009/CL-TA/cierre-{i:00}.docx", form));
        }

        await context.UploadAsync("SERNAM/2009/CL-TA/nuevo.docx", form);
        await context.UploadAsync("SERNAM/2010/CL-TA/nuevo.docx", form);
        var finder = context.Services.GetRequiredService<IReconciliationService>();
        context.Counter.Reset();

        var unprocessed = await finder.FindUnprocessedAsync();

        Assert.Equal(["SERNAM/2009/CL-TA/nuevo.docx", "SERNAM/2010/CL-TA/nuevo.docx"], unprocessed.Select(u => u.Blob.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1 + 2, context.Counter.Count); // one listing of the container (< 5 000 blobs: one page), one ledger page per service-year
    }
}
