using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pmg.Domain.Regions;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Validation;
using Pmg.Portal.Api;
using Pmg.Portal.Pages;
using Pmg.Portal.Routing;
using Pmg.Portal.Uploads;

namespace Pmg.Portal.Regions;

/// <summary>A regional office's pages: its region (upload, history) and each upload's validation, progress and receipt.</summary>
public sealed class RegionPages(
    RegionScope scope,
    RegionData data,
    FormUploader uploader,
    PageRenderer pages,
    PortalResponses responses,
    IOptions<PortalOptions> options)
{
    /// <summary>The region page's address for a service and year.</summary>
    public static string RegionUrl(Region region, string service, int year)
    {
        ArgumentNullException.ThrowIfNull(region);
        return string.Create(CultureInfo.InvariantCulture, $"/regiones/{region.Code}?servicio={Uri.EscapeDataString(service)}&anio={year}");
    }

    /// <summary>An upload's page address.</summary>
    public static string SubmissionUrl(Region region, string service, int year, string submissionId, string file)
    {
        ArgumentNullException.ThrowIfNull(region);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"/regiones/{region.Code}/envios/{submissionId}?servicio={Uri.EscapeDataString(service)}&anio={year}&archivo={Uri.EscapeDataString(file)}");
    }

    /// <summary>GET /regiones/{region}?servicio=&amp;anio=: choose service and year, upload, history.</summary>
    public async Task<IResult> RegionAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = scope.Check(request, upload: false);
        if (await RefuseAsync(request, check).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var region = check.Region!;
        if (scope.Service(request.Query("servicio")) is not { } service)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, $"El servicio «{request.Query("servicio")}» no está configurado en el portal.").ConfigureAwait(false);
        }

        var (years, defaultYear) = await data.YearsAsync(service, region, request.Aborted).ConfigureAwait(false);
        var year = request.Query("anio") is { } asked ? RegionScope.Year(asked, region) : defaultYear;
        if (year is null)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, $"El año «{request.Query("anio")}» no es válido para {region.Name}.").ConfigureAwait(false);
        }

        return await RenderRegionAsync(request, region, service, year.Value, years, null, null, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    /// <summary>
    /// POST /regiones/{region}/formularios (multipart: servicio, anio, archivo): a refused file shows the region page again
    /// with the reasons (422); a stored one goes to its upload page (303 after POST).
    /// </summary>
    public async Task<IResult> UploadAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = scope.Check(request, upload: true);
        if (await RefuseAsync(request, check).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var region = check.Region!;
        var form = await request.Http.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false);
        var service = scope.Service(form["servicio"].ToString() is { Length: > 0 } s ? s : null);
        var year = RegionScope.Year(form["anio"].ToString(), region);
        if (service is null || year is null)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "El servicio o el año del envío no son válidos; vuelva a la página de la región.").ConfigureAwait(false);
        }

        var (years, _) = await data.YearsAsync(service, region, request.Aborted).ConfigureAwait(false);
        if (form.Files.GetFile("archivo") is not { Length: > 0 } file)
        {
            return await RenderRegionAsync(request, region, service, year.Value, years, null, "Elija el archivo del formulario antes de subirlo.", StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
        }

        var user = request.RequiredUser;
        var stream = file.OpenReadStream();
        UploadOutcome outcome;
        await using (stream.ConfigureAwait(false))
        {
            outcome = await uploader.UploadAsync(new UploadTarget(service, year.Value, region, user.Email), file.FileName, stream, file.Length, user.Id, request.Aborted).ConfigureAwait(false);
        }

        if (outcome.Stored is not { } stored)
        {
            return await RenderRegionAsync(request, region, service, year.Value, years, FormValidation.Describe(outcome.Validation), null, StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
        }

        return new SeeOtherResult(SubmissionUrl(region, service, year.Value, stored.SubmissionId, outcome.Validation.Read.FileName));
    }

    /// <summary>GET /regiones/{region}/envios/{id}?servicio=&amp;anio=&amp;archivo=: validation, progress, outcome and receipt.</summary>
    public async Task<IResult> SubmissionAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = scope.Check(request, upload: false);
        if (await RefuseAsync(request, check).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var region = check.Region!;
        var id = request.Route("submission").ToLowerInvariant();
        var service = scope.Service(request.Query("servicio"));
        var year = RegionScope.Year(request.Query("anio"), region);
        if (service is null || year is null || id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "Ese envío no existe.").ConfigureAwait(false);
        }

        var state = await data.SubmissionAsync(service, year.Value, region, id, request.Aborted).ConfigureAwait(false);
        var file = state?.Submission?.File ?? request.Query("archivo");
        if (state is null || file is null)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "Ese envío no existe.").ConfigureAwait(false);
        }

        var evaluated = await uploader.RevalidateAsync(new UploadTarget(service, year.Value, region, null), file, id, request.Aborted).ConfigureAwait(false);
        if (evaluated is null && state.Submission is null)
        {
            // Neither recorded nor stored under this id: a made-up address, or a blob replaced before it was processed.
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "Ese envío no existe o el archivo fue reemplazado por otro antes de procesarse.").ConfigureAwait(false);
        }

        var model = new SubmissionPageModel(
            region,
            service,
            year.Value,
            id,
            file,
            evaluated is null ? null : FormValidation.Describe(evaluated),
            state,
            PortalApi.SubmissionApiUrl(region, service, year.Value, id));
        var chrome = pages.Chrome(request.Http, request.User, "Envío " + file);
        return await pages.RenderAsync<SubmissionPage>(new Dictionary<string, object?> { ["Chrome"] = chrome, ["Model"] = model }).ConfigureAwait(false);
    }

    private async Task<IResult> RenderRegionAsync(
        PortalRequest request, Region region, string service, int year, IReadOnlyList<int> years, ValidateFileJson? refused, string? problem, int statusCode)
    {
        var history = await data.HistoryAsync(service, year, region, request.Aborted).ConfigureAwait(false);
        var model = new RegionPageModel(
            region,
            service,
            year,
            scope.Services,
            years.Contains(year) ? years : [.. years.Append(year).OrderDescending()],
            request.RequiredUser.CanUpload(region),
            options.Value.MaxUploadBytes,
            refused,
            problem,
            history);
        var chrome = pages.Chrome(request.Http, request.User, region.Name);
        return await pages.RenderAsync<RegionPage>(new Dictionary<string, object?> { ["Chrome"] = chrome, ["Model"] = model }, statusCode).ConfigureAwait(false);
    }

    private async Task<IResult?> RefuseAsync(PortalRequest request, RegionCheck check) => check.Failure switch
    {
        RegionCheckFailure.NotFound => await responses.NotFoundAsync(request.Http, RouteAudience.Page, "No existe esa región.").ConfigureAwait(false),
        RegionCheckFailure.Forbidden => await responses.ForbiddenAsync(request, $"Su cuenta no tiene acceso a {check.Region!.Name}. Si debería tenerlo, pídalo a la coordinación nacional.").ConfigureAwait(false),
        _ => null,
    };
}

/// <summary>303 See Other: after a POST, the browser GETs the result page (reloading it never uploads twice).</summary>
/// <param name="Location">Where to go.</param>
public sealed record SeeOtherResult(string Location) : IResult
{
    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
