using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Testing;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Storage.Tests;

/// <summary>Large or hostile content stays within the storage limits (entity, transaction, queue message).</summary>
public sealed class LimitsStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SaveAsync_ManyActivitiesWithHugeTexts_AllStoredAcrossTransactions()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var store = context.Services.GetRequiredService<ISubmissionContentStore>();
        var activities = Enumerable.Range(1, 150).Select(i => new Activity
        {
            Text = i + " " + new string('á', 40_000),
            Unit = "Unidad " + i,
            Weight = 100m / 150m,
            Compliance = Mark.Complied,
            Location = new SourceLocation(Section.III1, i),
        }).ToArray();
        var submission = new Submission
        {
            Service = "SERNAM",
            Year = 2009,
            Region = Domain.Regions.RegionCatalog.FindByCode("CL-TA"),
            SourceFile = "enorme.docx",
            Programs = [new WorkProgram { Section = Section.III1, Objectives = [new Objective { Text = "Objetivo", Activities = activities, Location = new SourceLocation(Section.III1, 1) }] }],
        };
        var record = new SubmissionRecord
        {
            Id = "big1",
            BlobName = "SERNAM/2009/CL-TA/enorme.docx",
            BlobVersion = "0x1",
            Service = "SERNAM",
            Year = 2009,
            RegionCode = "CL-TA",
            UploadedAt = DateTimeOffset.UnixEpoch,
            ProcessedAt = DateTimeOffset.UnixEpoch,
            Outcome = IngestionStatus.Accepted,
        };

        await store.SaveAsync(record, submission);
        var content = await context.ContentAsync("big1", record.BlobName);

        Assert.Equal(150, content.Activities.Count);
        Assert.Equal(30_000, content.Activities[0].Text.Length);
        Assert.Equal("Unidad 150", content.Activities[^1].Unit);
    }

    [Fact]
    public async Task EnqueueAsync_ThousandsOfLongReasons_OneReadableMessageWithTheFirstOnes()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var queue = context.Services.GetRequiredService<IReceiptQueue>();
        var reasons = Enumerable.Range(1, 2000).Select(i => "Motivo " + i + ": " + new string('ñ', 2000)).ToArray();

        await queue.EnqueueAsync(new Receipt("r1", "SERNAM/2009/CL-TA/f.docx", "SERNAM", 2009, "CL-TA", "refused", 0, reasons, null));
        var receipt = Assert.Single(await context.ReceiptsAsync());

        Assert.Equal(41, receipt.Reasons.Count);
        Assert.StartsWith("Motivo 1: ñ", receipt.Reasons[0], StringComparison.Ordinal);
        Assert.Equal("… y 1960 motivos más.", receipt.Reasons[^1]);
    }
}
