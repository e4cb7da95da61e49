using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Pmg.Testing;

namespace Pmg.Portal.Tests;

/// <summary>The portal's settings: local mode can never run in Azure; the upload limit is enforced before reading.</summary>
public sealed class PortalSettingsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task LocalMode_InAzure_HostRefusesToStartAndSaysWhy()
    {
        using var host = PortalServer.Builder(azurite, "portalset", new Dictionary<string, string?>
        {
            ["Pmg:Portal:LocalMode"] = "true",
            ["WEBSITE_SITE_NAME"] = "func-pmg-prod",
        }).Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(
            "Pmg:Portal:LocalMode is on but WEBSITE_SITE_NAME is set: local mode (anyone acts as any role) can never run in Azure. Remove the setting Pmg__Portal__LocalMode.",
            failure.Failures);
    }

    [Fact]
    public async Task LocalMode_OnAWorkstation_ServesTheIdentityChooserAndActsAsTheChosenOffice()
    {
        await using var server = await PortalServer.StartAsync(azurite, "portalloc", new Dictionary<string, string?> { ["Pmg:Portal:LocalMode"] = "true" });
        using var client = server.Client();

        using var home = await client.Http.GetAsync(new Uri("/", UriKind.Relative));
        var chooser = await client.Http.GetStringAsync(new Uri("/local", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(chooser, "name=\"__pmg_antiforgery\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = await client.Http.PostAsync(new Uri("/local", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__pmg_antiforgery"] = token,
            ["identidad"] = "uploader",
            ["region"] = "CL-VS",
            ["volver"] = "/",
        }));
        using var after = await client.Http.GetAsync(new Uri("/", UriKind.Relative));
        var region = await client.Http.GetStringAsync(new Uri("/regiones/CL-VS?anio=2009", UriKind.Relative));
        using var other = await client.Http.GetAsync(new Uri("/regiones/CL-TA?anio=2009", UriKind.Relative));

        Assert.Equal("/local?volver=%2F", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/regiones/CL-VS", after.Headers.Location!.OriginalString);
        Assert.Contains("<strong>Modo local</strong>", region, StringComparison.Ordinal);
        Assert.Contains("Actúa como <strong>Oficina regional de Valparaíso (modo local)</strong>", region, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task LocalMode_Off_HasNoIdentityChooser()
    {
        await using var server = await PortalServer.StartAsync(azurite, "portaloff");
        using var client = server.Client();

        using var response = await client.Http.GetAsync(new Uri("/local", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_LargerThanMaxUploadBytes_Refused413BeforeTheBodyIsRead()
    {
        await using var server = await PortalServer.StartAsync(azurite, "portalmax", new Dictionary<string, string?> { ["Pmg:Portal:MaxUploadBytes"] = "4096" });
        await server.GrantAsync("66666666-6666-6666-6666-666666666666", "CL-TA");
        using var client = server.Client("66666666-6666-6666-6666-666666666666", "ana@example.org", Security.PortalRoles.Uploader);
        var token = await client.AntiforgeryTokenAsync();

        using var response = await client.PostFileAsync("/api/regions/CL-TA/forms?service=SERNAM&year=2009", "grande.docx", new byte[200_000], token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await server.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/grande.docx").ExistsAsync());
    }

    [Fact]
    public void ClientPrincipal_NotBase64OrNotAPrincipal_IsNobody()
    {
        Assert.Null(Security.ClientPrincipal.TryParse("not base64 at all"));
        Assert.Null(Security.ClientPrincipal.TryParse(Convert.ToBase64String("{\"claims\": 3}"u8.ToArray())));
        Assert.Null(Security.ClientPrincipal.TryParse(Convert.ToBase64String("[1,2]"u8.ToArray())));
    }
}
