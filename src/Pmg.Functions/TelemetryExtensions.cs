using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pmg.Functions;

/// <summary>Application Insights for the isolated worker.</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Sends the worker's telemetry and logs to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING). The
    /// SDK adds a rule that keeps only warnings; it is removed so host.json's "logLevel" decides, as it does for the host.
    /// </summary>
    public static IServiceCollection AddPmgTelemetry(this IServiceCollection services)
    {
        services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();

        services.Configure<LoggerFilterOptions>(options =>
        {
            var defaultRule = options.Rules.FirstOrDefault(rule =>
                rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (defaultRule is not null)
            {
                options.Rules.Remove(defaultRule);
            }
        });

        return services;
    }
}
