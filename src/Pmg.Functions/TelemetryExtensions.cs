using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pmg.Functions;

/// <summary>Application Insights for the isolated worker.</summary>
public static class TelemetryExtensions
{
    /// <summary>The setting that says how to authenticate to Application Insights ("Authorization=AAD;ClientId=…").</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The log categories of the Azure SDK clients (one Information entry per storage request).</summary>
    public const string AzureSdkCategory = "Azure";

    /// <summary>
    /// Sends the worker's telemetry and logs to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING).
    /// host.json's "logLevel" reaches only the Functions host, not this isolated worker: the worker's levels are set
    /// here. The SDK adds a rule that keeps only warnings; it is removed so the pipeline's Information logs (an upload
    /// accepted, a recalculation) are sent, and the Azure SDK's per-request logs ("Azure.*") are kept at Warning.
    /// </summary>
    public static IServiceCollection AddPmgTelemetry(this IServiceCollection services)
    {
        services
            // No adaptive sampling: a sampled-out trace never reaches an alert (docs/operations.md), and Pmg logs little.
            .AddApplicationInsightsTelemetryWorkerService(options => options.EnableAdaptiveSampling = false)
            .ConfigureFunctionsApplicationInsights();

        // The resource has local (key) authentication off, so the worker must send with its managed identity. The
        // Functions host reads APPLICATIONINSIGHTS_AUTHENTICATION_STRING itself; the worker's SDK does not, so the
        // same setting is applied here.
        services.AddOptions<TelemetryConfiguration>().Configure<IConfiguration>((telemetry, configuration) =>
        {
            if (TryReadManagedIdentity(configuration[AuthenticationSetting], out var clientId))
            {
                telemetry.SetAzureTokenCredential(clientId is null
                    ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                    : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)));
            }
        });

        services.Configure<LoggerFilterOptions>(options =>
        {
            var defaultRule = options.Rules.FirstOrDefault(rule =>
                rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (defaultRule is not null)
            {
                options.Rules.Remove(defaultRule);
            }

            options.AddFilter(AzureSdkCategory, LogLevel.Warning);
        });

        return services;
    }

    /// <summary>
    /// Reads "Authorization=AAD[;ClientId=…]": true when Entra authentication is asked for, with the user-assigned
    /// identity's client id if one is named (null means the system-assigned identity).
    /// </summary>
    public static bool TryReadManagedIdentity(string? authenticationString, out string? clientId)
    {
        clientId = null;
        var parts = (authenticationString ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        clientId = parts.TryGetValue("ClientId", out var id) && id.Length > 0 ? id : null;
        return true;
    }
}
