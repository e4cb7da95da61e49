using Azure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Portal.Assets;
using Pmg.Portal.Pages;
using Pmg.Portal.Security;

namespace Pmg.Portal.Routing;

/// <summary>
/// The portal as one request delegate, the same in both hosts: security headers, assets, routing, sign-in, body size
/// and antiforgery checks on every state-changing request, then the route's handler. Failures become Spanish pages
/// (or JSON errors under <c>/api</c>), never a stack trace.
/// </summary>
public sealed class PortalApplication(
    PortalRoutes routes,
    AssetCatalog assets,
    PortalUserResolver users,
    IAntiforgery antiforgery,
    PortalResponses responses,
    IOptions<PortalOptions> options,
    ILogger<PortalApplication> logger)
{
    /// <summary>Answers one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        SecurityHeaders.Apply(context.Response);
        if (await assets.TryServeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        // Nothing a person or program reads here may be cached by a proxy: it is per user and changes by the minute.
        context.Response.Headers.CacheControl = "no-store";
        var request = context.Request;
        var (route, values, pathExists) = routes.Match(request.Method, request.Path);
        var audience = (request.Path.Value ?? "").StartsWith("/api/", StringComparison.Ordinal) || request.Path.Value == "/api"
            ? RouteAudience.Api
            : RouteAudience.Page;
        IResult result;
        try
        {
            result = await DispatchAsync(context, route, values, pathExists, audience).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (RequestFailedException exception)
        {
            logger.StorageFailed(request.Method, request.Path, exception);
            result = await responses.StorageUnavailableAsync(context, audience).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.RequestFailed(request.Method, request.Path, exception);
            result = await responses.UnexpectedAsync(context, audience).ConfigureAwait(false);
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<IResult> DispatchAsync(HttpContext context, PortalRoute? route, Microsoft.AspNetCore.Routing.RouteValueDictionary values, bool pathExists, RouteAudience audience)
    {
        if (route is null)
        {
            return pathExists
                ? await responses.MethodNotAllowedAsync(context, audience).ConfigureAwait(false)
                : await responses.NotFoundAsync(context, audience, null).ConfigureAwait(false);
        }

        var user = await users.ResolveAsync(context, context.RequestAborted).ConfigureAwait(false);
        if (user is null && !route.Anonymous)
        {
            return responses.SignInRequired(context, route.Audience, options.Value.LocalMode);
        }

        if (user is not null)
        {
            context.User = user.ToClaimsPrincipal();
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            if (await CheckBodySizeAsync(context, route).ConfigureAwait(false) is { } tooLarge)
            {
                return tooLarge;
            }

            try
            {
                await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException exception)
            {
                logger.AntiforgeryFailed(context.Request.Method, context.Request.Path, exception);
                return await responses.AntiforgeryFailedAsync(context, route.Audience).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
            {
                // The multipart body outgrew the limit while being read (a client that lied about or omitted its length).
                logger.UploadTooLarge(context.Request.Path, context.Request.ContentLength ?? -1, route.MaxRequestBytes ?? 0);
                return await responses.TooLargeAsync(context, route.Audience).ConfigureAwait(false);
            }
        }

        return await route.Handler(new PortalRequest(context, user, values)).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses an over-limit body from its Content-Length before reading a byte, and caps what the server will read
    /// for bodies that do not say their length.
    /// </summary>
    private async Task<IResult?> CheckBodySizeAsync(HttpContext context, PortalRoute route)
    {
        var limit = route.MaxRequestBytes ?? 0;
        var length = context.Request.ContentLength;
        if (length > limit)
        {
            logger.UploadTooLarge(context.Request.Path, length.Value, limit);
            return await responses.TooLargeAsync(context, route.Audience).ConfigureAwait(false);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
        {
            MultipartBodyLengthLimit = limit,
            ValueCountLimit = 64,
            BufferBodyLengthLimit = limit,
        }));
        return null;
    }
}
