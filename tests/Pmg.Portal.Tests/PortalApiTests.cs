using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Portal.Security;
using Pmg.Testing;

namespace Pmg.Portal.Tests;

/// <summary>
/// The API as a program sees it: who may call what (region checks on the server, 401/403), antiforgery on every
/// state-changing request, refusals before storage, uploads stored exactly like <c>pmg upload</c>, and the contract.
/// </summary>
public sealed class PortalApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Valparaiso = "11111111-1111-1111-1111-111111111111";
    private const string Tarapaca = "22222222-2222-2222-2222-222222222222";
    private const string Coordinator = "33333333-3333-3333-3333-333333333333";
    private const string TarapacaTeam = "44444444-4444-4444-4444-444444444444";
    private const string TeamMember = "55555555-5555-5555-5555-555555555555";

    private PortalServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await PortalServer.StartAsync(azurite, "portalapi");
        await _server.GrantAsync(Valparaiso, "CL-VS");
        await _server.GrantAsync(Tarapaca, "CL-TA");
        await _server.Services.GetRequiredService<Pipeline.Access.IPortalAccessStore>().GrantAsync(
            new Pipeline.Access.PortalAccessGrant(TarapacaTeam, Pipeline.Access.PrincipalKind.Group, "CL-TA", "Equipo Tarapacá", "test", DateTimeOffset.UnixEpoch));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Api_Anonymous_Returns401WithSpanishMessage()
    {
        using var anonymous = _server.Client();

        using var response = await anonymous.Http.GetAsync(new Uri("/api/regions/CL-TA/submissions?service=SERNAM&year=2009", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unauthenticated", error.GetProperty("error").GetString());
        Assert.Equal("Inicie sesión en el portal para usar la API.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Page_Anonymous_RedirectsToAppServiceSignInAndBack()
    {
        using var anonymous = _server.Client();

        using var response = await anonymous.Http.GetAsync(new Uri("/regiones/CL-TA?anio=2009", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fregiones%2FCL-TA%3Fanio%3D2009", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Api_UploaderOfValparaiso_Gets403ForEverythingOfTarapaca()
    {
        using var valparaiso = _server.Client(Valparaiso, "oficina.vs@example.org", PortalRoles.Uploader);
        var token = await valparaiso.AntiforgeryTokenAsync();

        using var history = await valparaiso.Http.GetAsync(new Uri("/api/regions/CL-TA/submissions?service=SERNAM&year=2009", UriKind.Relative));
        using var one = await valparaiso.Http.GetAsync(new Uri("/api/regions/CL-TA/submissions/0123456789abcdef0123456789abcdef?service=SERNAM&year=2009", UriKind.Relative));
        using var upload = await valparaiso.PostFileAsync("/api/regions/CL-TA/forms?service=SERNAM&year=2009", "cierre-2009-CL-TA.docx", Samples.Form("cierre-2009-CL-TA.docx"), token);
        using var validate = await valparaiso.PostFileAsync("/api/regions/CL-TA/validate?service=SERNAM&year=2009", "cierre-2009-CL-TA.docx", Samples.Form("cierre-2009-CL-TA.docx"), token);
        using var ownRegion = await valparaiso.Http.GetAsync(new Uri("/api/regions/CL-VS/submissions?service=SERNAM&year=2009", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, validate.StatusCode);
        Assert.Equal("Su cuenta no tiene acceso a Tarapacá (CL-TA).", JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, ownRegion.StatusCode);
        Assert.False(await _server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx").ExistsAsync());
    }

    [Fact]
    public async Task Page_UploaderOfValparaiso_Gets403PageForTarapaca()
    {
        using var valparaiso = _server.Client(Valparaiso, "oficina.vs@example.org", PortalRoles.Uploader);

        using var response = await valparaiso.Http.GetAsync(new Uri("/regiones/CL-TA", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Su cuenta no tiene acceso a Tarapacá.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_CoordinatorWithoutGrants_SeesAnyRegionButCannotUpload()
    {
        using var coordinator = _server.Client(Coordinator, "coordinacion@example.org", PortalRoles.Coordinator);
        var token = await coordinator.AntiforgeryTokenAsync();

        using var history = await coordinator.Http.GetAsync(new Uri("/api/regions/CL-MA/submissions?service=SERNAM&year=2009", UriKind.Relative));
        using var upload = await coordinator.PostFileAsync("/api/regions/CL-MA/forms?service=SERNAM&year=2009", "x.docx", Samples.Form("cierre-2009-CL-TA.docx"), token);

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task Api_PostWithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        using var tarapaca = _server.Client(Tarapaca, "oficina.ta@example.org", PortalRoles.Uploader);

        using var response = await tarapaca.PostFileAsync("/api/regions/CL-TA/forms?service=SERNAM&year=2009", "sin-token.docx", Samples.Form("cierre-2009-CL-TA.docx"), token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("antiforgery", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.False(await _server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/sin-token.docx").ExistsAsync());
    }

    [Fact]
    public async Task Api_TokenOfAnotherUser_Returns400()
    {
        using var valparaiso = _server.Client(Valparaiso, "oficina.vs@example.org", PortalRoles.Uploader);
        var stolen = await valparaiso.AntiforgeryTokenAsync();
        using var tarapaca = _server.Client(Tarapaca, "oficina.ta@example.org", PortalRoles.Uploader);
        await tarapaca.AntiforgeryTokenAsync();

        using var response = await tarapaca.PostFileAsync("/api/regions/CL-TA/forms?service=SERNAM&year=2009", "robado.docx", Samples.Form("cierre-2009-CL-TA.docx"), stolen);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_RenamedPdf_Returns422WithInspectorVerdictAndStoresNothing()
    {
        using var tarapaca = _server.Client(Tarapaca, "oficina.ta@example.org", PortalRoles.Uploader);
        var token = await tarapaca.AntiforgeryTokenAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

        using var response = await tarapaca.PostFileAsync("/api/regions/CL-TA/forms?service=SERNAM&year=2009", "informe.docx", pdf, token);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("refused", body.GetProperty("status").GetString());
        var validation = body.GetProperty("validation");
        Assert.False(validation.GetProperty("accepted").GetBoolean());
        var error = validation.GetProperty("diagnostics")[0];
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Contains("parece un PDF", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(await _server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/informe.docx").ExistsAsync());
    }

    [Fact]
    public async Task Api_GoodForm_StoredLikePmgUploadUnderTheSubmissionIdOfItsNameAndETag()
    {
        using var tarapaca = _server.Client(Tarapaca, "oficina.ta@example.org", PortalRoles.Uploader);
        var token = await tarapaca.AntiforgeryTokenAsync();

        using var response = await tarapaca.PostFileAsync("/api/regions/CL-TA/forms?service=sernam&year=2009", "cierre-2009-CL-TA.docx", Samples.Form("cierre-2009-CL-TA.docx"), token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx", body.GetProperty("blobName").GetString());
        var blob = _server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx");
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(SubmissionKeys.SubmissionId(blob.Name, properties.ETag.ToString()), body.GetProperty("submissionId").GetString());
        Assert.Equal("oficina.ta@example.org", properties.Metadata["uploader"]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", properties.ContentType);
        Assert.Equal(Samples.Form("cierre-2009-CL-TA.docx"), (await blob.DownloadContentAsync()).Value.Content.ToArray());
        var programs = body.GetProperty("validation").GetProperty("programs");
        Assert.Equal("III.1", programs[0].GetProperty("section").GetString());
        Assert.Equal(96.00m, programs[0].GetProperty("performance").GetDecimal());
        Assert.Equal("CUMPLE", programs[0].GetProperty("status").GetString());
        Assert.Equal(
            $"/api/regions/CL-TA/submissions/{body.GetProperty("submissionId").GetString()}?service=SERNAM&year=2009",
            response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Api_MemberOfGrantedGroup_MayUploadForTheGroupsRegion()
    {
        using var member = _server.Client(TeamMember, "miembro@example.org", PortalRoles.Uploader);
        member.Http.DefaultRequestHeaders.Remove(ClientPrincipal.HeaderName);
        member.Http.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.Encode(
        [
            new("http://schemas.microsoft.com/identity/claims/objectidentifier", TeamMember),
            new("roles", PortalRoles.Uploader),
            new("groups", TarapacaTeam),
        ]));

        using var me = await member.Http.GetAsync(new Uri("/api/me", UriKind.Relative));

        var regions = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("regions");
        Assert.Equal("CL-TA", Assert.Single(regions.EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Api_ValidateSeedForm_AnswersThePmgValidateContractWithEachErrorsLocation()
    {
        using var tarapaca = _server.Client(Tarapaca, "oficina.ta@example.org", PortalRoles.Uploader);
        var token = await tarapaca.AntiforgeryTokenAsync();

        using var response = await tarapaca.PostFileAsync("/api/regions/CL-TA/validate?service=SERNAM&year=2009", "tarapaca-2009-etapa3.docx", Samples.Form("tarapaca-2009-etapa3.docx"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var validation = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            ["file", "accepted", "format", "service", "year", "region", "programs", "progressRows", "diagnostics"],
            validation.EnumerateObject().Select(p => p.Name));
        Assert.Equal("INVALIDO", validation.GetProperty("programs")[0].GetProperty("status").GetString());
        var weights = validation.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "WEIGHT_TOTAL_INVALID");
        Assert.Equal("III.1, Ponderación (%)", weights.GetProperty("location").GetString());
        Assert.Equal("Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100 (tolerancia ±0,5).", weights.GetProperty("message").GetString());
        Assert.False(await _server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx").ExistsAsync());
    }

    [Fact]
    public async Task Api_AfterIngestion_SubmissionIsRecordedCurrentAndInTheRegionsHistoryOnly()
    {
        using var tarapaca = _server.Client(Tarapaca, "oficina.ta@example.org", PortalRoles.Uploader);
        var token = await tarapaca.AntiforgeryTokenAsync();
        using var upload = await tarapaca.PostFileAsync("/api/regions/CL-TA/forms?service=SERNAM&year=2010", "cierre.xlsx", Samples.Form("cierre-2009-CL-TA.xlsx"), token);
        var id = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("submissionId").GetString();
        using var pending = await tarapaca.Http.GetAsync(new Uri($"/api/regions/CL-TA/submissions/{id}?service=SERNAM&year=2010", UriKind.Relative));
        var pendingState = JsonDocument.Parse(await pending.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString();

        // What the blob trigger does (the portal never ingests: that stays the trigger's job).
        await IngestAsync(_server.Layout.Forms.GetBlobClient("SERNAM/2010/CL-TA/cierre.xlsx"));
        using var recorded = await tarapaca.Http.GetAsync(new Uri($"/api/regions/CL-TA/submissions/{id}?service=SERNAM&year=2010", UriKind.Relative));
        using var history = await tarapaca.Http.GetAsync(new Uri("/api/regions/CL-TA/submissions?service=SERNAM&year=2010", UriKind.Relative));

        Assert.Equal("pending", pendingState);
        var state = JsonDocument.Parse(await recorded.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("recorded", state.GetProperty("state").GetString());
        var submission = state.GetProperty("submission");
        // A 2009 form uploaded as 2010: the pipeline refuses it, and the portal says so with the reason.
        Assert.Equal("refused", submission.GetProperty("outcome").GetString());
        Assert.Contains("El formulario corresponde al año 2009, pero el archivo se envió para el año 2010. Verifique que envió el formulario del año correcto.", submission.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()));
        Assert.Equal("oficina.ta@example.org", submission.GetProperty("uploader").GetString());
        var entries = JsonDocument.Parse(await history.Content.ReadAsStringAsync()).RootElement.GetProperty("submissions");
        Assert.Equal(id, Assert.Single(entries.EnumerateArray()).GetProperty("submissionId").GetString());
    }

    [Fact]
    public async Task BlankForm_OfficeDownloadsItsRegionsFormWhichReadsBackAsThatRegion_AndNotAnothers()
    {
        using var tarapaca = _server.Client(Tarapaca, "oficina.ta@example.org", PortalRoles.Uploader);

        using var word = await tarapaca.Http.GetAsync(new Uri("/regiones/CL-TA/formulario?servicio=SERNAM&anio=2010&formato=docx", UriKind.Relative));
        using var other = await tarapaca.Http.GetAsync(new Uri("/regiones/CL-VS/formulario?servicio=SERNAM&anio=2010&formato=xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Equal("formulario-SERNAM-2010-CL-TA.docx", word.Content.Headers.ContentDisposition!.FileName);
        await using var content = new MemoryStream(await word.Content.ReadAsByteArrayAsync());
        var read = await new Pmg.Forms.FormReader().ReadAsync(content, "formulario.docx", new Pmg.Domain.Reading.FormReadOptions());
        Assert.True(read.Accepted);
        Assert.Equal("CL-TA", read.Submission!.Region!.Code);
        Assert.Equal(2010, read.Submission.Year);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Responses_CarryTheStrictContentSecurityPolicy()
    {
        using var tarapaca = _server.Client(Tarapaca, "oficina.ta@example.org", PortalRoles.Uploader);

        using var page = await tarapaca.Http.GetAsync(new Uri("/regiones/CL-TA?anio=2009", UriKind.Relative));
        using var api = await tarapaca.Http.GetAsync(new Uri("/api/me", UriKind.Relative));
        using var asset = await tarapaca.Http.GetAsync(new Uri("/assets/portal.js", UriKind.Relative));
        using var missing = await tarapaca.Http.GetAsync(new Uri("/no-existe", UriKind.Relative));

        foreach (var response in new[] { page, api, asset, missing })
        {
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }

        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.Contains("Historial de envíos SERNAM 2009", html, StringComparison.Ordinal);
    }

    private async Task IngestAsync(BlobClient blob)
    {
        var download = (await blob.DownloadStreamingAsync()).Value;
        await using var content = download.Content;
        var incoming = new IncomingBlob(blob.Name, download.Details.ETag.ToString(), content, download.Details.Metadata.ToDictionary())
        {
            UploadedAt = download.Details.LastModified,
        };
        await _server.Services.GetRequiredService<IIngestionService>().IngestAsync(incoming);
    }
}
