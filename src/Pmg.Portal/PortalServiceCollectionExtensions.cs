using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pmg.Portal.Api;
using Pmg.Portal.Assets;
using Pmg.Portal.Coordination;
using Pmg.Portal.Pages;
using Pmg.Portal.Regions;
using Pmg.Portal.Routing;
using Pmg.Portal.Security;
using Pmg.Portal.Uploads;
using Pmg.Storage;

namespace Pmg.Portal;

/// <summary>Registers the portal: its options, handlers, page renderer, antiforgery and sign-in.</summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>The header API clients send the antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-Pmg-Antiforgery";

    /// <summary>
    /// Adds <see cref="PortalApplication"/> (the request delegate both hosts serve) and what it needs: options
    /// <c>Pmg:Portal</c> validated at start-up (local mode refused in Azure), antiforgery with its data-protection keys in
    /// the storage account, the access lookup cache. Needs the pipeline's stores and the form reader registered too
    /// (<c>AddPmgStorage</c>, <c>AddPmgComplianceStorage</c>, <c>AddPmgForms</c>) and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddPmgPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();

        // One key ring for every instance and both hosts, so a token issued by one is accepted by another.
        services.AddDataProtection().SetApplicationName("Pmg.Portal");
        services.AddOptions<KeyManagementOptions>().Configure<StorageLayout>((keys, layout) =>
            keys.XmlRepository = new BlobKeyRepository(layout.PortalKeys.GetBlobClient("keys.xml")));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "pmg-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__pmg_antiforgery";
            antiforgery.HeaderName = AntiforgeryHeader;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });

        // Pages are Spanish: write á, ñ, « » as themselves, not as numeric entities (HtmlRenderer takes the encoder from DI).
        services.TryAddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.TryAddSingleton<AssetCatalog>();
        services.TryAddSingleton<PageRenderer>();
        services.TryAddSingleton<PortalResponses>();
        services.TryAddSingleton<PortalUserResolver>();
        services.TryAddSingleton<RegionScope>();
        services.TryAddSingleton<RegionData>();
        services.TryAddSingleton<FormUploader>();
        services.TryAddSingleton<HomePages>();
        services.TryAddSingleton<RegionPages>();
        services.TryAddSingleton<BlankFormPages>();
        services.TryAddSingleton<ReportPages>();
        services.TryAddSingleton<AtRiskQueries>();
        services.TryAddSingleton<AtRiskPages>();
        services.TryAddSingleton<DashboardPages>();
        services.TryAddSingleton<LocalModePages>();
        services.TryAddSingleton<PortalApi>();
        services.TryAddSingleton<PortalRoutes>();
        services.TryAddSingleton<PortalApplication>();
        return services;
    }
}
