using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Pipeline.Tests;

public sealed class IngestionServiceTests
{
    private const string TarapacaBlob = "SERNAM/2009/CL-TA/formulario.docx";
    private static readonly DateTimeOffset Monday = new(2010, 1, 11, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task IngestAsync_ValidForm_AcceptedCurrentAndScored()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder()
            .WithActivity(60m, Mark.Complied).WithActivity(40m, Mark.NotComplied).Read("formulario.docx"));

        var outcome = await harness.IngestAsync(TarapacaBlob, uploadedAt: Monday);

        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        Assert.True(outcome.IsCurrent);
        Assert.Equal("CL-TA", outcome.RegionCode);
        var program = Assert.Single(outcome.Programs);
        Assert.Equal(ProgramStatus.NoCumple, program.Status);
        Assert.Equal(60.00m, program.DisplayPerformance);

        var record = harness.Ledger.Records[outcome.SubmissionId];
        Assert.True(record.Completed);
        Assert.Equal("SERNAM|2009", record.Partition);
        var summary = Assert.Single(record.Programs);
        Assert.Equal(("III.1", "NO CUMPLE", 60.00m), (summary.Section, summary.Status, summary.DisplayPerformance!.Value));
        Assert.True(harness.Content.Saved.ContainsKey(outcome.SubmissionId));
        Assert.Equal(outcome.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
        Assert.Equal("accepted", harness.Tagger.Tags[TarapacaBlob + "@0x1"]);
        var receipt = Assert.Single(harness.Receipts.Messages);
        Assert.Equal(("accepted", "SERNAM", 2009, "CL-TA"), (receipt.Outcome, receipt.Service, receipt.Year!.Value, receipt.Region));
    }

    [Fact]
    public async Task IngestAsync_PathGivesServiceYearRegion_ReaderReceivesThem()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("formulario.docx"));

        var outcome = await harness.IngestAsync("sernam/2009/Tarapacá/formulario.docx");

        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        Assert.Equal(("SERNAM", 2009, "CL-TA"), (outcome.Service, outcome.Year!.Value, outcome.RegionCode));
        var options = Assert.Single(harness.Reader.Calls);
        Assert.Equal(("SERNAM", 2009, "CL-TA"), (options.Service, options.Year!.Value, options.Region));
    }

    [Fact]
    public async Task IngestAsync_UnreadableFile_RefusedWithReaderReasonsTaggedAndReceipted()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", Domain.Reading.FormReadResult.Refused(
            "formulario.docx", FormFormat.Unknown, Diagnostic.Error("FILE_EMPTY", "El archivo está vacío.")));

        var outcome = await harness.IngestAsync(TarapacaBlob, uploader: "ana.perez@sernam.cl");

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        Assert.Equal("FILE_EMPTY", Assert.Single(outcome.Diagnostics).Code);
        Assert.Equal(IngestionStatus.Refused, harness.Ledger.Records[outcome.SubmissionId].Outcome);
        Assert.Empty(harness.Content.Saved);
        Assert.Null(harness.Current.Current("SERNAM", 2009, "CL-TA"));
        Assert.Equal("refused", harness.Tagger.Tags[TarapacaBlob + "@0x1"]);
        var receipt = Assert.Single(harness.Receipts.Messages);
        Assert.Equal("refused", receipt.Outcome);
        Assert.Equal(["El archivo está vacío."], receipt.Reasons);
        Assert.Equal("ana.perez@sernam.cl", receipt.Uploader);
    }

    [Fact]
    public async Task IngestAsync_DocumentOfAnotherRegion_RefusedAsRegionMismatch()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder().InRegion("CL-VS").WithActivity(100m, Mark.Complied).Read("formulario.docx"));

        var outcome = await harness.IngestAsync(TarapacaBlob);

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        var reason = Assert.Single(outcome.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(FormIdentity.RegionMismatch, reason.Code);
        Assert.Equal("El formulario es de la región Valparaíso (CL-VS), pero se subió a la carpeta de Tarapacá (CL-TA).", reason.Message);
        Assert.Null(harness.Current.Current("SERNAM", 2009, "CL-TA"));
        Assert.Equal(reason.Message + " (documento)", Assert.Single(Assert.Single(harness.Receipts.Messages).Reasons));
    }

    [Fact]
    public async Task IngestAsync_ReaderReportsRegionMismatch_RefusedWithTheReadersReasonOnce()
    {
        using var harness = new Harness();
        var readerReason = Diagnostic.Error(FormIdentity.RegionMismatch, "El formulario indica la región Valparaíso en III.1, REGIÓN, pero el archivo se envió para la región Tarapacá.", new SourceLocation(Section.III1, null, "REGIÓN"));
        var read = new SubmissionBuilder().InRegion("CL-VS").WithActivity(100m, Mark.Complied).Read("formulario.docx");
        harness.Reader.Returns("formulario.docx", read with { Diagnostics = [readerReason] });

        var outcome = await harness.IngestAsync(TarapacaBlob);

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        Assert.Same(readerReason, Assert.Single(outcome.Diagnostics, d => d.Code == FormIdentity.RegionMismatch));
    }

    [Fact]
    public async Task IngestAsync_ReaderReportsServiceMismatch_Refused()
    {
        using var harness = new Harness();
        var read = new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("formulario.docx");
        harness.Reader.Returns("formulario.docx", read with
        {
            Diagnostics = [Diagnostic.Error(FormIdentity.ServiceMismatch, "El formulario indica el servicio «INJUV», pero el archivo se envió para el servicio «SERNAM».", SourceLocation.Document)],
        });

        var outcome = await harness.IngestAsync(TarapacaBlob);

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        Assert.Equal(
            ["El formulario indica el servicio «INJUV», pero el archivo se envió para el servicio «SERNAM». (documento)"],
            Assert.Single(harness.Receipts.Messages).Reasons);
        Assert.Null(harness.Current.Current("SERNAM", 2009, "CL-TA"));
    }

    [Fact]
    public async Task IngestAsync_FormWithInvalidProgramme_AcceptedWithErrorInReceipt()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder().WithActivity(5m, Mark.Complied).WithActivity(2.35m, Mark.Unmarked).Read("formulario.docx"));

        var outcome = await harness.IngestAsync(TarapacaBlob, uploader: "Ana.Perez@sernam.cl");

        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        Assert.Equal(ProgramStatus.Invalido, Assert.Single(outcome.Programs).Status);
        var receipt = Assert.Single(harness.Receipts.Messages);
        Assert.Contains(receipt.Reasons, r => r.StartsWith("Las ponderaciones de III.1 suman 7,35 puntos", StringComparison.Ordinal));
        Assert.Equal("Ana.Perez@sernam.cl", receipt.Uploader);
    }

    [Fact]
    public async Task IngestAsync_DocumentOfAnotherYear_RefusedAsYearMismatch()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder().ForYear(2010).WithActivity(100m, Mark.Complied).Read("formulario.docx"));

        var outcome = await harness.IngestAsync(TarapacaBlob);

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        var reason = Assert.Single(outcome.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(FormIdentity.YearMismatch, reason.Code);
        Assert.Equal("El formulario es del año 2010, pero se subió a la carpeta del año 2009.", reason.Message);
    }

    [Fact]
    public async Task IngestAsync_UnknownService_RefusedWithoutReading()
    {
        using var harness = new Harness(services: "SERNAM, INJUV");

        var outcome = await harness.IngestAsync("SENAME/2009/CL-TA/formulario.docx");

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        var reason = Assert.Single(outcome.Diagnostics);
        Assert.Equal(IngestionCodes.ServiceUnknown, reason.Code);
        Assert.Equal("El servicio «SENAME» de la ruta no está entre los servicios configurados (SERNAM, INJUV).", reason.Message);
        Assert.Empty(harness.Reader.Calls);
        Assert.Equal("SENAME|2009", harness.Ledger.Records[outcome.SubmissionId].Partition);
        Assert.Equal("refused", Assert.Single(harness.Receipts.Messages).Outcome);
    }

    [Theory]
    [InlineData("formulario.docx", IngestionCodes.PathInvalid)]
    [InlineData("SERNAM/2009/formulario.docx", IngestionCodes.PathInvalid)]
    [InlineData("SERNAM/dos mil/CL-TA/formulario.docx", IngestionCodes.PathInvalid)]
    [InlineData("SERNAM/2009/Narnia/formulario.docx", IngestionCodes.RegionUnknown)]
    [InlineData("SERNAM/2009/CL-NB/formulario.docx", IngestionCodes.RegionNotInYear)]
    public async Task IngestAsync_BadPath_RefusedWithPathReason(string name, string code)
    {
        using var harness = new Harness();

        var outcome = await harness.IngestAsync(name);

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        Assert.Equal(code, Assert.Single(outcome.Diagnostics).Code);
        Assert.Empty(harness.Reader.Calls);
        Assert.Single(harness.Receipts.Messages);
        Assert.Equal("refused", harness.Tagger.Tags[name + "@0x1"]);
    }

    [Fact]
    public async Task IngestAsync_SameVersionTwice_SecondIsDuplicateAndChangesNothing()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("formulario.docx"));

        var first = await harness.IngestAsync(TarapacaBlob);
        var second = await harness.IngestAsync(TarapacaBlob);

        Assert.Equal(IngestionStatus.Accepted, first.Status);
        Assert.Equal(IngestionStatus.Duplicate, second.Status);
        Assert.Equal(first.SubmissionId, second.SubmissionId);
        Assert.Single(harness.Ledger.Records);
        Assert.Single(harness.Receipts.Messages);
    }

    [Fact]
    public async Task IngestAsync_NewVersionOfSameBlob_IsANewSubmission()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("formulario.docx"));

        var first = await harness.IngestAsync(TarapacaBlob, version: "0x1", uploadedAt: Monday);
        var second = await harness.IngestAsync(TarapacaBlob, version: "0x2", uploadedAt: Monday.AddHours(1));

        Assert.NotEqual(first.SubmissionId, second.SubmissionId);
        Assert.Equal(2, harness.Ledger.Records.Count);
        Assert.Equal(second.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public async Task IngestAsync_RedeliveryAfterCrash_ResumesAndQueuesTheReceipt()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("formulario.docx"));
        var failingOnce = new FailingOnceTagger(harness.Tagger);
        var service = ActivatorUtilities.CreateInstance<IngestionService>(harness.Provider, failingOnce);
        IncomingBlob Blob() => new(TarapacaBlob, "0x1", new MemoryStream([1]), new Dictionary<string, string>());

        await Assert.ThrowsAsync<IOException>(() => service.IngestAsync(Blob()));
        Assert.False(Assert.Single(harness.Ledger.Records.Values).Completed);
        Assert.Empty(harness.Receipts.Messages);

        var retried = await service.IngestAsync(Blob());

        Assert.Equal(IngestionStatus.Accepted, retried.Status);
        Assert.True(retried.IsCurrent);
        Assert.True(Assert.Single(harness.Ledger.Records.Values).Completed);
        Assert.Single(harness.Receipts.Messages);
    }

    [Fact]
    public async Task IngestAsync_OlderUploadProcessedLast_StaysHistory()
    {
        using var harness = new Harness();
        harness.Reader.Returns("nuevo.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("nuevo.docx"));
        harness.Reader.Returns("viejo.docx", new SubmissionBuilder().WithActivity(100m, Mark.NotComplied).Read("viejo.docx"));

        var newer = await harness.IngestAsync("SERNAM/2009/CL-TA/nuevo.docx", uploadedAt: Monday.AddDays(1));
        var older = await harness.IngestAsync("SERNAM/2009/CL-TA/viejo.docx", uploadedAt: Monday);

        Assert.Equal(IngestionStatus.Accepted, older.Status);
        Assert.False(older.IsCurrent);
        Assert.True(harness.Content.Saved.ContainsKey(older.SubmissionId));
        Assert.Equal(newer.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public async Task IngestAsync_NewerUploadProcessedLast_BecomesCurrent()
    {
        using var harness = new Harness();
        harness.Reader.Returns("nuevo.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("nuevo.docx"));
        harness.Reader.Returns("viejo.docx", new SubmissionBuilder().WithActivity(100m, Mark.NotComplied).Read("viejo.docx"));

        await harness.IngestAsync("SERNAM/2009/CL-TA/viejo.docx", uploadedAt: Monday);
        var newer = await harness.IngestAsync("SERNAM/2009/CL-TA/nuevo.docx", uploadedAt: Monday.AddDays(1));

        Assert.True(newer.IsCurrent);
        Assert.Equal(newer.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public async Task IngestAsync_PointerChangedConcurrentlyByOlderUpload_RetriesAndWins()
    {
        using var harness = new Harness();
        harness.Reader.Returns("nuevo.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("nuevo.docx"));
        harness.Current.BeforeNextWrite = store => store.Put(
            new CurrentSubmission("SERNAM", 2009, "CL-TA", "otro", "SERNAM/2009/CL-TA/viejo.docx", "0x9", Monday));

        var outcome = await harness.IngestAsync("SERNAM/2009/CL-TA/nuevo.docx", uploadedAt: Monday.AddDays(1));

        Assert.True(outcome.IsCurrent);
        Assert.Equal(1, harness.Current.Conflicts);
        Assert.Equal(outcome.SubmissionId, harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public async Task IngestAsync_PointerChangedConcurrentlyByNewerUpload_LeavesNewerCurrent()
    {
        using var harness = new Harness();
        harness.Reader.Returns("viejo.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("viejo.docx"));
        harness.Current.BeforeNextWrite = store => store.Put(
            new CurrentSubmission("SERNAM", 2009, "CL-TA", "otro", "SERNAM/2009/CL-TA/nuevo.docx", "0x9", Monday.AddDays(2)));

        var outcome = await harness.IngestAsync("SERNAM/2009/CL-TA/viejo.docx", uploadedAt: Monday);

        Assert.False(outcome.IsCurrent);
        Assert.Equal("otro", harness.Current.Current("SERNAM", 2009, "CL-TA")!.SubmissionId);
    }

    [Fact]
    public async Task RecordFailureAsync_PoisonBlob_VisibleFailedRecordTaggedAndReceipted()
    {
        using var harness = new Harness();

        var outcome = await harness.Service.RecordFailureAsync(TarapacaBlob, "0x1", "Timeout after 5 attempts");

        Assert.Equal(IngestionStatus.Failed, outcome.Status);
        var record = harness.Ledger.Records[outcome.SubmissionId];
        Assert.Equal((IngestionStatus.Failed, "CL-TA", "SERNAM|2009"), (record.Outcome, record.RegionCode, record.Partition));
        Assert.Equal(
            "No se pudo procesar el archivo después de varios intentos; el equipo técnico fue notificado. Detalle: Timeout after 5 attempts",
            Assert.Single(record.Reasons));
        Assert.Equal("failed", harness.Tagger.Tags[TarapacaBlob + "@0x1"]);
        Assert.Equal("failed", Assert.Single(harness.Receipts.Messages).Outcome);
    }

    [Fact]
    public async Task RecordFailureAsync_AlreadyProcessed_KeepsTheOutcome()
    {
        using var harness = new Harness();
        harness.Reader.Returns("formulario.docx", new SubmissionBuilder().WithActivity(100m, Mark.Complied).Read("formulario.docx"));
        var accepted = await harness.IngestAsync(TarapacaBlob);

        var outcome = await harness.Service.RecordFailureAsync(TarapacaBlob, "0x1", "late poison message");

        Assert.Equal(IngestionStatus.Duplicate, outcome.Status);
        Assert.Equal(IngestionStatus.Accepted, harness.Ledger.Records[accepted.SubmissionId].Outcome);
        Assert.Single(harness.Receipts.Messages);
    }

    [Fact]
    public void AddPmgPipeline_NoServicesConfigured_FailsValidation()
    {
        using var harness = new Harness(services: "");

        var error = Assert.Throws<OptionsValidationException>(() => harness.Provider.GetRequiredService<IOptions<PmgOptions>>().Value);

        Assert.Contains("Pmg:Services must list at least one service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmissionId_SameNameAndVersion_IsStableAndVersionSensitive()
    {
        var id = SubmissionKeys.SubmissionId(TarapacaBlob, "0x1");

        Assert.Equal(id, SubmissionKeys.SubmissionId(TarapacaBlob, "0x1"));
        Assert.NotEqual(id, SubmissionKeys.SubmissionId(TarapacaBlob, "0x2"));
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    private sealed class FailingOnceTagger(IBlobTagger inner) : IBlobTagger
    {
        private bool _failed;

        public Task TagAsync(string blobName, string version, string outcome, CancellationToken cancellationToken = default)
        {
            if (!_failed)
            {
                _failed = true;
                throw new IOException("storage unavailable");
            }

            return inner.TagAsync(blobName, version, outcome, cancellationToken);
        }
    }
}
