using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Compliance;
using Pmg.Portal.Security;
using Pmg.Testing;

namespace Pmg.Portal.Tests;

/// <summary>The consolidated workbooks: listed and downloaded by coordinators only, exactly the recalculation's blobs.</summary>
public sealed class ReportDownloadTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Coordinator = "33333333-3333-3333-3333-333333333333";
    private const string Office = "22222222-2222-2222-2222-222222222222";

    private PortalServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await PortalServer.StartAsync(azurite, "portalrep");
        await _server.GrantAsync(Office, "CL-TA");
        var blob = _server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx");
        var etag = (await blob.UploadAsync(new BinaryData(Samples.Form("cierre-2009-CL-TA.docx")))).Value.ETag.ToString();
        await using var content = new MemoryStream(Samples.Form("cierre-2009-CL-TA.docx"));
        await _server.Services.GetRequiredService<IIngestionService>().IngestAsync(new IncomingBlob(blob.Name, etag, content, new Dictionary<string, string>()));
        await _server.Services.GetRequiredService<IComplianceService>().RecalculateAsync("SERNAM", 2009);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Coordinator_ListsAndDownloadsTheLatestWorkbookWhichOpensInExcelFormat()
    {
        using var coordinator = _server.Client(Coordinator, "coordinacion@example.org", PortalRoles.Coordinator);

        var list = await coordinator.Http.GetStringAsync(new Uri("/coordinacion/informes?servicio=SERNAM&anio=2009", UriKind.Relative));
        using var download = await coordinator.Http.GetAsync(new Uri("/coordinacion/informes/SERNAM/2009/latest.xlsx", UriKind.Relative));

        Assert.Contains("Último informe (latest.xlsx)", list, StringComparison.Ordinal);
        Assert.Matches("href=\"/coordinacion/informes/SERNAM/2009/cumplimiento-\\d{8}T\\d{6}Z\\.xlsx\"", list);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("cumplimiento-SERNAM-2009.xlsx", download.Content.Headers.ContentDisposition!.FileName);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("Nacional", workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public async Task Office_Gets403ForTheListAndTheWorkbooks()
    {
        using var office = _server.Client(Office, "oficina.ta@example.org", PortalRoles.Uploader);

        using var list = await office.Http.GetAsync(new Uri("/coordinacion/informes?servicio=SERNAM&anio=2009", UriKind.Relative));
        using var download = await office.Http.GetAsync(new Uri("/coordinacion/informes/SERNAM/2009/latest.xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Contains("Solo la coordinación nacional descarga los informes consolidados.", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtRisk_CoordinatorSeesEachActivityWithItsReasonAndFiltersTheTable()
    {
        using var coordinator = _server.Client(Coordinator, "coordinacion@example.org", PortalRoles.Coordinator);
        using var office = _server.Client(Office, "oficina.ta@example.org", PortalRoles.Uploader);

        using var api = await coordinator.Http.GetAsync(new Uri("/api/at-risk?service=SERNAM&year=2009", UriKind.Relative));
        using var forbidden = await office.Http.GetAsync(new Uri("/api/at-risk?service=SERNAM&year=2009", UriKind.Relative));
        var filtered = await coordinator.Http.GetStringAsync(new Uri("/coordinacion/riesgo?servicio=SERNAM&anio=2009&region=CL-TA&programa=III.1&motivo=not-complied", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var all = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(all);
        Assert.All(all, a => Assert.Equal("CL-TA", a.GetProperty("region").GetProperty("code").GetString()));
        var notComplied = all.Where(a => a.GetProperty("reason").GetString() == "not-complied" && a.GetProperty("section").GetString() == "III.1").ToList();
        Assert.Contains($"{notComplied.Count} actividad", filtered, StringComparison.Ordinal);
        Assert.Contains($"de {all.Count} en SERNAM 2009", filtered, StringComparison.Ordinal);
        Assert.Contains("No cumplida", filtered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/coordinacion/informes/SERNAM/2009/..%2F..%2Fforms%2Fx.xlsx")]
    [InlineData("/coordinacion/informes/SERNAM/2009/otro.docx")]
    [InlineData("/coordinacion/informes/OTRO/2009/latest.xlsx")]
    public async Task Coordinator_AnythingButAWorkbookName_Is404(string path)
    {
        using var coordinator = _server.Client(Coordinator, "coordinacion@example.org", PortalRoles.Coordinator);

        using var response = await coordinator.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
