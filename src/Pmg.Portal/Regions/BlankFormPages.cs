using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pmg.Domain.Model;
using Pmg.Forms.Templates;
using Pmg.Portal.Pages;
using Pmg.Portal.Routing;

namespace Pmg.Portal.Regions;

/// <summary>The official blank form of a region, service and year, in Word or Excel, written by <c>pmg template</c>'s writer.</summary>
public sealed class BlankFormPages(FormTemplateWriter writer, RegionScope scope, PortalResponses responses)
{
    /// <summary>The download address.</summary>
    public static string Url(Domain.Regions.Region region, string service, int year, string format)
    {
        ArgumentNullException.ThrowIfNull(region);
        return string.Create(CultureInfo.InvariantCulture, $"/regiones/{region.Code}/formulario?servicio={Uri.EscapeDataString(service)}&anio={year}&formato={format}");
    }

    /// <summary>GET /regiones/{region}/formulario?servicio=&amp;anio=&amp;formato=docx|xlsx (anyone who may see the region).</summary>
    public async Task<IResult> DownloadAsync(PortalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = scope.Check(request, upload: false);
        if (check.Failure == RegionCheckFailure.NotFound)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "No existe esa región.").ConfigureAwait(false);
        }

        if (check.Failure == RegionCheckFailure.Forbidden)
        {
            return await responses.ForbiddenAsync(request, $"Su cuenta no tiene acceso a {check.Region!.Name}.").ConfigureAwait(false);
        }

        var region = check.Region!;
        var service = scope.Service(request.Query("servicio"));
        var year = RegionScope.Year(request.Query("anio"), region);
        var format = request.Query("formato") switch
        {
            "docx" => FormFormat.Word,
            "xlsx" => FormFormat.Excel,
            _ => FormFormat.Unknown,
        };
        if (service is null || year is null or < FormTemplateWriter.MinYear or > FormTemplateWriter.MaxYear || format == FormFormat.Unknown)
        {
            return await responses.NotFoundAsync(request.Http, RouteAudience.Page, "Indique un servicio configurado, un año válido y el formato (docx o xlsx).").ConfigureAwait(false);
        }

        var content = new MemoryStream();
        await writer.WriteAsync(service, year.Value, region, format, content, cancellationToken: request.Aborted).ConfigureAwait(false);
        content.Position = 0;
        var extension = format == FormFormat.Word ? "docx" : "xlsx";
        var contentType = format == FormFormat.Word
            ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return Results.File(content, contentType, string.Create(CultureInfo.InvariantCulture, $"formulario-{service}-{year.Value}-{region.Code}.{extension}"));
    }
}
