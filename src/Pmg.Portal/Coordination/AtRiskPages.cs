using Microsoft.AspNetCore.Http;
using Pmg.Domain.Text;
using Pmg.Portal.Api;
using Pmg.Portal.Pages;
using Pmg.Portal.Regions;
using Pmg.Portal.Routing;

namespace Pmg.Portal.Coordination;

/// <summary>Activities at risk for coordinators: a page filterable by region, programme, unit and reason, and its API.</summary>
public sealed class AtRiskPages(AtRiskQueries queries, RegionScope scope, PageRenderer pages, PortalResponses responses)
{
    /// <summary>GET /coordinacion/riesgo?servicio=&amp;anio=&amp;region=&amp;programa=&amp;unidad=&amp;motivo=.</summary>
    public async Task<IResult> PageAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.RequiredUser.IsCoordinator)
        {
            return await responses.ForbiddenAsync(request, "Solo la coordinación nacional ve las actividades en riesgo de todas las regiones.").ConfigureAwait(false);
        }

        var service = scope.Service(request.Query("servicio"));
        var year = RegionScope.Year(request.Query("anio"));
        if (service is null || year is null)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "Indique un servicio configurado y un año de cuatro dígitos.").ConfigureAwait(false);
        }

        var all = await queries.FindAsync(service, year.Value, request.Aborted).ConfigureAwait(false);
        var filter = new AtRiskFilter(request.Query("region"), request.Query("programa"), request.Query("unidad"), request.Query("motivo"));
        var chrome = pages.Chrome(request.Http, request.User, $"Actividades en riesgo {service} {year.Value}");
        return await pages.RenderAsync<AtRiskPage>(new Dictionary<string, object?>
        {
            ["Chrome"] = chrome,
            ["Service"] = service,
            ["Year"] = year.Value,
            ["All"] = all,
            ["Filter"] = filter,
        }).ConfigureAwait(false);
    }

    /// <summary>GET /api/at-risk?service=&amp;year=: every activity at risk (coordinators only).</summary>
    public async Task<IResult> ApiAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.RequiredUser.IsCoordinator)
        {
            return PortalResponses.Error(StatusCodes.Status403Forbidden, "forbidden", "Solo la coordinación nacional ve las actividades en riesgo de todas las regiones.");
        }

        var service = scope.Service(request.Query("service"));
        var year = RegionScope.Year(request.Query("year"));
        if (service is null || year is null)
        {
            return PortalResponses.Error(StatusCodes.Status400BadRequest, "bad_request", "Indique ?service= (un servicio configurado) y ?year= (cuatro dígitos).");
        }

        var all = await queries.FindAsync(service, year.Value, request.Aborted).ConfigureAwait(false);
        return Results.Json(all, PortalJsonContext.Api.IReadOnlyListAtRiskJson);
    }
}

/// <summary>The filters of the at-risk page; null = all.</summary>
/// <param name="Region">Region code.</param>
/// <param name="Section">Programme ("III.1").</param>
/// <param name="Unit">Responsible unit (compared without accents or case).</param>
/// <param name="Reason">Reason code.</param>
public sealed record AtRiskFilter(string? Region, string? Section, string? Unit, string? Reason)
{
    /// <summary>Whether an activity passes every filter.</summary>
    public bool Matches(AtRiskJson activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return (Region is null || activity.Region.Code == Region)
            && (Section is null || activity.Section == Section)
            && (Unit is null || TextNormalizer.Normalize(activity.Unit) == TextNormalizer.Normalize(Unit))
            && (Reason is null || activity.Reason == Reason);
    }
}
