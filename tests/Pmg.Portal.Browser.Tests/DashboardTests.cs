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
            await Expect(page.Locator("table.national tbody")).ToContainTextAsync(program.GetProperty("section").GetString() + program.GetProperty("status").GetString());
        }

        // Every region that existed that year has a tile, north to south; those without a form say so in words.
        await Expect(page.Locator("ol.tile-map li")).ToHaveCountAsync(Pmg.Domain.Regions.RegionCatalog.ExistingIn(2009).Count);
        await Expect(page.Locator("ol.tile-map li .tile-status", new() { HasTextString = "SIN FORMULARIO" }))
            .ToHaveCountAsync(Pmg.Domain.Regions.RegionCatalog.ExistingIn(2009).Count - regions.Count);
        Assert.Equal("CL-TA", await page.Locator("ol.tile-map li").Nth(0).GetAttributeAsync("data-region"));
    }
}
