using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pmg.Pipeline.Compliance;
using Pmg.Portal.Pages;
using Pmg.Portal.Regions;
using Pmg.Portal.Routing;

namespace Pmg.Portal.Coordination;

/// <summary>
/// The consolidated workbooks the recalculation writes to the <c>reports</c> container (<c>latest.xlsx</c> and every
/// earlier <c>cumplimiento-*.xlsx</c>), listed and downloaded by national coordinators only.
/// </summary>
public sealed class ReportPages(IReportStore reports, RegionScope scope, PageRenderer pages, PortalResponses responses, TimeProvider time)
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook's download address.</summary>
    public static string DownloadUrl(string service, int year, string file) =>
        string.Create(CultureInfo.InvariantCulture, $"/coordinacion/informes/{Uri.EscapeDataString(service)}/{year}/{Uri.EscapeDataString(file)}");

    /// <summary>GET /coordinacion/informes?servicio=&amp;anio=: the workbooks of a service and year, latest first.</summary>
    public async Task<IResult> ListAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.RequiredUser.IsCoordinator)
        {
            return await responses.ForbiddenAsync(request, "Solo la coordinación nacional descarga los informes consolidados.").ConfigureAwait(false);
        }

        if (scope.Service(request.Query("servicio")) is not { } service)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, $"El servicio «{request.Query("servicio")}» no está configurado en el portal.").ConfigureAwait(false);
        }

        var year = request.Query("anio") is { } text ? RegionScope.Year(text) : PortalClock.ChileNow(time).Year;
        if (year is null)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, $"El año «{request.Query("anio")}» no es válido.").ConfigureAwait(false);
        }

        var list = await reports.ListAsync(service, year.Value, request.Aborted).ConfigureAwait(false);
        var chrome = pages.Chrome(request.Http, request.User, $"Informes consolidados {service} {year.Value.ToString(CultureInfo.InvariantCulture)}");
        return await pages.RenderAsync<ReportsPage>(new Dictionary<string, object?>
        {
            ["Chrome"] = chrome,
            ["Service"] = service,
            ["Year"] = year.Value,
            ["Services"] = scope.Services,
            ["Reports"] = list,
        }).ConfigureAwait(false);
    }

    /// <summary>GET /coordinacion/informes/{service}/{year}/{file}: one workbook (coordinators only).</summary>
    public async Task<IResult> DownloadAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.RequiredUser.IsCoordinator)
        {
            return await responses.ForbiddenAsync(request, "Solo la coordinación nacional descarga los informes consolidados.").ConfigureAwait(false);
        }

        var service = scope.Service(request.Route("service"));
        var year = RegionScope.Year(request.Route("year"));
        var file = request.Route("file");
        if (service is null || year is null || !IsReportName(file))
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "Ese informe no existe.").ConfigureAwait(false);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{service}/{year.Value}/{file}");
        var content = await reports.OpenAsync(name, request.Aborted).ConfigureAwait(false);
        if (content is null)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "Ese informe no existe (todavía no hay un recálculo de ese servicio y año).").ConfigureAwait(false);
        }

        var download = file == "latest.xlsx" ? string.Create(CultureInfo.InvariantCulture, $"cumplimiento-{service}-{year.Value}.xlsx") : file;
        return Results.Stream(content, XlsxContentType, download);
    }

    // Only what the recalculation writes: never a path into another folder.
    private static bool IsReportName(string file) =>
        file == "latest.xlsx"
        || (file.StartsWith("cumplimiento-", StringComparison.Ordinal) && file.EndsWith(".xlsx", StringComparison.Ordinal)
            && file.Length < 64 && file.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'));
}
