using System.Globalization;

namespace Pmg.Pipeline.Notifications;

/// <summary>
/// The portal's address as e-mails need it: setting <c>Pmg:Portal:PublicUrl</c>, which the portal's own options
/// validate (an absolute http(s) address or empty). Bound here too because the pipeline does not reference the portal.
/// </summary>
public sealed class PortalLinkOptions
{
    /// <summary>The configuration section (the portal's).</summary>
    public const string SectionName = "Pmg:Portal";

    /// <summary>The portal's public address; empty = e-mails carry no links.</summary>
    public string PublicUrl { get; set; } = "";
}

/// <summary>
/// Links into the portal for e-mails: the paths of the portal's route table (<c>src/Pmg.Portal/Routing/PortalRoutes.cs</c>;
/// <c>tests/Pmg.Portal.Tests</c> checks they agree). Null when no public address is configured.
/// </summary>
public sealed class PortalLinks
{
    private readonly string _root;

    private PortalLinks(string root) => _root = root.TrimEnd('/');

    /// <summary>The links over <paramref name="publicUrl"/>; null when it is empty or not an absolute http(s) address.</summary>
    public static PortalLinks? For(string? publicUrl) =>
        Uri.TryCreate(publicUrl?.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? new PortalLinks(url.AbsoluteUri)
            : null;

    /// <summary>The portal's first page.</summary>
    public string Home => _root + "/";

    /// <summary><c>/regiones/{region}?servicio=&amp;anio=</c>: the region's page (upload, history).</summary>
    public string Region(string regionCode, string service, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{_root}/regiones/{Uri.EscapeDataString(regionCode)}?servicio={Uri.EscapeDataString(service)}&anio={year}");

    /// <summary><c>/regiones/{region}/envios/{id}?servicio=&amp;anio=&amp;archivo=</c>: one upload's validation and outcome.</summary>
    public string Submission(string regionCode, string submissionId, string service, int year, string file) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{_root}/regiones/{Uri.EscapeDataString(regionCode)}/envios/{Uri.EscapeDataString(submissionId)}?servicio={Uri.EscapeDataString(service)}&anio={year}&archivo={Uri.EscapeDataString(file)}");

    /// <summary><c>/regiones/{region}/formulario?servicio=&amp;anio=&amp;formato=docx|xlsx</c>: the region's blank form.</summary>
    public string BlankForm(string regionCode, string service, int year, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{_root}/regiones/{Uri.EscapeDataString(regionCode)}/formulario?servicio={Uri.EscapeDataString(service)}&anio={year}&formato={format}");
}
