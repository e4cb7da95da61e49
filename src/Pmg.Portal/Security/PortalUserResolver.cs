using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Access;

namespace Pmg.Portal.Security;

/// <summary>
/// Turns a request into a <see cref="PortalUser"/>: in local mode the identity chosen on <c>/local</c>; otherwise the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header of App Service Authentication, with the regions PortalAccess grants to the user
/// or its groups (cached for a minute per user, so a revoke takes effect within a minute).
/// </summary>
public sealed class PortalUserResolver(
    IOptions<PortalOptions> options,
    IPortalAccessStore access,
    IMemoryCache cache,
    ILogger<PortalUserResolver> logger)
{
    private static readonly TimeSpan GrantCacheTime = TimeSpan.FromMinutes(1);

    /// <summary>The user of the request, or null when nobody is signed in.</summary>
    public async Task<PortalUser?> ResolveAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.Value.LocalMode)
        {
            return LocalIdentity.Parse(context.Request.Cookies[LocalIdentity.CookieName]);
        }

        var header = context.Request.Headers[ClientPrincipal.HeaderName].ToString();
        if (header.Length == 0)
        {
            return null;
        }

        if (ClientPrincipal.TryParse(header) is not { ObjectId: { } rawId } principal
            || PortalAccessGrant.NormalizePrincipalId(rawId) is not { } id)
        {
            logger.PrincipalUnreadable();
            return null;
        }

        var roles = principal.Roles.Where(r => r is PortalRoles.Coordinator or PortalRoles.Uploader).ToHashSet(StringComparer.Ordinal);
        var regions = roles.Contains(PortalRoles.Uploader)
            ? await RegionsAsync(id, principal.Groups, cancellationToken).ConfigureAwait(false)
            : new HashSet<string>(StringComparer.Ordinal);
        var email = principal.Email is { } e && MailAddress.TryCreate(e, out var address) && address.Address == e && e.All(char.IsAscii) ? e : null;
        return new PortalUser(id, principal.Name ?? email ?? id, email, roles, regions, IsLocal: false);
    }

    private async Task<IReadOnlySet<string>> RegionsAsync(string id, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        var ids = new List<string> { id };
        ids.AddRange(groups.Select(PortalAccessGrant.NormalizePrincipalId).OfType<string>());
        var key = "pmg-access|" + string.Join(',', ids);
        if (cache.TryGetValue(key, out IReadOnlySet<string>? cached) && cached is not null)
        {
            return cached;
        }

        var regions = await access.RegionsForAsync(ids, cancellationToken).ConfigureAwait(false);
        cache.Set(key, regions, GrantCacheTime);
        return regions;
    }
}
