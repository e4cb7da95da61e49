using Microsoft.AspNetCore.Http;
using Pmg.Portal.Routing;

namespace Pmg.Portal.Pages;

/// <summary>The home page: a coordinator goes to the national dashboard, an office with one region to its page, others choose.</summary>
public sealed class HomePages(PageRenderer pages)
{
    /// <summary>GET /.</summary>
    public async Task<IResult> HomeAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.RequiredUser;
        var uploadable = user.VisibleRegions.Where(user.CanUpload).ToList();
        if (!user.IsCoordinator && uploadable.Count == 1)
        {
            return Results.Redirect("/regiones/" + uploadable[0].Code);
        }

        var chrome = pages.Chrome(request.Http, user, "Portal PMG Gestión Territorial");
        return await pages.RenderAsync<HomePage>(new Dictionary<string, object?> { ["Chrome"] = chrome, ["User"] = user }).ConfigureAwait(false);
    }
}
