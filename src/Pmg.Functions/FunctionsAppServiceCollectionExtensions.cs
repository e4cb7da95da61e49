using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Hosting;
using Pmg.Portal;

namespace Pmg.Functions;

/// <summary>What Program.cs registers, in one call the composition tests make too.</summary>
public static class FunctionsAppServiceCollectionExtensions
{
    /// <summary>
    /// The composition root (<see cref="PmgApplicationServiceCollectionExtensions.AddPmgApplication"/>), the portal, the check that
    /// the host's trigger settings name this instance's queues and container, and Application Insights.
    /// </summary>
    public static IServiceCollection AddPmgFunctionsApp(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddPmgApplication(configuration)
            .AddPmgPortal()
            .AddPmgTriggerSettingsCheck()
            .AddPmgTelemetry();
}
