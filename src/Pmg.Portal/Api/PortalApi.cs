using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Pmg.Domain.Regions;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Validation;
using Pmg.Portal.Pages;
using Pmg.Portal.Regions;
using Pmg.Portal.Routing;
using Pmg.Portal.Uploads;

namespace Pmg.Portal.Api;

/// <summary>
/// The JSON API under <c>/api</c> (documented in <c>src/Pmg.Portal/README.md</c>): the same shapes as
/// <c>pmg validate --json</c> and <c>pmg status --json</c>, the same region checks as the pages.
/// </summary>
public sealed class PortalApi(RegionScope scope, RegionData data, FormUploader uploader, IAntiforgery antiforgery, IOptions<PortalOptions> options)
{
    /// <summary>The address of one upload's state.</summary>
    public static string SubmissionApiUrl(Region region, string service, int year, string submissionId)
    {
        ArgumentNullException.ThrowIfNull(region);
        return string.Create(CultureInfo.InvariantCulture, $"/api/regions/{region.Code}/submissions/{submissionId}?service={Uri.EscapeDataString(service)}&year={year}");
    }

    /// <summary>GET /api/me.</summary>
    public Task<IResult> MeAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.RequiredUser;
        var me = new MeJson(
            user.Id,
            user.Name,
            user.Email,
            user.Roles.Order(StringComparer.Ordinal).ToList(),
            user.VisibleRegions.Select(r => new RegionJson(r.Code, r.Name)).ToList(),
            options.Value.LocalMode);
        return Task.FromResult(Results.Json(me, PortalJsonContext.Api.MeJson));
    }

    /// <summary>GET /api/antiforgery: a token (and its cookie) for the state-changing API calls.</summary>
    public Task<IResult> AntiforgeryAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tokens = antiforgery.GetAndStoreTokens(request.Http);
        return Task.FromResult(Results.Json(new AntiforgeryJson(tokens.HeaderName!, tokens.FormFieldName, tokens.RequestToken!), PortalJsonContext.Api.AntiforgeryJson));
    }

    /// <summary>POST /api/regions/{region}/validate?service=&amp;year= (multipart <c>file</c>): what <c>pmg validate --json</c> says; nothing is stored.</summary>
    public async Task<IResult> ValidateAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (target, failure) = Target(request, upload: true);
        if (target is null)
        {
            return failure!;
        }

        if (await FileAsync(request).ConfigureAwait(false) is not { } file)
        {
            return NoFile();
        }

        var stream = file.OpenReadStream();
        await using (stream.ConfigureAwait(false))
        {
            var evaluated = await uploader.ValidateAsync(target, file.FileName, stream, file.Length, request.Aborted).ConfigureAwait(false);
            return Results.Json(FormValidation.Describe(evaluated), PortalJsonContext.Api.ValidateFileJson);
        }
    }

    /// <summary>
    /// POST /api/regions/{region}/forms?service=&amp;year= (multipart <c>file</c>): 201 with the submission id the pipeline
    /// will record, or 422 with the refusal; the validation either way.
    /// </summary>
    public async Task<IResult> UploadAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (target, failure) = Target(request, upload: true);
        if (target is null)
        {
            return failure!;
        }

        if (await FileAsync(request).ConfigureAwait(false) is not { } file)
        {
            return NoFile();
        }

        var stream = file.OpenReadStream();
        UploadOutcome outcome;
        await using (stream.ConfigureAwait(false))
        {
            outcome = await uploader.UploadAsync(target, file.FileName, stream, file.Length, request.RequiredUser.Id, request.Aborted).ConfigureAwait(false);
        }

        var validation = FormValidation.Describe(outcome.Validation);
        if (outcome.Stored is not { } stored)
        {
            return Results.Json(
                new UploadJson("refused", null, null, false, "El archivo fue rechazado y no se guardó.", validation),
                PortalJsonContext.Api.UploadJson,
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var location = SubmissionApiUrl(target.Region, target.Service, target.Year, stored.SubmissionId);
        request.Http.Response.Headers.Location = location;
        return Results.Json(
            new UploadJson("stored", stored.SubmissionId, stored.BlobName, stored.Replaced, null, validation),
            PortalJsonContext.Api.UploadJson,
            statusCode: StatusCodes.Status201Created);
    }

    /// <summary>GET /api/regions/{region}/submissions?service=&amp;year=: the region's uploads, newest first, current marked.</summary>
    public async Task<IResult> HistoryAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (target, failure) = Target(request, upload: false);
        if (target is null)
        {
            return failure!;
        }

        var history = await data.HistoryAsync(target.Service, target.Year, target.Region, request.Aborted).ConfigureAwait(false);
        return Results.Json(history, PortalJsonContext.Api.HistoryJson);
    }

    /// <summary>GET /api/regions/{region}/submissions/{id}?service=&amp;year=: "pending" until the pipeline recorded it, then the record.</summary>
    public async Task<IResult> SubmissionAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (target, failure) = Target(request, upload: false);
        if (target is null)
        {
            return failure!;
        }

        var id = request.Route("submission").ToLowerInvariant();
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return PortalResponses.Error(StatusCodes.Status404NotFound, "not_found", "Ese envío no existe.");
        }

        var state = await data.SubmissionAsync(target.Service, target.Year, target.Region, id, request.Aborted).ConfigureAwait(false);
        return state is null
            ? PortalResponses.Error(StatusCodes.Status404NotFound, "not_found", "Ese envío no existe.")
            : Results.Json(state, PortalJsonContext.Api.SubmissionStateJson);
    }

    private (UploadTarget? Target, IResult? Failure) Target(PortalRequest request, bool upload)
    {
        var check = scope.Check(request, upload);
        if (check.Failure == RegionCheckFailure.NotFound)
        {
            return (null, PortalResponses.Error(StatusCodes.Status404NotFound, "not_found", "No existe esa región."));
        }

        if (check.Failure == RegionCheckFailure.Forbidden)
        {
            return (null, PortalResponses.Error(StatusCodes.Status403Forbidden, "forbidden", $"Su cuenta no tiene acceso a {check.Region!.Name} ({check.Region.Code})."));
        }

        var region = check.Region!;
        var service = scope.Service(request.Query("service"));
        var year = RegionScope.Year(request.Query("year"), region);
        if (service is null || year is null)
        {
            return (null, PortalResponses.Error(StatusCodes.Status400BadRequest, "bad_request", "Indique ?service= (un servicio configurado) y ?year= (cuatro dígitos, un año en que la región existía)."));
        }

        return (new UploadTarget(service, year.Value, region, request.RequiredUser.Email), null);
    }

    private static async Task<IFormFile?> FileAsync(PortalRequest request)
    {
        if (!request.Http.Request.HasFormContentType)
        {
            return null;
        }

        var form = await request.Http.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false);
        return form.Files.GetFile("file") is { Length: > 0 } file ? file : null;
    }

    private static IResult NoFile() =>
        PortalResponses.Error(StatusCodes.Status400BadRequest, "no_file", "Envíe el formulario como multipart/form-data en el campo «file».");
}
