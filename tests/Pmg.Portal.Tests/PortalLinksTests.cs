using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Notifications;
using Pmg.Portal.Routing;
using Pmg.Portal.Security;
using Pmg.Testing;

namespace Pmg.Portal.Tests;

/// <summary>The links e-mails carry (<see cref="PortalLinks"/>, in the pipeline) are routes the portal answers.</summary>
public sealed class PortalLinksTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Coordinator = "33333333-3333-3333-3333-333333333333";
    private static readonly PortalLinks Links = PortalLinks.For("https://pmg.example.org/")!;

    private PortalServer _server = null!;

    public async Task InitializeAsync() => _server = await PortalServer.StartAsync(azurite, "portallinks");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string?> EveryLink => new()
    {
        { Links.Home, "", null },
        { Links.Region("CL-TA", "SERNAM", 2009), "regiones/{region}", null },
        { Links.Submission("CL-TA", "0123abcd", "SERNAM", 2009, "cierre 2009.docx"), "regiones/{region}/envios/{submission}", "0123abcd" },
        { Links.BlankForm("CL-TA", "SERNAM", 2009, "docx"), "regiones/{region}/formulario", null },
    };

    [Theory]
    [MemberData(nameof(EveryLink))]
    public void Link_IsAGetPageRouteOfThePortalRouter(string link, string template, string? submission)
    {
        var routes = _server.Services.GetRequiredService<PortalRoutes>();

        var (route, values, _) = routes.Match("GET", new PathString(new Uri(link).AbsolutePath));

        Assert.NotNull(route);
        Assert.Equal((template, RouteAudience.Page), (route.Template, route.Audience));
        if (template.Contains("{region}", StringComparison.Ordinal))
        {
            Assert.Equal("CL-TA", values["region"]);
        }

        Assert.Equal(submission, values.TryGetValue("submission", out var id) ? id : null);
    }

    [Fact]
    public async Task RegionAndBlankFormLinks_AreAnsweredWithThePageAndTheForm()
    {
        using var coordinator = _server.Client(Coordinator, "coordinacion@example.org", PortalRoles.Coordinator);

        using var region = await coordinator.Http.GetAsync(new Uri(new Uri(Links.Region("CL-TA", "SERNAM", 2009)).PathAndQuery, UriKind.Relative));
        using var form = await coordinator.Http.GetAsync(new Uri(new Uri(Links.BlankForm("CL-TA", "SERNAM", 2009, "xlsx")).PathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, region.StatusCode);
        Assert.Contains("Tarapacá", await region.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", form.Content.Headers.ContentType!.MediaType);
    }
}
