using Microsoft.AspNetCore.Http;
using Pmg.Portal.Api;
using Pmg.Portal.Routing;

namespace Pmg.Portal.Pages;

/// <summary>The portal's refusals and failures, as a Spanish page for people or a JSON error under <c>/api</c>.</summary>
public sealed class PortalResponses(PageRenderer pages)
{
    /// <summary>Not signed in: 401 for the API; for pages, App Service Authentication's sign-in (or the local identity chooser).</summary>
    public IResult SignInRequired(HttpContext context, RouteAudience audience, bool localMode)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (audience == RouteAudience.Api)
        {
            return Error(StatusCodes.Status401Unauthorized, "unauthenticated", "Inicie sesión en el portal para usar la API.");
        }

        var back = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
        return Results.Redirect(localMode ? "/local?volver=" + back : "/.auth/login/aad?post_login_redirect_uri=" + back);
    }

    /// <summary>403: the user may not see or change this.</summary>
    public Task<IResult> ForbiddenAsync(PortalRequest request, string message)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Http.Request.Path.StartsWithSegments("/api")
            ? Task.FromResult(Error(StatusCodes.Status403Forbidden, "forbidden", message))
            : MessageAsync(request.Http, request.User, StatusCodes.Status403Forbidden, "Sin acceso", message);
    }

    /// <summary>404.</summary>
    public Task<IResult> NotFoundAsync(HttpContext context, RouteAudience audience, string? message) =>
        audience == RouteAudience.Api
            ? Task.FromResult(Error(StatusCodes.Status404NotFound, "not_found", message ?? "No existe."))
            : MessageAsync(context, null, StatusCodes.Status404NotFound, "Página no encontrada", message ?? "La dirección no corresponde a ninguna página del portal.");

    /// <summary>405.</summary>
    public Task<IResult> MethodNotAllowedAsync(HttpContext context, RouteAudience audience) =>
        audience == RouteAudience.Api
            ? Task.FromResult(Error(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "Este método no se admite en esta dirección."))
            : MessageAsync(context, null, StatusCodes.Status405MethodNotAllowed, "Acción no permitida", "Esta dirección no admite esa acción.");

    /// <summary>400: the antiforgery token was missing or not this user's.</summary>
    public Task<IResult> AntiforgeryFailedAsync(HttpContext context, RouteAudience audience) =>
        audience == RouteAudience.Api
            ? Task.FromResult(Error(StatusCodes.Status400BadRequest, "antiforgery", "Falta el token antifalsificación o no es válido: obténgalo en GET /api/antiforgery y envíelo en el encabezado X-Pmg-Antiforgery."))
            : MessageAsync(context, null, StatusCodes.Status400BadRequest, "La página caducó", "Por seguridad no se procesó el envío: vuelva a la página, recárguela e inténtelo otra vez.");

    /// <summary>413: larger than Pmg:Portal:MaxUploadBytes, refused before reading it.</summary>
    public Task<IResult> TooLargeAsync(HttpContext context, RouteAudience audience) =>
        audience == RouteAudience.Api
            ? Task.FromResult(Error(StatusCodes.Status413PayloadTooLarge, "too_large", "El archivo supera el tamaño máximo permitido."))
            : MessageAsync(context, null, StatusCodes.Status413PayloadTooLarge, "Archivo demasiado grande", "El archivo supera el tamaño máximo permitido; no se leyó ni se guardó. Revise que sea el formulario PMG.");

    /// <summary>503: storage could not be reached.</summary>
    public Task<IResult> StorageUnavailableAsync(HttpContext context, RouteAudience audience) =>
        audience == RouteAudience.Api
            ? Task.FromResult(Error(StatusCodes.Status503ServiceUnavailable, "storage_unavailable", "No se pudo leer o escribir el almacenamiento; inténtelo en unos minutos."))
            : MessageAsync(context, null, StatusCodes.Status503ServiceUnavailable, "Servicio no disponible", "No se pudo leer o escribir el almacenamiento. Inténtelo en unos minutos; si sigue, avise al equipo técnico.");

    /// <summary>500: a bug (logged with its detail).</summary>
    public Task<IResult> UnexpectedAsync(HttpContext context, RouteAudience audience) =>
        audience == RouteAudience.Api
            ? Task.FromResult(Error(StatusCodes.Status500InternalServerError, "unexpected", "Ocurrió un error inesperado; quedó registrado para el equipo técnico."))
            : MessageAsync(context, null, StatusCodes.Status500InternalServerError, "Error inesperado", "Ocurrió un error inesperado y quedó registrado para el equipo técnico. Inténtelo otra vez.");

    /// <summary>A JSON error.</summary>
    public static IResult Error(int statusCode, string code, string message) =>
        Results.Json(new ErrorJson(code, message), PortalJsonContext.Api.ErrorJson, statusCode: statusCode);

    /// <summary>A page with a heading and a message.</summary>
    public Task<IResult> MessageAsync(HttpContext context, Security.PortalUser? user, int statusCode, string heading, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chrome = pages.Chrome(context, user, heading);
        return pages.RenderAsync<MessagePage>(new Dictionary<string, object?> { ["Chrome"] = chrome, ["Heading"] = heading, ["Message"] = message }, statusCode);
    }
}
