using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Pmg.Portal.Api;
using Pmg.Portal.Coordination;
using Pmg.Portal.Pages;
using Pmg.Portal.Regions;

namespace Pmg.Portal.Routing;

/// <summary>
/// The portal's route table: every page and API route, in one place, served identically by both hosts (the Functions
/// app's catch-all HTTP function and the local host's Kestrel hand every request to <see cref="PortalApplication"/>).
/// Assets (<c>/assets/…</c>) are served before routing. Documented in <c>src/Pmg.Portal/README.md</c>.
/// </summary>
public sealed class PortalRoutes
{
    /// <summary>Builds the table from the handlers.</summary>
    public PortalRoutes(HomePages home, RegionPages regions, BlankFormPages blankForms, ReportPages reports, AtRiskPages atRisk, DashboardPages dashboard, LocalModePages local, PortalApi api, IOptions<PortalOptions> options)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(blankForms);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(atRisk);
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var upload = options.Value.MaxUploadBytes + UploadEnvelopeBytes;
        All =
        [
            // Pages (Spanish paths: they are what people see in the address bar).
            new("GET", "", RouteAudience.Page, home.HomeAsync),
            new("GET", "regiones/{region}", RouteAudience.Page, regions.RegionAsync),
            new("POST", "regiones/{region}/formularios", RouteAudience.Page, regions.UploadAsync) { MaxRequestBytes = upload },
            new("GET", "regiones/{region}/envios/{submission}", RouteAudience.Page, regions.SubmissionAsync),
            new("GET", "regiones/{region}/formulario", RouteAudience.Page, blankForms.DownloadAsync),
            new("GET", "coordinacion", RouteAudience.Page, dashboard.DashboardAsync),
            new("GET", "coordinacion/riesgo", RouteAudience.Page, atRisk.PageAsync),
            new("GET", "coordinacion/informes", RouteAudience.Page, reports.ListAsync),
            new("GET", "coordinacion/informes/{service}/{year}/{file}", RouteAudience.Page, reports.DownloadAsync),
            new("GET", "local", RouteAudience.Page, local.SignInPageAsync) { Anonymous = true },
            new("POST", "local", RouteAudience.Page, local.SignInAsync) { Anonymous = true, MaxRequestBytes = 16 * 1024 },

            // JSON API.
            new("GET", "api/me", RouteAudience.Api, api.MeAsync),
            new("GET", "api/antiforgery", RouteAudience.Api, api.AntiforgeryAsync),
            new("POST", "api/regions/{region}/validate", RouteAudience.Api, api.ValidateAsync) { MaxRequestBytes = upload },
            new("POST", "api/regions/{region}/forms", RouteAudience.Api, api.UploadAsync) { MaxRequestBytes = upload },
            new("GET", "api/regions/{region}/submissions", RouteAudience.Api, api.HistoryAsync),
            new("GET", "api/regions/{region}/submissions/{submission}", RouteAudience.Api, api.SubmissionAsync),
            new("GET", "api/status", RouteAudience.Api, dashboard.ApiAsync),
            new("GET", "api/at-risk", RouteAudience.Api, atRisk.ApiAsync),
        ];
    }

    /// <summary>Room for the multipart envelope and the form's other fields around the file itself.</summary>
    public const long UploadEnvelopeBytes = 64 * 1024;

    /// <summary>Every route.</summary>
    public IReadOnlyList<PortalRoute> All { get; }

    /// <summary>The route for a method and path with its values; or null, telling whether the path exists for another method.</summary>
    public (PortalRoute? Route, RouteValueDictionary Values, bool PathExists) Match(string method, PathString path)
    {
        var pathExists = false;
        foreach (var route in All)
        {
            var values = new RouteValueDictionary();
            if (!route.Matcher.TryMatch(path, values))
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase)
                || (HttpMethods.IsHead(method) && route.Method == "GET"))
            {
                return (route, values, true);
            }

            pathExists = true;
        }

        return (null, new RouteValueDictionary(), pathExists);
    }
}
