using System.Text.Json;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Notifications;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

public sealed class StatusCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SeedBlob = "SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx";
    private const string PdfBlob = "SERNAM/2009/CL-TA/informe.docx";
    private const string FailedBlob = "SERNAM/2009/CL-VS/roto.docx";
    private const string FailureReason = "System.TimeoutException: el almacenamiento no respondió";

    [Fact]
    public async Task StatusJson_UploadedAndIngested_ShowsRegionProgrammesRefusalAndFailure()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        var (refused, failed) = await UploadAndIngestAsync(context);

        var run = await context.RunAsync("status", "--json", "--service", "SERNAM", "--year", "2009");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var serviceYear = Assert.Single(json.RootElement.GetProperty("serviceYears").EnumerateArray());
        Assert.Equal(("SERNAM", 2009), (serviceYear.GetProperty("service").GetString(), serviceYear.GetProperty("year").GetInt32()));

        var region = Assert.Single(serviceYear.GetProperty("regions").EnumerateArray());
        Assert.Equal("CL-TA", region.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal("Tarapacá", region.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal("tarapaca-2009-etapa3.docx", region.GetProperty("file").GetString());
        Assert.Equal(SeedBlob, region.GetProperty("blobName").GetString());
        Assert.Equal("ana@sernam.cl", region.GetProperty("uploader").GetString());
        Assert.Equal("accepted", region.GetProperty("outcome").GetString());
        var iii1 = region.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("section").GetString() == "III.1");
        Assert.Equal("INVALIDO", iii1.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, iii1.GetProperty("performance").ValueKind);
        Assert.True(region.GetProperty("errors").GetInt32() >= 1);

        // No recalculation has run in this prefix: the national line is computed from the regional statuses.
        var national = serviceYear.GetProperty("national");
        Assert.Equal("computed", national.GetProperty("source").GetString());
        var nationalIii1 = national.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("section").GetString() == "III.1");
        Assert.Equal("NO CUMPLE", nationalIii1.GetProperty("status").GetString());
        Assert.Equal(0, nationalIii1.GetProperty("complying").GetInt32());

        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToList();
        var pdf = Assert.Single(problems, p => p.GetProperty("blobName").GetString() == PdfBlob);
        Assert.Equal(("refused", "informe.docx"), (pdf.GetProperty("outcome").GetString(), pdf.GetProperty("file").GetString()));
        var pdfReason = Assert.Single(pdf.GetProperty("reasons").EnumerateArray()).GetString()!;
        Assert.StartsWith("El archivo «informe.docx» no es un documento Word (.docx) ni Excel (.xlsx): parece un PDF.", pdfReason, StringComparison.Ordinal);
        Assert.StartsWith(refused.Diagnostics.Single(d => d.Code == "NOT_OOXML").Message, pdfReason, StringComparison.Ordinal);

        var broken = Assert.Single(problems, p => p.GetProperty("blobName").GetString() == FailedBlob);
        Assert.Equal("failed", broken.GetProperty("outcome").GetString());
        Assert.Equal("CL-VS", broken.GetProperty("region").GetProperty("code").GetString());
        var brokenReason = Assert.Single(broken.GetProperty("reasons").EnumerateArray()).GetString()!;
        Assert.Contains("No se pudo procesar el archivo después de varios intentos", brokenReason, StringComparison.Ordinal);
        Assert.Contains(FailureReason, brokenReason, StringComparison.Ordinal);
        Assert.Equal(failed.SubmissionId, broken.GetProperty("submissionId").GetString());
        Assert.Equal(refused.SubmissionId, pdf.GetProperty("submissionId").GetString());

        Assert.Empty(json.RootElement.GetProperty("failedNotifications").EnumerateArray());
    }

    [Fact]
    public async Task Status_PeopleView_ShowsTarapacaInvalidoRefusedAndFailedWithSpanishReasons()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context);

        var run = await context.RunAsync("status");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var screen = UploadCommandTests.Flatten(run.Screen);
        Assert.Contains("SERNAM 2009", screen, StringComparison.Ordinal);
        Assert.Contains("Tarapacá (CL-TA)", screen, StringComparison.Ordinal);
        Assert.Contains("tarapaca-2009-etapa3.docx", screen, StringComparison.Ordinal);
        // The programme's cell: the performance ("—": none) over the status.
        Assert.Matches(@"Tarapacá \(CL-TA\)\s+│\s+—\s+│[^\n]*\n\s+│\s+INVALIDO", run.Screen.ReplaceLineEndings("\n"));
        Assert.Contains("Resultado nacional, calculado ahora con los estados regionales vigentes", screen, StringComparison.Ordinal);
        // The national table names the programme and right-aligns its counts, as `pmg report` does.
        Assert.Matches(@"III\.1 Gestión Territorial\s+│ NO CUMPLE │\s+15 │\s+0", run.Screen.ReplaceLineEndings("\n"));
        Assert.Contains("Subidas rechazadas o fallidas", screen, StringComparison.Ordinal);
        Assert.Contains("RECHAZADO", screen, StringComparison.Ordinal);
        Assert.Contains("• El archivo «informe.docx» no es un documento Word (.docx) ni Excel (.xlsx): parece un PDF.", screen, StringComparison.Ordinal);
        Assert.Contains("FALLIDO", screen, StringComparison.Ordinal);
        Assert.Contains("No se pudo procesar el archivo después de varios intentos", screen, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}-\d{2}-\d{4} \d{2}:\d{2}", screen);
    }

    [Fact]
    public async Task Status_UploadTime_ReadInChileTimeWhateverTheMachinesZone()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context);
        var json = await context.RunAsync("status", "--json", "--service", "SERNAM", "--year", "2009");
        using var document = JsonDocument.Parse(json.Stdout);
        var uploadedAt = Assert.Single(document.RootElement.GetProperty("serviceYears")[0].GetProperty("regions").EnumerateArray())
            .GetProperty("uploadedAt").GetDateTimeOffset();

        var run = await context.RunAsync("status", "--service", "SERNAM", "--year", "2009");

        // Chile is 3 or 4 hours behind UTC: the text gives Santiago's wall clock, not the stored UTC.
        var chile = TimeZoneInfo.ConvertTime(uploadedAt, TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));
        var screen = UploadCommandTests.Flatten(run.Screen);
        Assert.Contains("subido el " + chile.ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), screen, StringComparison.Ordinal);
        Assert.DoesNotContain("subido el " + uploadedAt.UtcDateTime.ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusJson_AfterRecalculation_ShowsStoredNationalLineAndAtRiskCounts()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context);
        Assert.Equal(0, (await context.RunAsync("upload", Samples.FormPath("cierre-2009-CL-VS.docx"), "--service", "SERNAM", "--year", "2009", "--region", "Valparaíso")).ExitCode);
        Assert.Equal(IngestionStatus.Accepted, (await context.IngestAsync("SERNAM/2009/CL-VS/cierre-2009-CL-VS.docx")).Status);
        var recalculated = Assert.Single((await context.Compliance.RecalculateAsync("SERNAM", 2009)).Results);

        var run = await context.RunAsync("status", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var serviceYear = Assert.Single(json.RootElement.GetProperty("serviceYears").EnumerateArray());
        var national = serviceYear.GetProperty("national");
        Assert.Equal("recalculation", national.GetProperty("source").GetString());
        Assert.True(national.GetProperty("upToDate").GetBoolean());
        Assert.Equal(
            recalculated.National.Select(n => (n.Section.Code(), n.Status.Label(), n.Regions, n.Complying)).OrderBy(n => n.Item1, StringComparer.Ordinal),
            national.GetProperty("programs").EnumerateArray().Select(p => (p.GetProperty("section").GetString()!, p.GetProperty("status").GetString()!, p.GetProperty("regions").GetInt32(), p.GetProperty("complying").GetInt32())));

        // The status counts each activity once, whatever its reasons; the recalculation lists one entry per reason.
        var regions = serviceYear.GetProperty("regions").EnumerateArray().ToDictionary(r => r.GetProperty("region").GetProperty("code").GetString()!, r => r.GetProperty("atRisk").GetInt32());
        Assert.Equal(["CL-TA", "CL-VS"], regions.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, count) in regions)
        {
            Assert.Equal(recalculated.AtRisk.Where(a => a.RegionCode == code).Select(a => (a.Section, a.ObjectiveNumber, a.Activity)).Distinct().Count(), count);
        }

        Assert.Contains(regions.Values, count => count > 0);
    }

    [Fact]
    public async Task Status_UploadAfterRecalculation_SaysTheNationalLineIsOutOfDate()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context);
        await context.Compliance.RecalculateAsync("SERNAM", 2009);
        Assert.Equal(0, (await context.RunAsync("upload", Samples.FormPath("cierre-2009-CL-BI.docx"), "--service", "SERNAM", "--year", "2009", "--region", "CL-BI")).ExitCode);
        Assert.Equal(IngestionStatus.Accepted, (await context.IngestAsync("SERNAM/2009/CL-BI/cierre-2009-CL-BI.docx")).Status);

        var json = await context.RunAsync("status", "--json");
        var people = await context.RunAsync("status");

        using var document = JsonDocument.Parse(json.Stdout);
        Assert.False(document.RootElement.GetProperty("serviceYears")[0].GetProperty("national").GetProperty("upToDate").GetBoolean());
        Assert.Contains("(hay subidas posteriores: se actualizará en el próximo recálculo)", UploadCommandTests.Flatten(people.Screen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_FailedNotification_ListedWithItsError()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context);
        await context.Notifications.TryAddAsync(new NotificationEntry
        {
            Id = "n" + Guid.NewGuid().ToString("N"),
            Kind = NotificationKind.Digest,
            SourceId = "digest-1",
            Service = "SERNAM",
            Year = 2009,
            RegionCode = "CL-TA",
            Recipient = "vif.tarapaca@sernam.cl",
            Subject = "[PMG GT 2009] Actividades en riesgo en Tarapacá",
            State = NotificationState.Failed,
            Attempts = 5,
            UpdatedAt = new DateTimeOffset(2010, 2, 1, 12, 0, 0, TimeSpan.Zero),
            Error = "SendGrid respondió 401: la clave no es válida",
        });

        var json = await context.RunAsync("status", "--json", "--service", "SERNAM");
        var people = await context.RunAsync("status", "--service", "SERNAM");

        using var document = JsonDocument.Parse(json.Stdout);
        var failed = Assert.Single(document.RootElement.GetProperty("failedNotifications").EnumerateArray());
        Assert.Equal(
            ("digest", "vif.tarapaca@sernam.cl", "CL-TA", 5, "SendGrid respondió 401: la clave no es válida"),
            (failed.GetProperty("kind").GetString(), failed.GetProperty("recipient").GetString(), failed.GetProperty("region").GetString(), failed.GetProperty("attempts").GetInt32(), failed.GetProperty("error").GetString()));
        var screen = UploadCommandTests.Flatten(people.Screen);
        Assert.Contains("Correos no enviados", screen, StringComparison.Ordinal);
        Assert.Contains("SendGrid respondió 401: la clave no es válida", screen, StringComparison.Ordinal);
        Assert.Contains("[PMG GT 2009] Actividades en riesgo en Tarapacá", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusJson_ServiceInLowerCase_FindsTheServiceAsRecorded()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context);

        var run = await context.RunAsync("status", "--json", "--service", "sernam", "--year", "2009");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var serviceYear = Assert.Single(json.RootElement.GetProperty("serviceYears").EnumerateArray());
        Assert.Equal("SERNAM", serviceYear.GetProperty("service").GetString());
        Assert.Equal("CL-TA", Assert.Single(serviceYear.GetProperty("regions").EnumerateArray()).GetProperty("region").GetProperty("code").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task Status_OtherYear_ShowsNothingRecorded()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        await UploadAndIngestAsync(context);

        var run = await context.RunAsync("status", "--json", "--year", "2010");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Empty(json.RootElement.GetProperty("serviceYears").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Status_StorageUnreachable_ExitThreeWithSpanishReasonOnStderr()
    {
        const string Unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

        var run = await CliRunner.RunAsync("status", "--json", "--connection-string", Unreachable);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("No se pudo leer el estado: no se pudo conectar con el almacenamiento", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_BothConnectionOptions_UsageError()
    {
        var run = await CliRunner.RunAsync("status", "--connection-string", "UseDevelopmentStorage=true", "--account-url", "https://cuenta.blob.core.windows.net");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("use --connection-string o --account-url, no ambas.", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The seed form uploaded with `pmg upload` and ingested; a PDF renamed .docx uploaded and refused; a poisoned
    /// blob recorded as failed, as the hosts' poison handler does.
    /// </summary>
    private static async Task<(IngestionOutcome Refused, IngestionOutcome Failed)> UploadAndIngestAsync(CliStorageContext context)
    {
        using var folder = new TempFolder();
        var pdf = folder.File("informe.docx");
        await File.WriteAllBytesAsync(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray());

        var upload = await context.RunAsync("upload", Samples.FormPath("tarapaca-2009-etapa3.docx"), pdf, "--service", "SERNAM", "--year", "2009", "--region", "CL-TA", "--uploader", "ana@sernam.cl");
        Assert.Equal(0, upload.ExitCode);

        var accepted = await context.IngestAsync(SeedBlob);
        Assert.Equal(IngestionStatus.Accepted, accepted.Status);
        var refused = await context.IngestAsync(PdfBlob);
        Assert.Equal(IngestionStatus.Refused, refused.Status);
        var failed = await context.Ingestion.RecordFailureAsync(FailedBlob, "0x8DCFFFF00000001", FailureReason);
        return (refused, failed);
    }
}
