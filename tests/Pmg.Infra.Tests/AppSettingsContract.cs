namespace Pmg.Infra.Tests;

/// <summary>
/// The application settings the Pmg Functions app reads, in one place: the names local.settings.sample.json uses and
/// the names the Bicep templates set in Azure. Compare the Functions app's options classes against these.
/// </summary>
public static class AppSettingsContract
{
    /// <summary>Settings in local.settings.sample.json, as listed in the shared API contract (notes/api.md).</summary>
    public static IReadOnlySet<string> LocalSettingNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AzureWebJobsStorage",
        "FUNCTIONS_WORKER_RUNTIME",
        "PmgStorage",
        "Pmg__Services",
        "Pmg__ExpectedRegions",
        "Pmg__ClosingMonthDay",
        "Pmg__RecalculationSchedule",
        "Pmg__ReminderInterval",
        "SendGrid__ApiKey",
        "SendGrid__FromEmail",
        "SendGrid__FromName",
        "Notifications__PickupDirectory",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    };

    /// <summary>
    /// Connections that are a connection string locally and identity-based in Azure, with the settings that replace
    /// each one (the Functions host and Microsoft.Extensions.Azure read the `__` sub-keys).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> IdentityBasedConnections { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] =
            [
                "AzureWebJobsStorage__accountName",
                "AzureWebJobsStorage__credential",
                "AzureWebJobsStorage__clientId",
            ],
            ["PmgStorage"] =
            [
                "PmgStorage__blobServiceUri",
                "PmgStorage__queueServiceUri",
                "PmgStorage__tableServiceUri",
                "PmgStorage__credential",
                "PmgStorage__clientId",
            ],
        };

    /// <summary>
    /// Settings Flex Consumption takes from the site's functionAppConfig instead of app settings (it rejects them as
    /// app settings): FUNCTIONS_WORKER_RUNTIME is functionAppConfig.runtime.name.
    /// </summary>
    public static IReadOnlySet<string> CarriedByFunctionAppConfig { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "FUNCTIONS_WORKER_RUNTIME" };

    /// <summary>
    /// Settings that exist only in Azure: telemetry is sent with the app's identity, not a key; the portal's address
    /// (used in e-mails) is the function app's https address or its custom domain.
    /// </summary>
    public static IReadOnlySet<string> AzureOnlySettingNames { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Pmg__Portal__PublicUrl" };

    /// <summary>
    /// Settings that must never reach Azure: the portal's local mode lets a developer act as any role, so in Azure
    /// it stays unset (and the app refuses to start with it on when WEBSITE_SITE_NAME is set).
    /// </summary>
    public static IReadOnlySet<string> LocalOnlySettingNames { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "Pmg__Portal__LocalMode" };

    /// <summary>The exact set of app settings the Bicep templates must give the function app.</summary>
    public static IReadOnlySet<string> AzureSettingNames { get; } = BuildAzureSettingNames();

    private static HashSet<string> BuildAzureSettingNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in LocalSettingNames)
        {
            if (IdentityBasedConnections.TryGetValue(name, out var replacements))
            {
                names.UnionWith(replacements);
            }
            else if (!CarriedByFunctionAppConfig.Contains(name) && !LocalOnlySettingNames.Contains(name))
            {
                names.Add(name);
            }
        }

        names.UnionWith(AzureOnlySettingNames);
        return names;
    }
}
