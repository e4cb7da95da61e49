using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pmg.Portal.Security;
using Pmg.Testing;
using static Microsoft.Playwright.Assertions;

namespace Pmg.Portal.Browser.Tests;

/// <summary>A regional office in Chromium: upload, see what validation says, follow the pipeline, read the receipt.</summary>
[Collection(PortalBrowserCollection.Name)]
public sealed class RegionalOfficeTests(PortalBrowserFixture portal)
{
    private static readonly TimeSpan PipelineWait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task GoodForm_ShowsCumpleAtOnceThenTheRecordedOutcomeReceiptAndCurrentInHistory()
    {
        var page = await portal.PageAsAsync(LocalIdentity.Uploader("CL-TA"));
        await page.GotoAsync("/regiones/CL-TA?servicio=SERNAM&anio=2009");

        await page.SetInputFilesAsync("#archivo", Path.Combine(Samples.FormsDirectory, "cierre-2009-CL-TA.docx"));
        await Expect(page.Locator("#archivo-estado")).ToContainTextAsync("Archivo elegido: «cierre-2009-CL-TA.docx»");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subir y validar" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/regiones/CL-TA/envios/[0-9a-f]{32}"));
        var programs = page.Locator("section.validation table.data").First;
        await Expect(programs.Locator("tbody tr").Nth(0)).ToContainTextAsync("III.1");
        await Expect(programs.Locator("tbody tr").Nth(0)).ToContainTextAsync("96,00 %");
        await Expect(programs.Locator("tbody tr").Nth(0)).ToContainTextAsync("CUMPLE");
        await Expect(programs.Locator("tbody tr").Nth(1)).ToContainTextAsync("100,00 %");

        // The page follows the pipeline by itself until the submission is recorded.
        await Expect(page.Locator(".outcome")).ToContainTextAsync("Aceptado", new() { Timeout = (float)PipelineWait.TotalMilliseconds });
        await Expect(page.Locator(".outcome")).ToContainTextAsync("es el vigente de la región");
        var id = Regex.Match(page.Url, "envios/([0-9a-f]{32})").Groups[1].Value;
        await Expect(page.Locator("dl.receipt")).ToContainTextAsync(id);
        await Expect(page.Locator("dl.receipt")).ToContainTextAsync("oficina.ta@example.org");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "← Volver a Tarapacá (SERNAM 2009)" }).ClickAsync();
        var current = page.Locator("table.history tr.current");
        await Expect(current).ToContainTextAsync("cierre-2009-CL-TA.docx");
        await Expect(current).ToContainTextAsync("Vigente");
        await Expect(current).ToContainTextAsync("III.1 96,00 % CUMPLE");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task FormWithErrors_ShowsEachErrorWithItsLocation()
    {
        var page = await portal.PageAsAsync(LocalIdentity.Uploader("CL-TA"));
        await page.GotoAsync("/regiones/CL-TA?servicio=SERNAM&anio=2009");

        await page.SetInputFilesAsync("#archivo", Path.Combine(Samples.FormsDirectory, "tarapaca-2009-etapa3.xlsx"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Subir y validar" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/envios/"));
        var errors = page.Locator("section.validation table.observations tr.severity-error");
        // Shown at once, before the pipeline has recorded the upload (auto-retrying assertions survive the page's reloads).
        await Expect(errors.First).ToBeVisibleAsync();
        await Expect(errors.Filter(new() { HasText = "Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100" })).ToContainTextAsync("III.1, Ponderación (%)");
        await Expect(page.Locator("section.validation table.data").First.Locator("tbody tr").First).ToContainTextAsync("INVALIDO");

        // Once recorded the page stops following the pipeline; only then are all the rows read in one go.
        await Expect(page.Locator(".outcome")).ToContainTextAsync("Aceptado", new() { Timeout = (float)PipelineWait.TotalMilliseconds });
        await Expect(page.Locator(".outcome")).ToContainTextAsync("errores: corríjalos y vuelva a subirlo");
        var rows = await errors.AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("III.1, Ponderación (%)", StringComparison.Ordinal) && r.Contains("Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.StartsWith("Error", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenamedPdf_IsRefusedWithTheInspectorsReasonAndNothingStored()
    {
        var page = await portal.PageAsAsync(LocalIdentity.Uploader("CL-AN"));
        await page.GotoAsync("/regiones/CL-AN?servicio=SERNAM&anio=2009");

        await page.SetInputFilesAsync("#archivo", new FilePayload
        {
            Name = "informe.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"),
        });
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Subir y validar" }).ClickAsync(),
            r => r.Url.Contains("/formularios", StringComparison.Ordinal));

        Assert.Equal(422, response.Status);
        var refusal = page.Locator("section.validation .alert-error");
        await Expect(refusal).ToContainTextAsync("El archivo «informe.docx» fue rechazado y no se guardó.");
        await Expect(refusal).ToContainTextAsync("parece un PDF");
        await Expect(page.Locator("table.history")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Office_CannotSeeOrPostToAnotherRegion()
    {
        var page = await portal.PageAsAsync(LocalIdentity.Uploader("CL-VS"));
        await page.GotoAsync("/regiones/CL-VS?servicio=SERNAM&anio=2009");
        var token = await page.Locator("input[name=__pmg_antiforgery]").First.InputValueAsync();
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tarapacá" })).ToHaveCountAsync(0);

        var statuses = await page.EvaluateAsync<int[]>(
            """
            async token => {
              const form = new FormData();
              form.append('__pmg_antiforgery', token);
              form.append('servicio', 'SERNAM');
              form.append('anio', '2009');
              form.append('archivo', new Blob(['PK']), 'intruso.docx');
              const post = await fetch('/regiones/CL-TA/formularios', { method: 'POST', body: form });
              const api = await fetch('/api/regions/CL-TA/submissions?service=SERNAM&year=2009');
              const apiPost = await fetch('/api/regions/CL-TA/forms?service=SERNAM&year=2009', { method: 'POST', body: form, headers: { 'X-Pmg-Antiforgery': token } });
              return [post.status, api.status, apiPost.status];
            }
            """,
            token);
        var visit = await page.GotoAsync("/regiones/CL-TA?servicio=SERNAM&anio=2009");

        Assert.Equal([403, 403, 403], statuses);
        Assert.Equal(403, visit!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("Su cuenta no tiene acceso a Tarapacá.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task KeyboardOnly_ChoosesIdentityAndUploadsWithoutAMouse()
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/regiones/CL-BI?servicio=SERNAM&anio=2009");

        // Local sign-in with the keyboard: the office radio, the region list, Enter.
        await Expect(page).ToHaveURLAsync(new Regex("/local"));
        await TabUntilAsync(page, "input[value=uploader]");
        await TabUntilAsync(page, "#region");
        await page.Keyboard.TypeAsync("Biob");
        await TabUntilAsync(page, "button[type=submit]:has-text('Entrar')");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/regiones/CL-BI"));

        // The skip link comes first and lands on the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Saltar al contenido", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        await TabUntilAsync(page, "#archivo");
        await page.Locator("#archivo").SetInputFilesAsync(Path.Combine(Samples.FormsDirectory, "cierre-2009-CL-BI.docx")); // the OS file dialog
        await TabUntilAsync(page, "button[type=submit]:has-text('Subir y validar')");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/regiones/CL-BI/envios/"));
        await Expect(page.Locator("section.validation table.data").First.Locator("tbody tr").First).ToContainTextAsync("72,00 %");
        await Expect(page.Locator("section.validation table.data").First.Locator("tbody tr").First).ToContainTextAsync("NO CUMPLE");
        await context.CloseAsync();
    }

    [Fact]
    public async Task EveryOtherPage_HasNoSeriousAccessibilityViolation()
    {
        var anonymous = await portal.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = portal.Address.ToString() });
        await anonymous.GotoAsync("/local");
        await Accessibility.AssertNoSeriousViolationsAsync(anonymous);

        var coordinator = await portal.PageAsAsync(LocalIdentity.Coordinator);
        await coordinator.GotoAsync("/");
        await Expect(coordinator.Locator("h1")).ToHaveTextAsync("Portal PMG Gestión Territorial");
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);
        var missing = await coordinator.GotoAsync("/no-existe");
        Assert.Equal(404, missing!.Status);
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);
        await coordinator.GotoAsync("/regiones/CL-MA?servicio=SERNAM&anio=2009");
        await Expect(coordinator.Locator("main")).ToContainTextAsync("Puede ver esta región, pero no subir formularios por ella.");
        await Accessibility.AssertNoSeriousViolationsAsync(coordinator);
    }

    private static async Task TabUntilAsync(IPage page, string selector)
    {
        var target = page.Locator(selector);
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}.");
    }
}
