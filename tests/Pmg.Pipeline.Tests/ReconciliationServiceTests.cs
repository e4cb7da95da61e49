using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mark = Pmg.Domain.Model.Compliance;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Pipeline.Tests;

/// <summary>The sweep behind the triggers, over in-memory stores: what it ingests, and what it leaves alone.</summary>
public sealed class ReconciliationServiceTests
{
    private static readonly DateTimeOffset Monday = new(2010, 1, 11, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SweepAsync_BlobTheTriggerMissed_IngestedOnceAndCurrent()
    {
        using var harness = new Harness();
        harness.Reader.Returns("cierre.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("cierre.docx"));
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", Monday);

        var first = await harness.Reconciliation.SweepAsync();
        var second = await harness.Reconciliation.SweepAsync();

        var outcome = Assert.Single(first.Ingested);
        Assert.Equal((IngestionStatus.Accepted, true), (outcome.Status, outcome.IsCurrent));
        Assert.Empty(second.Ingested);
        Assert.Equal(1, harness.Ledger.Adds);
        Assert.Single(harness.Receipts.Messages);
        Assert.Equal(outcome.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public async Task SweepAsync_BlobAlreadyIngestedByItsTrigger_NothingRecordedAgain()
    {
        using var harness = new Harness();
        harness.Reader.Returns("cierre.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("cierre.docx"));
        await harness.IngestAsync("SERNAM/2009/CL-TA/cierre.docx", "0x1", Monday);
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", Monday);

        var swept = await harness.Reconciliation.SweepAsync("SERNAM", 2009);

        Assert.Equal((0, 0), (swept.Listed, swept.Ingested.Count));
        Assert.Equal(1, harness.Ledger.Adds);
        Assert.Single(harness.Receipts.Messages);
    }

    [Fact]
    public async Task SweepAsync_OverwrittenBlob_NewVersionIngestedAndCurrent()
    {
        using var harness = new Harness();
        harness.Reader.Returns("cierre.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("cierre.docx"));
        await harness.IngestAsync("SERNAM/2009/CL-TA/cierre.docx", "0x1", Monday);
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x2", Monday.AddHours(1));

        var outcome = Assert.Single((await harness.Reconciliation.SweepAsync()).Ingested);

        Assert.Equal(2, harness.Ledger.Adds);
        Assert.Equal(outcome.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public async Task SweepAsync_RecordLeftHalfWayByAKilledHost_Finished()
    {
        using var harness = new Harness();
        harness.Reader.Returns("cierre.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("cierre.docx"));
        var outcome = await harness.IngestAsync("SERNAM/2009/CL-TA/cierre.docx", "0x1", Monday);
        harness.Ledger.Records[outcome.SubmissionId] = harness.Ledger.Records[outcome.SubmissionId] with { Completed = false };
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", Monday);

        var swept = Assert.Single((await harness.Reconciliation.SweepAsync()).Ingested);

        Assert.Equal(outcome.SubmissionId, swept.SubmissionId);
        Assert.True(harness.Ledger.Records[outcome.SubmissionId].Completed);
        Assert.Equal(1, harness.Ledger.Adds);
    }

    [Fact]
    public async Task SweepAsync_PathOfAnotherShape_RefusedOnceUnderTheUnparsedPartition()
    {
        using var harness = new Harness();
        harness.Forms.Put("SERNAM/2009/cierre.docx", "0x1", Monday);

        var first = Assert.Single((await harness.Reconciliation.SweepAsync()).Ingested);
        var second = await harness.Reconciliation.SweepAsync();

        Assert.Equal(IngestionStatus.Refused, first.Status);
        Assert.Empty(second.Ingested);
        Assert.Equal("_", harness.Ledger.Records[first.SubmissionId].Partition);
    }

    [Fact]
    public async Task SweepAsync_BlobDeleted_NothingIngested()
    {
        using var harness = new Harness();
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", Monday);
        var found = await harness.Reconciliation.FindUnprocessedAsync();
        harness.Forms.Delete("SERNAM/2009/CL-TA/cierre.docx");

        var swept = await harness.Reconciliation.SweepAsync();

        Assert.Single(found);
        Assert.Equal((0, 0), (swept.Listed, harness.Ledger.Adds));
    }
}

/// <summary>
/// The background sweeps' grace period: a blob the trigger may still be retrying (a form that fails leaves no ledger row
/// until it is poisoned) is left to it; one the trigger missed is taken once it is older; an operator's sweep takes all.
/// </summary>
public sealed class ReconciliationGracePeriodTests
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task SweepAsync_BlobWrittenWithinTheGracePeriod_LeftToItsTriggerUnread()
    {
        using var harness = ReadyHarness();
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", harness.Clock.GetUtcNow() - TimeSpan.FromMinutes(4));

        var swept = await harness.Reconciliation.SweepAsync(null, null, GracePeriod);

        Assert.Equal((1, 0, 1), (swept.Listed, swept.Ingested.Count, swept.LeftToTrigger));
        Assert.Empty(harness.Reader.Calls);
        Assert.Equal(0, harness.Ledger.Adds);
        Assert.Empty(harness.Receipts.Messages);
    }

    [Fact]
    public async Task SweepAsync_SameBlobOnceTheGracePeriodHasPassed_IngestedOnceAndCurrent()
    {
        using var harness = ReadyHarness();
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", harness.Clock.GetUtcNow() - TimeSpan.FromMinutes(4));
        var early = await harness.Reconciliation.SweepAsync(null, null, GracePeriod);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var late = await harness.Reconciliation.SweepAsync(null, null, GracePeriod);

        Assert.Empty(early.Ingested);
        var outcome = Assert.Single(late.Ingested);
        Assert.Equal((IngestionStatus.Accepted, true, 0), (outcome.Status, outcome.IsCurrent, late.LeftToTrigger));
        Assert.Single(harness.Reader.Calls);
        Assert.Single(harness.Receipts.Messages);
        Assert.Equal(outcome.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public async Task SweepAsync_OldAndYoungBlobs_TakesOnlyTheOldOne()
    {
        using var harness = ReadyHarness();
        harness.Reader.Returns("nuevo.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("nuevo.docx"));
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", harness.Clock.GetUtcNow() - TimeSpan.FromHours(2));
        harness.Forms.Put("SERNAM/2009/CL-VS/nuevo.docx", "0x1", harness.Clock.GetUtcNow() - TimeSpan.FromSeconds(10));

        var swept = await harness.Reconciliation.SweepAsync("SERNAM", 2009, GracePeriod);

        var outcome = Assert.Single(swept.Ingested);
        Assert.Equal(("SERNAM/2009/CL-TA/cierre.docx", 2, 1), (outcome.BlobName, swept.Listed, swept.LeftToTrigger));
        Assert.Null(harness.Current.Current("SERNAM", 2009, "CL-VS"));
    }

    [Fact]
    public async Task SweepAsync_OldBlobOverwrittenBetweenListingAndDownload_NewVersionLeftToItsTrigger()
    {
        using var harness = ReadyHarness();
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", harness.Clock.GetUtcNow() - TimeSpan.FromHours(2));
        harness.Forms.BeforeOpen = name => harness.Forms.Put(name, "0x2", harness.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));

        var swept = await harness.Reconciliation.SweepAsync(null, null, GracePeriod);

        Assert.Equal((0, 1), (swept.Ingested.Count, swept.LeftToTrigger));
        Assert.Empty(harness.Reader.Calls);
        Assert.Equal(0, harness.Ledger.Adds);
    }

    // pmg recalc: run.sh counts on it to ingest, seconds after the upload, a form the polling trigger skipped.
    [Fact]
    public async Task SweepAsync_OperatorSweepOfABlobJustWritten_Ingested()
    {
        using var harness = ReadyHarness();
        harness.Forms.Put("SERNAM/2009/CL-TA/cierre.docx", "0x1", harness.Clock.GetUtcNow() - TimeSpan.FromSeconds(10));

        var swept = await harness.Reconciliation.SweepAsync("SERNAM", 2009);

        var outcome = Assert.Single(swept.Ingested);
        Assert.Equal((IngestionStatus.Accepted, 0), (outcome.Status, swept.LeftToTrigger));
        Assert.Equal(outcome.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public void AddPmgPipeline_NegativeGracePeriod_FailsValidation()
    {
        using var harness = new Harness(settings: new Dictionary<string, string?> { ["Pmg:Reconciliation:GracePeriod"] = "-00:01:00" });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Provider.GetRequiredService<IOptions<ReconciliationOptions>>().Value);

        Assert.Contains("Pmg:Reconciliation:GracePeriod must not be negative.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPmgPipeline_GracePeriodSetting_BoundFromPmgReconciliation()
    {
        using var harness = new Harness(settings: new Dictionary<string, string?> { ["Pmg:Reconciliation:GracePeriod"] = "00:00:30" });

        Assert.Equal(TimeSpan.FromSeconds(30), harness.Provider.GetRequiredService<IOptions<ReconciliationOptions>>().Value.GracePeriod);
    }

    private static Harness ReadyHarness()
    {
        var harness = new Harness();
        harness.Reader.Returns("cierre.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("cierre.docx"));
        return harness;
    }
}

/// <summary>Uploads of one region in the same second: the uploaders' recorded times decide, not the ids' hashes.</summary>
public sealed class SameSecondOrderingTests
{
    private static readonly DateTimeOffset Second = new(2010, 1, 11, 9, 0, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IngestAsync_TwoUploadsInOneSecond_CurrentIsTheOneUploadedLastWhateverTheDeliveryOrder(bool deliverLatestFirst)
    {
        using var harness = new Harness();
        harness.Reader.Returns("a.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("a.docx"));
        harness.Reader.Returns("b.docx", new SubmissionBuilder().WithActivity(100m, Mark.NotComplied).Read("b.docx"));

        // The later upload gets the id that sorts first, so the old tie-break (ids) would pick the earlier one.
        var (earlier, later) = SwappedIds("SERNAM/2009/CL-TA/a.docx", "SERNAM/2009/CL-TA/b.docx");
        var first = Blob(earlier, Second.AddMilliseconds(100));
        var second = Blob(later, Second.AddMilliseconds(700));

        foreach (var blob in deliverLatestFirst ? new[] { second, first } : [first, second])
        {
            await harness.Service.IngestAsync(blob);
        }

        Assert.Equal(SubmissionKeys.SubmissionId(later, "0x1"), harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    private static IncomingBlob Blob(string name, DateTimeOffset recorded) =>
        new(name, "0x1", new MemoryStream([1]), UploadMetadata.For("ana@sernam.cl", recorded)) { UploadedAt = Second };

    private static (string Earlier, string Later) SwappedIds(string a, string b) =>
        string.CompareOrdinal(SubmissionKeys.SubmissionId(a, "0x1"), SubmissionKeys.SubmissionId(b, "0x1")) > 0 ? (a, b) : (b, a);
}
