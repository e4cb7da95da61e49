using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Compliance;
using Pmg.Portal.Security;
using Pmg.Storage;
using Pmg.Testing;
using static Microsoft.Playwright.Assertions;

namespace Pmg.Portal.Browser.Tests;

/// <summary>A national coordinator in Chromium.</summary>
[Collection(PortalBrowserCollection.Name)]
public sealed class CoordinatorTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task Workbook_DownloadsFromTheReportsPageAndOpens()
    {
        // A recorded form and a recalculation, as the blob trigger and the timer would leave them.
        var layout = portal.Services.GetRequiredService<StorageLayout>();
        var blob = layout.Forms.GetBlobClient("SERNAM/2009/CL-BI/cierre-2009-CL-BI.xlsx");
        var etag = (await blob.UploadAsync(new BinaryData(Samples.Form("cierre-2009-CL-BI.xlsx")), overwrite: true)).Value.ETag.ToString();
        await using (var content = new MemoryStream(Samples.Form("cierre-2009-CL-BI.xlsx")))
        {
            await portal.Services.GetRequiredService<IIngestionService>().IngestAsync(new IncomingBlob(blob.Name, etag, content, new Dictionary<string, string>()));
        }

        await portal.Services.GetRequiredService<IComplianceService>().RecalculateAsync("SERNAM", 2009);
        var page = await portal.PageAsAsync(LocalIdentity.Coordinator);
        await page.GotoAsync("/coordinacion/informes?servicio=SERNAM&anio=2009");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Último informe (latest.xlsx)" }).ClickAsync());

        Assert.Equal("cumplimiento-SERNAM-2009.xlsx", download.SuggestedFilename);
        using var workbook = SpreadsheetDocument.Open(await download.PathAsync(), false);
        Assert.Contains("Nacional", workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        await Expect(page.Locator("table.data tbody tr")).Not.ToHaveCountAsync(0);

        // Activities at risk, narrowed with the filters (keyboard-usable selects, a plain GET form).
        await page.GotoAsync("/coordinacion/riesgo?servicio=SERNAM&anio=2009");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Locator("#f-region").SelectOptionAsync("CL-BI");
        await page.Locator("#f-motivo").SelectOptionAsync("not-complied");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();
        var rows = await page.Locator("table.data tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.StartsWith("Biobío", row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Contains("No cumplida", row, StringComparison.Ordinal));
    }
}
