using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Domain.Regions;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Portal.Routing;

namespace Pmg.Portal.Regions;

/// <summary>
/// The server-side region check every region handler starts with: the route's region exists, and the signed-in user may
/// see it (or upload for it). An uploader of CL-VS gets 403 for anything of CL-TA, pages, API and downloads alike.
/// </summary>
public sealed class RegionScope(IOptions<PmgOptions> options, ILogger<RegionScope> logger)
{
    /// <summary>The configured services.</summary>
    public IReadOnlyList<string> Services => options.Value.KnownServices;

    /// <summary>The route's region when the user may see it (or, with <paramref name="upload"/>, upload for it).</summary>
    public RegionCheck Check(PortalRequest request, bool upload)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Route("region").ToUpperInvariant();
        if (RegionCatalog.FindByCode(code) is not { } region)
        {
            return new RegionCheck(null, RegionCheckFailure.NotFound);
        }

        var user = request.RequiredUser;
        if (upload ? !user.CanUpload(region) : !user.CanView(region))
        {
            logger.Forbidden(user.Id, request.Http.Request.Method, request.Http.Request.Path, region.Code);
            return new RegionCheck(region, RegionCheckFailure.Forbidden);
        }

        return new RegionCheck(region, RegionCheckFailure.None);
    }

    /// <summary>The configured spelling of a service; the first configured one when none is asked for; null when unknown.</summary>
    public string? Service(string? asked) =>
        asked is null ? options.Value.KnownServices.FirstOrDefault() : options.Value.FindService(asked);

    /// <summary>A four-digit year in which the region existed; null otherwise.</summary>
    public static int? Year(string? text, Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return Year(text) is { } year && region.ExistedIn(year) ? year : null;
    }

    /// <summary>A four-digit year from 1990 on; null otherwise.</summary>
    public static int? Year(string? text) =>
        text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1990 ? year : null;
}

/// <summary>Why a region check failed.</summary>
public enum RegionCheckFailure
{
    /// <summary>It did not.</summary>
    None,

    /// <summary>No region has that code.</summary>
    NotFound,

    /// <summary>The user may not see (or upload for) that region.</summary>
    Forbidden,
}

/// <summary>The outcome of <see cref="RegionScope.Check"/>.</summary>
/// <param name="Region">The region, when the code names one.</param>
/// <param name="Failure">Why it failed, or None.</param>
public sealed record RegionCheck(Region? Region, RegionCheckFailure Failure);
