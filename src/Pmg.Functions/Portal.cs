using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pmg.Portal.Routing;

namespace Pmg.Functions;

/// <summary>
/// The portal's pages and API: one catch-all HTTP function (host.json's <c>routePrefix</c> is empty, so it answers at
/// <c>/</c>) handing every request to the shared <see cref="PortalApplication"/>, whose route table
/// (<c>src/Pmg.Portal/Routing/PortalRoutes.cs</c>) is the same the local host serves. The host's own routes
/// (<c>/runtime/webhooks/…</c>, <c>/admin/…</c>) keep precedence. Anonymous at the function level: App Service
/// Authentication signs people in, and the portal checks the user and the region on every request.
/// </summary>
public sealed class Portal(PortalApplication portal)
{
    /// <summary>Serves one portal request (ASP.NET Core integration: the response is written to the request's context).</summary>
    [Function(nameof(Portal))]
    public Task RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "{*path}")] HttpRequest request) =>
        portal.HandleAsync(request.HttpContext);
}
