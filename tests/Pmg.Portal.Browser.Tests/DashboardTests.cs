using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pmg.Pipeline.Compliance;
using Pmg.Portal.Pages;
using Pmg.Portal.Security;
using static Microsoft.Playwright.Assertions;

namespace Pmg.Portal.Browser.Tests;

/// <summary>The coordinator's dashboard in Chromium, checked against the status JSON (the shape of <c>pmg status --json</c>).</summary>
[Collection(PortalBrowserCollection.Name)]
public sealed class DashboardTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task MapAndTable_MatchTheStatusJson()
    {
        // A recorded form of its own (the test does not depend on what others uploaded), then a recalculation.
        var layout = portal.Services.GetRequiredService<Pmg.Storage.StorageLayout>();
        var blob = layout.Forms.GetBlobClient("SERNAM/2009/CL-VS/tablero.xlsx");
        var etag = (await blob.UploadAsync(new BinaryData(Pmg.Testing.Samples.Form("cierre-2009-CL-VS.xlsx")), overwrite: true)).Value.ETag.ToString();
        await using (var content = new MemoryStream(Pmg.Testing.Samples.Form("cierre-2009-CL-VS.xlsx")))
        {
            await portal.Services.GetRequiredService<Pmg.Pipeline.Ingestion.IIngestionService>().IngestAsync(
                new Pmg.Pipeline.Ingestion.IncomingBlob(blob.Name, etag, content, new Dictionary<string, string>()));
        }

        await portal.Services.GetRequiredService<IComplianceService>().RecalculateAsync("SERNAM", 2009);
        var page = await portal.PageAsAsync(LocalIdentity.Coordinator);
        await page.GotoAsync("/coordinacion?servicio=SERNAM&anio=2009&programa=III.1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var json = await page.EvaluateAsync<string>("async () => await (await fetch('/api/status?service=SERNAM&year=2009')).text()");
        using var status = JsonDocument.Parse(json);
        var serviceYear = status.RootElement.GetProperty("serviceYears")[0];
        var regions = serviceYear.GetProperty("regions").EnumerateArray().ToList();
        Assert.NotEmpty(regions);
        foreach (var region in regions)
        {
            var code = region.GetProperty("region").GetProperty("code").GetString();
            var programs = region.GetProperty("programs").EnumerateArray().ToList();
            var row = page.Locator($"table.regional tr[data-region='{code}']");
            foreach (var program in programs)
            {
                var performance = program.GetProperty("performance").ValueKind == JsonValueKind.Null ? (decimal?)null : program.GetProperty("performance").GetDecimal();
                await Expect(row).ToContainTextAsync(Spanish.Performance(performance) + " " + program.GetProperty("status").GetString());
            }

            var first = programs.FirstOrDefault(p => p.GetProperty("section").GetString() == "III.1");
            var tile = page.Locator($"ol.tile-map li[data-region='{code}'] .tile-status");
            await Expect(tile).ToHaveTextAsync(first.ValueKind == JsonValueKind.Undefined ? "NO COMPROMETIDO" : Spanish.Performance(first.GetProperty("performance").ValueKind == JsonValueKind.Null ? null : first.GetProperty("performance").GetDecimal()) + " " + first.GetProperty("status").GetString());
        }

        foreach (var program in serviceYear.GetProperty("national").GetProperty("programs").EnumerateArray())
        {
            var line = page.Locator("table.national tbody tr", new() { Has = page.Locator($"th:text-is('{program.GetProperty("section").GetString()}')") });
            await Expect(line.Locator(".status")).ToHaveTextAsync(program.GetProperty("status").GetString()!);
            await Expect(line.Locator("td.num").First).ToHaveTextAsync(program.GetProperty("regions").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Every region that existed that year has a tile, north to south; those without a form say so in words.
        await Expect(page.Locator("ol.tile-map li")).ToHaveCountAsync(Pmg.Domain.Regions.RegionCatalog.ExistingIn(2009).Count);
        await Expect(page.Locator("ol.tile-map li .tile-status", new() { HasTextString = "SIN FORMULARIO" }))
            .ToHaveCountAsync(Pmg.Domain.Regions.RegionCatalog.ExistingIn(2009).Count - regions.Count);
        Assert.Equal("CL-AP", await page.Locator("ol.tile-map li").Nth(0).GetAttributeAsync("data-region"));
        Assert.Equal("CL-MA", await page.Locator("ol.tile-map li").Last.GetAttributeAsync("data-region"));

        // The README's screenshot of the dashboard (eng/screenshots.sh sets PMG_SCREENSHOTS).
        if (Environment.GetEnvironmentVariable("PMG_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory.CreateDirectory(folder).FullName, "dashboard.png"), FullPage = true, Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = 1400 } });
        }
    }
}
