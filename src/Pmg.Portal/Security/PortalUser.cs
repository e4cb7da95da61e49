using System.Security.Claims;
using Pmg.Domain.Regions;

namespace Pmg.Portal.Security;

/// <summary>Who is asking: signed in through App Service Authentication, or a developer's chosen identity in local mode.</summary>
/// <param name="Id">The Entra object id (or a fixed id in local mode).</param>
/// <param name="Name">A name to show.</param>
/// <param name="Email">The sign-in e-mail, when it is one (written as the upload's <c>uploader</c>).</param>
/// <param name="Roles">App roles (<see cref="PortalRoles"/>).</param>
/// <param name="Regions">Region codes granted in PortalAccess (to the user or one of its groups).</param>
/// <param name="IsLocal">A local-mode identity.</param>
public sealed record PortalUser(string Id, string Name, string? Email, IReadOnlySet<string> Roles, IReadOnlySet<string> Regions, bool IsLocal)
{
    /// <summary>A national coordinator: sees every region.</summary>
    public bool IsCoordinator => Roles.Contains(PortalRoles.Coordinator);

    /// <summary>A regional uploader.</summary>
    public bool IsUploader => Roles.Contains(PortalRoles.Uploader);

    /// <summary>Whether the user may see the region's forms, history and results.</summary>
    public bool CanView(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return IsCoordinator || CanUpload(region);
    }

    /// <summary>Whether the user may upload forms for the region (the uploader role and the region granted).</summary>
    public bool CanUpload(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return IsUploader && Regions.Contains(region.Code);
    }

    /// <summary>The regions this user works with, north to south: all for a coordinator, else the granted ones.</summary>
    public IReadOnlyList<Region> VisibleRegions =>
        RegionCatalog.All.Where(r => IsCoordinator || (IsUploader && Regions.Contains(r.Code))).ToList();

    /// <summary>
    /// The principal the request runs as: antiforgery tokens are bound to it, so a token taken from one user's page is
    /// useless to another.
    /// </summary>
    public ClaimsPrincipal ToClaimsPrincipal()
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Id), new(ClaimTypes.Name, Name) };
        claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, IsLocal ? "PmgLocalMode" : "AppServiceAuthentication"));
    }
}
