using System.Text;
using Pmg.Domain.Reading;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Storage.Tests;

public sealed class RefusalStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string, string, string> Refusals => new()
    {
        // blob name, sample file (or "text:" + content), expected code
        { "SERNAM/2009/CL-TA/cierre-2009-CL-VS.docx", "cierre-2009-CL-VS.docx", FormIdentity.RegionMismatch },
        { "SERNAM/2010/CL-TA/cierre-2009-CL-TA.docx", "cierre-2009-CL-TA.docx", FormIdentity.YearMismatch },
        { "SENAME/2009/CL-TA/cierre-2009-CL-TA.docx", "cierre-2009-CL-TA.docx", IngestionCodes.ServiceUnknown },
        { "SERNAM/cierre-2009-CL-TA.docx", "cierre-2009-CL-TA.docx", IngestionCodes.PathInvalid },
        { "SERNAM/2009/Narnia/cierre-2009-CL-TA.docx", "cierre-2009-CL-TA.docx", IngestionCodes.RegionUnknown },
        { "SERNAM/2009/CL-TA/notas.docx", "text:esto no es un documento de Word", "NOT_OOXML" },
        { "SERNAM/2009/CL-TA/vacio.docx", "text:", "FILE_EMPTY" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task IngestAsync_RefusedUpload_RecordedWithSpanishReasonAndBlobUntouched(string name, string source, string code)
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var bytes = source.StartsWith("text:", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(source[5..]) : Samples.Form(source);
        var uploaded = await context.UploadAsync(name, bytes, uploader: "encargado@sernam.cl");
        var before = await context.SnapshotAsync(name);

        var outcome = await context.DeliverAsync(uploaded);

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        Assert.Contains(outcome.Diagnostics, d => d.Code == code);
        var problem = Assert.Single(await context.Ledger.ListProblemsAsync());
        Assert.Equal((outcome.SubmissionId, IngestionStatus.Refused, name), (problem.Id, problem.Outcome, problem.BlobName));
        var reason = problem.Diagnostics.First(d => d.Code == code);
        Assert.Contains(outcome.Diagnostics.First(d => d.Code == code).Message, problem.Reasons.First(r => r.StartsWith(reason.Message, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Matches("[áéíóúñ«]", string.Join(" ", problem.Reasons));

        var after = await context.SnapshotAsync(name);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Sha256, after.Sha256);
        Assert.Equal(before.Metadata, after.Metadata);
        Assert.Equal("refused", (await context.TagsAsync(name))[StorageNames.OutcomeTag]);

        var receipt = Assert.Single(await context.ReceiptsAsync());
        Assert.Equal(("refused", name, "encargado@sernam.cl"), (receipt.Outcome, receipt.BlobName, receipt.Uploader));
        Assert.NotEmpty(receipt.Reasons);
    }

    [Fact]
    public async Task IngestAsync_ValparaisoFormUnderTarapacaPath_RefusedNamingBothRegions()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var uploaded = await context.UploadAsync("SERNAM/2009/CL-TA/cierre-2009-CL-VS.xlsx", Samples.Form("cierre-2009-CL-VS.xlsx"));

        var outcome = await context.DeliverAsync(uploaded);

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        Assert.Empty(await context.CurrentAsync("SERNAM", 2009));
        var problem = Assert.Single(await context.Ledger.ListProblemsAsync("SERNAM", 2009));
        var mismatch = Assert.Single(problem.Diagnostics, d => d.Code == FormIdentity.RegionMismatch);
        Assert.Contains("Valparaíso", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("Tarapacá", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains(problem.Reasons, r => r.StartsWith(mismatch.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receipts_EveryOutcome_QueuesOneReceiptEach()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var accepted = await context.DeliverAsync(await context.UploadAsync("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx", Samples.Form("cierre-2009-CL-TA.docx"), uploader: "ta@sernam.cl"));
        var refused = await context.DeliverAsync(await context.UploadAsync("SERNAM/2009/CL-BI/cierre-2009-CL-VS.docx", Samples.Form("cierre-2009-CL-VS.docx")));
        var failed = await context.Ingestion.RecordFailureAsync("SERNAM/2009/CL-VS/roto.docx", "0x8DCFFFF", "System.TimeoutException: storage timed out");

        var receipts = await context.ReceiptsAsync();

        Assert.Equal(
            [(accepted.SubmissionId, "accepted"), (refused.SubmissionId, "refused"), (failed.SubmissionId, "failed")],
            receipts.Select(r => (r.SubmissionId, r.Outcome)).OrderBy(r => r.Outcome == "accepted" ? 0 : r.Outcome == "refused" ? 1 : 2));
        var acceptedReceipt = receipts.Single(r => r.Outcome == "accepted");
        Assert.Equal(("SERNAM", 2009, "CL-TA", "ta@sernam.cl"), (acceptedReceipt.Service, acceptedReceipt.Year!.Value, acceptedReceipt.Region, acceptedReceipt.Uploader));
        Assert.Equal(accepted.WarningCount, acceptedReceipt.Warnings);
    }

    [Fact]
    public async Task RecordFailureAsync_PoisonBlob_ShowsAsFailedWithReason()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var uploaded = await context.UploadAsync("SERNAM/2009/CL-VS/cierre-2009-CL-VS.docx", Samples.Form("cierre-2009-CL-VS.docx"));
        var before = await context.SnapshotAsync(uploaded.Name);

        var outcome = await context.Ingestion.RecordFailureAsync(uploaded.Name, uploaded.ETag, "Timeout después de 5 intentos");

        Assert.Equal(IngestionStatus.Failed, outcome.Status);
        var problem = Assert.Single(await context.Ledger.ListProblemsAsync("SERNAM", 2009));
        Assert.Equal((IngestionStatus.Failed, "CL-VS"), (problem.Outcome, problem.RegionCode));
        Assert.Equal(
            "No se pudo procesar el archivo después de varios intentos; el equipo técnico fue notificado. Detalle: Timeout después de 5 intentos",
            Assert.Single(problem.Reasons));
        Assert.Equal("failed", (await context.TagsAsync(uploaded.Name))[StorageNames.OutcomeTag]);
        Assert.Equal(before.ETag, (await context.SnapshotAsync(uploaded.Name)).ETag);
    }
}
