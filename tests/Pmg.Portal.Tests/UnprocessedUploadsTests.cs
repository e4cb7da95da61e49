using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Ingestion;
using Pmg.Portal.Security;
using Pmg.Testing;

namespace Pmg.Portal.Tests;

/// <summary>The coordinator's dashboard lists uploads the pipeline has not recorded yet, in Spanish, with their wait.</summary>
public sealed class UnprocessedUploadsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Coordinator = "33333333-3333-3333-3333-333333333333";

    private PortalServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await PortalServer.StartAsync(azurite, "portalwait");
        var recorded = _server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/cierre-2009-CL-TA.docx");
        var etag = (await recorded.UploadAsync(new BinaryData(Samples.Form("cierre-2009-CL-TA.docx")))).Value.ETag.ToString();
        await using var content = new MemoryStream(Samples.Form("cierre-2009-CL-TA.docx"));
        await _server.Services.GetRequiredService<IIngestionService>().IngestAsync(new IncomingBlob(recorded.Name, etag, content, new Dictionary<string, string>()));

        // Written straight to storage, as a missed trigger leaves it: no submission record.
        await _server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-VS/cierre-2009-CL-VS.xlsx").UploadAsync(new BinaryData(Samples.Form("cierre-2009-CL-VS.xlsx")));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Dashboard_BlobWithoutRecord_ListedSinProcesarWithItsRegionAndAge()
    {
        using var coordinator = _server.Client(Coordinator, "coordinacion@example.org", PortalRoles.Coordinator);

        var page = await coordinator.Http.GetStringAsync(new Uri("/coordinacion?servicio=SERNAM&anio=2009", UriKind.Relative));

        Assert.Contains("<h2 id=\"sin-procesar-titulo\">Subidas sin procesar</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<td>cierre-2009-CL-VS.xlsx</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Valparaíso</td>", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>sin procesar, hace \d+ (s|min)</td>", page);
        Assert.DoesNotContain("<td>cierre-2009-CL-TA.docx</td>", page[page.IndexOf("sin-procesar-titulo", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
