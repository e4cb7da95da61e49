using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pmg.Portal.Security;

namespace Pmg.Portal.Routing;

/// <summary>What a handler receives: the HTTP context, the signed-in user (null only on anonymous routes) and the route values.</summary>
public sealed class PortalRequest(HttpContext http, PortalUser? user, RouteValueDictionary values)
{
    /// <summary>The HTTP context.</summary>
    public HttpContext Http { get; } = http;

    /// <summary>The signed-in user; never null on routes that are not anonymous.</summary>
    public PortalUser? User { get; } = user;

    /// <summary>The signed-in user of a route that requires one.</summary>
    public PortalUser RequiredUser => User ?? throw new InvalidOperationException("This route requires a signed-in user.");

    /// <summary>Cancelled when the client goes away.</summary>
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>A route value as text ("" when absent).</summary>
    public string Route(string name) => values.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";

    /// <summary>A query-string value, trimmed; null when absent or blank.</summary>
    public string? Query(string name) => Http.Request.Query[name].ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

/// <summary>A page or API handler.</summary>
public delegate Task<IResult> PortalHandler(PortalRequest request);
