using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Pipeline;

namespace Pmg.Cli.Commands;

/// <summary>The services of <c>Pmg__Services</c>, as the storage commands check a <c>--service</c> against them.</summary>
internal static class KnownServices
{
    /// <summary>
    /// Why <paramref name="service"/> cannot be used («el servicio «X» no se conoce…»), or null when it is configured
    /// or no list is configured (then only the pipeline knows, and a workstation may read any service).
    /// </summary>
    public static string? Problem(IServiceProvider services, string? service)
    {
        var options = services.GetRequiredService<IOptions<PmgOptions>>().Value;
        return service is null || options.KnownServices.Count == 0 || options.FindService(service) is not null
            ? null
            : $"el servicio «{service}» no se conoce: los servicios configurados (Pmg__Services) son {string.Join(", ", options.KnownServices)}.";
    }

    /// <summary>The configured spelling of <paramref name="service"/> ("sernam" → "SERNAM"), or the service as given.</summary>
    public static string Spelling(IServiceProvider services, string service) =>
        services.GetRequiredService<IOptions<PmgOptions>>().Value.FindService(service) ?? service;
}
