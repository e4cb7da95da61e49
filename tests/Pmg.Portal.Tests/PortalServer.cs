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
using Pmg.Portal.Routing;
using Pmg.Portal.Security;
using Pmg.Hosting;
using Pmg.Storage;
using Pmg.Testing;

namespace Pmg.Portal.Tests;

/// <summary>
/// The portal alone on Kestrel (no triggers: nothing here needs ingestion), over the test Azurite with a storage prefix
/// of its own, signed in as App Service Authentication would sign people in (the X-MS-CLIENT-PRINCIPAL header).
/// </summary>
internal sealed class PortalServer : IAsyncDisposable
{
    private readonly IHost _host;

    private PortalServer(IHost host, Uri address)
    {
        _host = host;
        Address = address;
    }

    /// <summary>Where the portal listens.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _host.Services;

    public StorageLayout Layout => Services.GetRequiredService<StorageLayout>();

    /// <summary>Builds the portal's host with <paramref name="settings"/> on top of the test defaults.</summary>
    public static IHostBuilder Builder(AzuriteFixture azurite, string prefix, IDictionary<string, string?>? settings = null) =>
        Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(configuration =>
            {
                configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["PmgStorage"] = azurite.ConnectionString,
                    ["Pmg:Services"] = "SERNAM",
                    // A fresh prefix per server: tables and containers of their own, even on an Azurite kept between runs.
                    ["Pmg:Storage:Prefix"] = prefix + Guid.NewGuid().ToString("N")[..6],
                });
                if (settings is not null)
                {
                    configuration.AddInMemoryCollection(settings);
                }
            })
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices((context, services) => services.AddPmgApplication(context.Configuration).AddPmgPortal())
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0))
                .Configure(app => app.Run(app.ApplicationServices.GetRequiredService<PortalApplication>().HandleAsync)));

    public static async Task<PortalServer> StartAsync(AzuriteFixture azurite, string prefix, IDictionary<string, string?>? settings = null)
    {
        var host = Builder(azurite, prefix, settings).Build();
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PortalServer(host, new Uri(address));
    }

    /// <summary>Grants regions to a user id in PortalAccess.</summary>
    public async Task GrantAsync(string principalId, params string[] regions)
    {
        var store = Services.GetRequiredService<IPortalAccessStore>();
        foreach (var region in regions)
        {
            await store.GrantAsync(new PortalAccessGrant(principalId, PrincipalKind.User, region, "", "test", DateTimeOffset.UnixEpoch));
        }
    }

    /// <summary>A client with its own cookies, signed in with the given object id, e-mail and roles (none = anonymous).</summary>
    public PortalClient Client(string? objectId = null, string? email = null, params string[] roles)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = Address };
        if (objectId is not null)
        {
            var claims = new List<KeyValuePair<string, string>>
            {
                new("http://schemas.microsoft.com/identity/claims/objectidentifier", objectId),
                new("name", "Persona de prueba"),
            };
            if (email is not null)
            {
                claims.Add(new("preferred_username", email));
            }

            claims.AddRange(roles.Select(r => new KeyValuePair<string, string>("roles", r)));
            client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.Encode(claims));
        }

        return new PortalClient(client);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>An HTTP client of the portal with the helpers the tests share.</summary>
internal sealed class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>Fetches an antiforgery token (and its cookie) from the API.</summary>
    public async Task<string> AntiforgeryTokenAsync()
    {
        using var response = await Http.GetAsync(new Uri("/api/antiforgery", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Posts a file as multipart field <c>file</c>, with the antiforgery header when a token is given.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string path, string fileName, byte[] content, string? token)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form };
        if (token is not null)
        {
            request.Headers.Add(PortalServiceCollectionExtensions.AntiforgeryHeader, token);
        }

        return await Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
