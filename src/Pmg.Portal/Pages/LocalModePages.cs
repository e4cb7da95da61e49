using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pmg.Domain.Regions;
using Pmg.Portal.Routing;
using Pmg.Portal.Security;

namespace Pmg.Portal.Pages;

/// <summary>Local mode's identity chooser (<c>/local</c>); 404 when local mode is off.</summary>
public sealed class LocalModePages(PageRenderer pages, PortalResponses responses, IOptions<PortalOptions> options)
{
    /// <summary>GET /local.</summary>
    public async Task<IResult> SignInPageAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.Value.LocalMode)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, null).ConfigureAwait(false);
        }

        var chrome = pages.Chrome(request.Http, request.User, "Elegir identidad (modo local)");
        return await pages.RenderAsync<LocalSignInPage>(new Dictionary<string, object?>
        {
            ["Chrome"] = chrome,
            ["ReturnUrl"] = LocalPath(request.Query("volver")),
            ["Current"] = request.Http.Request.Cookies[LocalIdentity.CookieName],
        }).ConfigureAwait(false);
    }

    /// <summary>POST /local: keeps the chosen identity in a cookie and goes back.</summary>
    public async Task<IResult> SignInAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.Value.LocalMode)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, null).ConfigureAwait(false);
        }

        var form = await request.Http.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false);
        var identity = form["identidad"].ToString() == "coordinator"
            ? LocalIdentity.Coordinator
            : RegionCatalog.FindByCode(form["region"].ToString()) is { } region ? LocalIdentity.Uploader(region.Code) : null;
        if (identity is null)
        {
            return Results.Redirect("/local");
        }

        request.Http.Response.Cookies.Append(LocalIdentity.CookieName, identity, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.Http.Request.IsHttps,
            Path = "/",
        });
        return Results.Redirect(LocalPath(form["volver"].ToString()), permanent: false, preserveMethod: false);
    }

    // Only a path of this site: never an open redirect.
    private static string LocalPath(string? path) =>
        path is { Length: > 0 } && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal) ? path : "/";
}
