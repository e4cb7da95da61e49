using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Pmg.LocalHost;
using Pmg.Testing;
using Pmg.Portal.Security;

namespace Pmg.Portal.Browser.Tests;

/// <summary>
/// One local host (blob trigger, queues, timer and the portal in local mode) on the run's Azurite with a storage prefix of
/// its own, and one
/// headless Chromium, shared by every browser test: starting them once keeps the suite quick on two cores.
/// </summary>
public sealed class PortalBrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium (eng/chromium.sh install); Playwright's own browser download is never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly AzuriteFixture _azurite = new();
    private IHost? _host;
    private IPlaywright? _playwright;

    /// <summary>The portal's address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The host's services (to run a recalculation, as its timer would).</summary>
    public IServiceProvider Services => _host!.Services;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run eng/chromium.sh install (test.sh and .ci/run do).");
        }

        await _azurite.InitializeAsync();
        _host = LocalHostBuilder.Create([])
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                ["PmgStorage"] = _azurite.ConnectionString,
                ["Pmg:Services"] = "SERNAM",
                // Names of its own on the run's shared Azurite: the host's triggers listen on the prefixed ones.
                ["Pmg:Storage:Prefix"] = "browser" + Guid.NewGuid().ToString("N")[..6],
                ["Pmg:Portal:LocalMode"] = "true",
                [LocalHostBuilder.PortalPortSetting] = "0",
                ["Notifications:PickupDirectory"] = Directory.CreateTempSubdirectory("pmg-browser-mail.").FullName,
            }))
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services => services.Configure<QueuesOptions>(options =>
            {
                options.MaxPollingInterval = TimeSpan.FromMilliseconds(500);
                options.VisibilityTimeout = TimeSpan.Zero;
            }))
            .Build();
        await _host.StartAsync();
        Address = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=es-CL"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) acting, in local mode, as <paramref name="identity"/>.</summary>
    public async Task<IPage> PageAsAsync(string identity)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), Locale = "es-CL", ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.AddCookiesAsync([new Cookie { Name = LocalIdentity.CookieName, Value = identity, Url = Address.ToString() }]);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

    }
}

/// <summary>Every browser test class shares one <see cref="PortalBrowserFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PortalBrowserCollection : ICollectionFixture<PortalBrowserFixture>
{
    public const string Name = "Portal in Chromium";
}
