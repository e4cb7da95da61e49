using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Status;
using Pmg.Testing;
using Xunit.Abstractions;

namespace Pmg.Storage.Tests;

public sealed class IngestionStorageTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Monday = new(2010, 1, 11, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("tarapaca-2009-etapa3.docx")]
    [InlineData("tarapaca-2009-etapa3.xlsx")]
    public async Task IngestAsync_SeedForm_StoresScoresRowsAndCurrentPointer(string file)
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var uploaded = await context.UploadAsync("SERNAM/2009/CL-TA/" + file, Samples.Form(file), uploader: "directora.tarapaca@sernam.cl");

        var outcome = await context.DeliverAsync(uploaded);

        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        Assert.True(outcome.IsCurrent);
        var current = Assert.Single(await context.CurrentAsync("SERNAM", 2009));
        Assert.Equal((outcome.SubmissionId, "CL-TA", "directora.tarapaca@sernam.cl"), (current.Id, current.RegionCode, current.Uploader));
        var iii1 = current.Programs.Single(p => p.Section == "III.1");
        Assert.Equal(("INVALIDO", 7.35m, 19, 25), (iii1.Status, iii1.WeightTotal, iii1.Objectives, iii1.Activities));
        var iii2 = current.Programs.Single(p => p.Section == "III.2");
        Assert.Equal(("INVALIDO", 2.5m, 7, 9), (iii2.Status, iii2.WeightTotal, iii2.Objectives, iii2.Activities));
        Assert.Contains(current.Diagnostics, d => d.Message == "Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100 (tolerancia ±0,5)." && d.Location!.ToString() == "III.1, Ponderación (%)");

        var results = await StorageTestContext.RowsAsync(context.Layout.RegionalResults, "SERNAM|2009");
        var iii1Row = Assert.Single(results, r => r.GetString("Section") == "III.1");
        Assert.Equal(("CL-TA|III.1|" + outcome.SubmissionId, "INVALIDO", "7.35"), (iii1Row.RowKey, iii1Row.GetString("Status"), iii1Row.GetString("WeightTotal")));
        Assert.Null(iii1Row.GetString("Performance"));
        var content = await context.ContentAsync(outcome.SubmissionId);
        Assert.Equal(25 + 9 + 3, content.Activities.Count);
        Assert.Equal(25, content.Activities.Count(a => a.Section == "III.1"));
        var first = content.Activities[0];
        Assert.Equal(("III.1", 1, "Realizar 4 asesorías por cada Servicio desconcentrado,", "Profesional de apoyo", 0.5m), (first.Section, first.ObjectiveNumber, first.Text, first.Unit, first.Weight!.Value));
        Assert.Equal(25, content.ProgressRows.Count);
        Assert.Equal("Diseño Acceso y Distribución", content.ProgressRows[0].Program);
        Assert.Equal("accepted", (await context.TagsAsync(uploaded.Name))[StorageNames.OutcomeTag]);
    }

    [Fact]
    public async Task IngestAsync_SeedWordForm_CostsAtMostTwelveStorageRequests()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var uploaded = await context.UploadAsync("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx", Samples.Form("tarapaca-2009-etapa3.docx"));
        var blob = context.Layout.Forms.GetBlobClient(uploaded.Name);
        var content = (await blob.DownloadContentAsync()).Value.Content;

        context.Counter.Reset();
        var outcome = await context.Ingestion.IngestAsync(new IncomingBlob(uploaded.Name, uploaded.ETag, content.ToStream(), new Dictionary<string, string>()));
        var requests = context.Counter.Count;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Storage transactions for one ingestion of the seed form: {requests} (blob download by the trigger not included)"));
        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        Assert.InRange(requests, 1, 12);
    }

    [Fact]
    public async Task IngestAsync_DuplicateAndRefusal_CostTwoAndFourStorageRequests()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var seed = await context.UploadAsync("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx", Samples.Form("tarapaca-2009-etapa3.docx"));
        var wrong = await context.UploadAsync("SERNAM/2009/CL-TA/cierre-2009-CL-VS.docx", Samples.Form("cierre-2009-CL-VS.docx"));
        await context.DeliverAsync(seed);
        var seedContent = (await context.Layout.Forms.GetBlobClient(seed.Name).DownloadContentAsync()).Value.Content;
        var wrongContent = (await context.Layout.Forms.GetBlobClient(wrong.Name).DownloadContentAsync()).Value.Content;

        context.Counter.Reset();
        var duplicate = await context.Ingestion.IngestAsync(new IncomingBlob(seed.Name, seed.ETag, seedContent.ToStream(), new Dictionary<string, string>()));
        var duplicateRequests = context.Counter.Count;
        context.Counter.Reset();
        var refused = await context.Ingestion.IngestAsync(new IncomingBlob(wrong.Name, wrong.ETag, wrongContent.ToStream(), new Dictionary<string, string>()));
        var refusalRequests = context.Counter.Count;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Storage transactions: duplicate delivery {duplicateRequests}, refusal {refusalRequests}"));
        Assert.Equal((IngestionStatus.Duplicate, 2L), (duplicate.Status, duplicateRequests));
        Assert.Equal((IngestionStatus.Refused, 4L), (refused.Status, refusalRequests));
    }

    [Fact]
    public async Task IngestAsync_SameVersionDeliveredTwice_OneSubmissionOneReceipt()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var uploaded = await context.UploadAsync("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx", Samples.Form("tarapaca-2009-etapa3.docx"));

        var first = await context.DeliverAsync(uploaded);
        var second = await context.DeliverAsync(uploaded);

        Assert.Equal(IngestionStatus.Accepted, first.Status);
        Assert.Equal(IngestionStatus.Duplicate, second.Status);
        Assert.Equal(first.SubmissionId, second.SubmissionId);
        Assert.Single(await context.HistoryAsync("SERNAM", 2009));
        Assert.Single(await context.ReceiptsAsync());
    }

    [Fact]
    public async Task IngestAsync_CorrectedReupload_BecomesCurrentAndKeepsHistory()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var seed = await context.UploadAsync("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx", Samples.Form("tarapaca-2009-etapa3.docx"));
        var corrected = await context.UploadAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx", Samples.Form("cierre-2009-CL-TA.docx"));

        var first = await context.DeliverAsync(seed, uploadedAt: Monday);
        var second = await context.DeliverAsync(corrected, uploadedAt: Monday.AddDays(20));

        Assert.True(second.IsCurrent);
        var current = Assert.Single(await context.CurrentAsync("SERNAM", 2009));
        Assert.Equal(second.SubmissionId, current.Id);
        var iii1 = current.Programs.Single(p => p.Section == "III.1");
        Assert.Equal(("CUMPLE", 96.00m), (iii1.Status, iii1.DisplayPerformance!.Value));
        Assert.Equal(("CUMPLE", 100.00m), current.Programs.Where(p => p.Section == "III.2").Select(p => (p.Status, p.DisplayPerformance!.Value)).Single());

        var history = await context.HistoryAsync("SERNAM", 2009);
        Assert.Equal([second.SubmissionId, first.SubmissionId], history.Select(h => h.Id));
        Assert.Equal(37, (await context.ContentAsync(first.SubmissionId)).Activities.Count);
        var results = await StorageTestContext.RowsAsync(context.Layout.RegionalResults, "SERNAM|2009");
        Assert.Contains(results, r => r.RowKey == "CL-TA|III.1|" + first.SubmissionId && r.GetString("Status") == "INVALIDO");
        Assert.Contains(results, r => r.RowKey == "CL-TA|III.1|" + second.SubmissionId && r.GetString("DisplayPerformance") == "96.00");
    }

    [Fact]
    public async Task IngestAsync_OlderUploadDeliveredLast_DoesNotReplaceNewer()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var seed = await context.UploadAsync("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx", Samples.Form("tarapaca-2009-etapa3.docx"));
        var corrected = await context.UploadAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.xlsx", Samples.Form("cierre-2009-CL-TA.xlsx"));

        var newer = await context.DeliverAsync(corrected, uploadedAt: Monday.AddDays(20));
        var older = await context.DeliverAsync(seed, uploadedAt: Monday);

        Assert.Equal(IngestionStatus.Accepted, older.Status);
        Assert.False(older.IsCurrent);
        Assert.Equal(newer.SubmissionId, Assert.Single(await context.CurrentAsync("SERNAM", 2009)).Id);
    }

    [Fact]
    public async Task IngestAsync_TwoVersionsConcurrently_NewerUploadWins()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var seed = await context.UploadAsync("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.xlsx", Samples.Form("tarapaca-2009-etapa3.xlsx"));
        var corrected = await context.UploadAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx", Samples.Form("cierre-2009-CL-TA.docx"));

        var outcomes = await Task.WhenAll(
            context.DeliverAsync(seed, uploadedAt: Monday),
            context.DeliverAsync(corrected, uploadedAt: Monday.AddMinutes(5)));

        Assert.All(outcomes, o => Assert.Equal(IngestionStatus.Accepted, o.Status));
        Assert.Equal(outcomes[1].SubmissionId, Assert.Single(await context.CurrentAsync("SERNAM", 2009)).Id);
    }

    [Fact]
    public async Task IngestAsync_ThreeRegionsAtClose_EachCurrentWithItsScore()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        foreach (var code in new[] { "CL-TA", "CL-VS", "CL-BI" })
        {
            var file = "cierre-2009-" + code + ".xlsx";
            Assert.Equal(IngestionStatus.Accepted, (await context.DeliverAsync(await context.UploadAsync($"SERNAM/2009/{code}/{file}", Samples.Form(file)))).Status);
        }

        // Status screens ask in any casing; the stores keep the service as configured.
        var status = await context.Services.GetRequiredService<IStatusService>().GetAsync("sernam", 2009);
        var current = await context.CurrentAsync("SERNAM", 2009);

        Assert.Equal(3, (await context.CurrentAsync(year: 2009)).Count);
        Assert.Empty(await context.CurrentAsync("SERNAM", 2010));
        Assert.Equal(
            [("CL-BI", "NO CUMPLE", 72.00m), ("CL-TA", "CUMPLE", 96.00m), ("CL-VS", "NO CUMPLE", 88.00m)],
            Assert.Single(status.ServiceYears).Regions.Select(r => (r.Region.Code, r.Programs.Single(p => p.Section == "III.1").Status, r.Programs.Single(p => p.Section == "III.1").Performance!.Value)));
        Assert.Equal(
            [("CL-BI", "NO CUMPLE", 72.00m), ("CL-TA", "CUMPLE", 96.00m), ("CL-VS", "NO CUMPLE", 88.00m)],
            current.Select(c => (c.RegionCode!, c.Programs.Single(p => p.Section == "III.1").Status, c.Programs.Single(p => p.Section == "III.1").DisplayPerformance!.Value)));
        Assert.Empty(status.Problems);
        var national = Domain.Rules.NationalRules.Evaluate(
            Domain.Model.Section.III1,
            StorageTestContext.RegionalStatuses(current),
            [.. new[] { "CL-TA", "CL-VS", "CL-BI" }.Select(c => Domain.Regions.RegionCatalog.FindByCode(c)!)],
            closingDatePassed: true);
        Assert.Equal((Domain.Rules.ProgramStatus.NoCumple, 3, 1), (national.Status, national.Regions, national.Complying));
    }
}
