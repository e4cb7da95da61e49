using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Pmg.Portal.Routing;

/// <summary>Who reads a route's answers: people (HTML pages, sign-in redirects) or programs (JSON, 401/403).</summary>
public enum RouteAudience
{
    /// <summary>An HTML page.</summary>
    Page,

    /// <summary>The JSON API under <c>/api</c>.</summary>
    Api,
}

/// <summary>One entry of the route table.</summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Template">The path template, e.g. <c>regiones/{region}</c> (no leading slash).</param>
/// <param name="Audience">Page or API.</param>
/// <param name="Handler">What answers.</param>
public sealed record PortalRoute(string Method, string Template, RouteAudience Audience, PortalHandler Handler)
{
    /// <summary>Served without a signed-in user (the local-mode sign-in page).</summary>
    public bool Anonymous { get; init; }

    /// <summary>For uploads: the largest request body accepted, checked before anything is read. Null = no body expected.</summary>
    public long? MaxRequestBytes { get; init; }

    /// <summary>The compiled matcher.</summary>
    internal TemplateMatcher Matcher { get; } = new(TemplateParser.Parse(Template), new RouteValueDictionary());
}
