using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pmg.Domain.Model;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Status;
using Pmg.Portal.Pages;
using Pmg.Portal.Regions;
using Pmg.Portal.Routing;

namespace Pmg.Portal.Coordination;

/// <summary>
/// The national coordinator's dashboard, rendered from the pipeline's status read model (<see cref="IStatusService"/>,
/// the model of <c>pmg status --json</c>): the national line, a tile map of the regions north to south coloured by the
/// status of one programme (with the status in words), the regional table, refused and failed uploads and failed e-mails.
/// </summary>
public sealed class DashboardPages(IStatusService status, RegionScope scope, RegionData data, PageRenderer pages, PortalResponses responses)
{
    /// <summary>GET /coordinacion?servicio=&amp;anio=&amp;programa=.</summary>
    public async Task<IResult> DashboardAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.RequiredUser.IsCoordinator)
        {
            return await responses.ForbiddenAsync(request, "Solo la coordinación nacional ve el estado de todas las regiones.").ConfigureAwait(false);
        }

        if (scope.Service(request.Query("servicio")) is not { } service)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, $"El servicio «{request.Query("servicio")}» no está configurado en el portal.").ConfigureAwait(false);
        }

        var (years, defaultYear) = await data.ServiceYearsAsync(service, request.Aborted).ConfigureAwait(false);
        var year = request.Query("anio") is { } asked ? RegionScope.Year(asked) : defaultYear;
        if (year is null)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, $"El año «{request.Query("anio")}» no es válido.").ConfigureAwait(false);
        }

        var report = await status.GetAsync(service, year.Value, request.Aborted).ConfigureAwait(false);
        var serviceYear = report.ServiceYears.FirstOrDefault();
        var sections = serviceYear?.National.Programs.Select(p => p.Section).ToList() ?? [];
        var section = request.Query("programa") is { } chosen && sections.Contains(chosen) ? chosen : sections.FirstOrDefault() ?? "III.1";
        var model = new DashboardModel(service, year.Value, scope.Services, years.Contains(year.Value) ? years : [.. years.Append(year.Value).OrderDescending()], section, serviceYear, report.Problems, report.FailedNotifications)
        {
            Unprocessed = report.Unprocessed,
        };
        var chrome = pages.Chrome(request.Http, request.User, string.Create(CultureInfo.InvariantCulture, $"Coordinación nacional {service} {year.Value}"));
        return await pages.RenderAsync<DashboardPage>(new Dictionary<string, object?> { ["Chrome"] = chrome, ["Model"] = model }).ConfigureAwait(false);
    }

    /// <summary>GET /api/status?service=&amp;year=: the same JSON as <c>pmg status --json</c> (coordinators only).</summary>
    public async Task<IResult> ApiAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.RequiredUser.IsCoordinator)
        {
            return PortalResponses.Error(StatusCodes.Status403Forbidden, "forbidden", "Solo la coordinación nacional ve el estado de todas las regiones; las oficinas usan /api/regions/{región}/submissions.");
        }

        var service = request.Query("service");
        if (service is not null && scope.Service(service) is null)
        {
            return PortalResponses.Error(StatusCodes.Status400BadRequest, "bad_request", $"El servicio «{service}» no está configurado.");
        }

        int? year = null;
        if (request.Query("year") is { } text && (year = RegionScope.Year(text)) is null)
        {
            return PortalResponses.Error(StatusCodes.Status400BadRequest, "bad_request", "?year= debe ser un año de cuatro dígitos.");
        }

        var report = await status.GetAsync(service, year, request.Aborted).ConfigureAwait(false);
        return Results.Json(report, PmgJson.Contracts.StatusReport);
    }
}

/// <summary>The dashboard's data.</summary>
public sealed record DashboardModel(
    string Service,
    int Year,
    IReadOnlyList<string> Services,
    IReadOnlyList<int> Years,
    string Section,
    ServiceYearStatus? Status,
    IReadOnlyList<UploadProblem> Problems,
    IReadOnlyList<FailedNotification> FailedNotifications)
{
    /// <summary>Uploads with no submission record yet ("sin procesar"), oldest first.</summary>
    public IReadOnlyList<UnprocessedUpload> Unprocessed { get; init; } = [];
}
