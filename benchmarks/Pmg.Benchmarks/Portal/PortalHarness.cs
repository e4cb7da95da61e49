using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Access;
using Pmg.Portal;
using Pmg.Portal.Routing;
using Pmg.Portal.Security;
using Pmg.Hosting;

namespace Pmg.Benchmarks.Portal;

/// <summary>
/// The portal on Kestrel over the Azurite in PMG_TEST_STORAGE (run under <c>eng/azurite.sh run --</c>), with a fresh
/// storage prefix, and an HTTP client signed in as a regional office (the X-MS-CLIENT-PRINCIPAL header).
/// </summary>
internal sealed class PortalHarness : IAsyncDisposable
{
    private const string OfficeId = "77777777-7777-7777-7777-777777777777";

    private readonly IHost _host;

    private PortalHarness(IHost host, HttpClient client, string token)
    {
        _host = host;
        Client = client;
        Token = token;
    }

    public HttpClient Client { get; }

    /// <summary>The office's antiforgery token.</summary>
    public string Token { get; }

    public IServiceProvider Services => _host.Services;

    public static Task<PortalHarness> StartAsync(params string[] regions) =>
        StartAsync("bench" + Guid.NewGuid().ToString("N")[..8], "SERNAM,SENAME,INJUV,SERNATUR", regions);

    /// <summary>The portal over an existing storage prefix (a world seeded beforehand), for the given services.</summary>
    public static async Task<PortalHarness> StartAsync(string prefix, string services, params string[] regions)
    {
        var storage = Environment.GetEnvironmentVariable("PMG_TEST_STORAGE") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("Run under eng/azurite.sh run -- … (PMG_TEST_STORAGE is not set).");
        var host = Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PmgStorage"] = storage,
                ["Pmg:Services"] = services,
                ["Pmg:Storage:Prefix"] = prefix,
            }))
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices((context, services) => services.AddPmgApplication(context.Configuration).AddPmgPortal())
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0))
                .Configure(app => app.Run(app.ApplicationServices.GetRequiredService<PortalApplication>().HandleAsync)))
            .Build();
        await host.StartAsync();
        var access = host.Services.GetRequiredService<IPortalAccessStore>();
        foreach (var region in regions)
        {
            await access.GrantAsync(new PortalAccessGrant(OfficeId, PrincipalKind.User, region, "", "bench", DateTimeOffset.UnixEpoch));
        }

        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.Encode(
        [
            new("http://schemas.microsoft.com/identity/claims/objectidentifier", OfficeId),
            new("preferred_username", "oficina@example.org"),
            new("roles", PortalRoles.Uploader),
            new("roles", PortalRoles.Coordinator),
        ]));
        var antiforgery = await client.GetStringAsync(new Uri("/api/antiforgery", UriKind.Relative));
        var token = JsonDocument.Parse(antiforgery).RootElement.GetProperty("token").GetString()!;
        return new PortalHarness(host, client, token);
    }

    /// <summary>What an office's browser does: POST the form, follow the 303 to the page that shows the validation.</summary>
    public async Task<int> UploadAndShowAsync(string region, byte[] form, string fileName)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token), "__pmg_antiforgery" },
            { new StringContent("SERNAM"), "servicio" },
            { new StringContent("2009"), "anio" },
        };
        var file = new ByteArrayContent(form);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        content.Add(file, "archivo", fileName);
        using var posted = await Client.PostAsync(new Uri($"/regiones/{region}/formularios", UriKind.Relative), content);
        if (posted.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"Upload answered {(int)posted.StatusCode}.");
        }

        var html = await Client.GetStringAsync(posted.Headers.Location);
        return html.Contains("Lo que dice la validación", StringComparison.Ordinal)
            ? html.Length
            : throw new InvalidOperationException("The page does not show the validation.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}
