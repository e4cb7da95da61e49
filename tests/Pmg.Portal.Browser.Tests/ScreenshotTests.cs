using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pmg.Portal.Security;
using Pmg.Testing;
using static Microsoft.Playwright.Assertions;

namespace Pmg.Portal.Browser.Tests;

/// <summary>
/// The README's screenshots of the main pages, taken from the real portal. <c>eng/screenshots.sh</c> writes them to
/// docs/screenshots (PMG_SCREENSHOTS); in a normal test run they go to a temporary folder and are only checked.
/// </summary>
[Collection(PortalBrowserCollection.Name)]
public sealed class ScreenshotTests(PortalBrowserFixture portal)
{
    private const int MaxBytes = 400 * 1024;

    [Fact]
    public async Task Screenshots_OfUploadResultAndHistory_AreTakenFromTheRunningPortal()
    {
        var folder = Environment.GetEnvironmentVariable("PMG_SCREENSHOTS") is { Length: > 0 } target
            ? Directory.CreateDirectory(target).FullName
            : Directory.CreateTempSubdirectory("pmg-screenshots.").FullName;
        var page = await portal.PageAsAsync(LocalIdentity.Uploader("CL-VS"));

        await UploadAndWaitAsync(page, "cierre-2009-CL-VS.xlsx");
        await UploadAndWaitAsync(page, "cierre-2009-CL-VS.docx");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "upload-result.png"), FullPage = true, Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = 1500 } });

        await page.GotoAsync("/regiones/CL-VS?servicio=SERNAM&anio=2009");
        await Expect(page.Locator("table.history tr.current")).ToContainTextAsync("cierre-2009-CL-VS.docx");
        await page.EvaluateAsync("document.getElementById('historial-titulo').scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "history.png") });

        foreach (var name in new[] { "upload-result.png", "history.png" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, name));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.InRange(bytes.Length, 10_000, MaxBytes);
        }
    }

    private static async Task UploadAndWaitAsync(IPage page, string file)
    {
        await page.GotoAsync("/regiones/CL-VS?servicio=SERNAM&anio=2009");
        await page.SetInputFilesAsync("#archivo", Path.Combine(Samples.FormsDirectory, file));
        await page.GetByRole(AriaRole.Button, new() { Name = "Subir y validar" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/envios/"));
        await Expect(page.Locator(".outcome")).ToContainTextAsync("Aceptado", new() { Timeout = 90_000 });
    }
}
