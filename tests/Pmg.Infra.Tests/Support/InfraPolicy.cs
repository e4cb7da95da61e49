using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pmg.Infra.Tests.Support;

/// <summary>
/// The security and durability rules the compiled infrastructure must keep. Each broken rule is one message; an
/// empty list means the template passes. Tests run it on infra/ and on deliberately weakened copies of it.
/// </summary>
public static partial class InfraPolicy
{
    /// <summary>Every rule the template breaks.</summary>
    public static IReadOnlyList<string> Violations(ArmTemplate template)
    {
        var violations = new List<string>();
        CheckStorage(template, violations);
        CheckMonitoringAndVault(template, violations);
        CheckFunctionApp(template, violations);
        CheckRoleAssignments(template, violations);
        CheckOutputs(template, violations);
        CheckAlerts(template, violations);
        CheckAuthentication(template, violations);

        var text = template.Root.ToJsonString();
        if (ListFunction().IsMatch(text))
        {
            violations.Add("The template calls a list* function (account keys or secrets) instead of using identities.");
        }

        return violations;
    }

    private static void CheckStorage(ArmTemplate template, List<string> violations)
    {
        foreach (var storage in template.OfType("Microsoft.Storage/storageAccounts"))
        {
            Require(storage, ["properties", "allowSharedKeyAccess"], false, "Storage account allows shared key access.", violations);
            Require(storage, ["properties", "minimumTlsVersion"], "TLS1_2", "Storage account accepts TLS below 1.2.", violations);
            Require(storage, ["properties", "allowBlobPublicAccess"], false, "Storage account allows public blob access.", violations);
            Require(storage, ["properties", "supportsHttpsTrafficOnly"], true, "Storage account accepts plain HTTP.", violations);
        }

        var blobServices = template.OfType("Microsoft.Storage/storageAccounts/blobServices");
        if (blobServices.Count == 0)
        {
            violations.Add("No blob service settings: versioning and soft delete are off.");
        }

        foreach (var blobService in blobServices)
        {
            Require(blobService, ["properties", "isVersioningEnabled"], true, "Blob versioning is off.", violations);
            Require(blobService, ["properties", "deleteRetentionPolicy", "enabled"], true, "Blob soft delete is off.", violations);
            Require(blobService, ["properties", "containerDeleteRetentionPolicy", "enabled"], true, "Container soft delete is off.", violations);
        }
    }

    private static void CheckMonitoringAndVault(ArmTemplate template, List<string> violations)
    {
        foreach (var component in template.OfType("Microsoft.Insights/components"))
        {
            Require(component, ["properties", "DisableLocalAuth"], true, "Application Insights accepts instrumentation-key (local) auth.", violations);
        }

        foreach (var vault in template.OfType("Microsoft.KeyVault/vaults"))
        {
            Require(vault, ["properties", "enableRbacAuthorization"], true, "Key Vault uses access policies instead of RBAC.", violations);
            Require(vault, ["properties", "enableSoftDelete"], true, "Key Vault soft delete is off.", violations);
            Require(vault, ["properties", "enablePurgeProtection"], true, "Key Vault purge protection is off.", violations);
        }
    }

    private static void CheckFunctionApp(ArmTemplate template, List<string> violations)
    {
        foreach (var site in template.OfType("Microsoft.Web/sites"))
        {
            Require(site, ["properties", "httpsOnly"], true, "Function app accepts plain HTTP.", violations);
            if (site.Resolved("properties", "keyVaultReferenceIdentity") is null)
            {
                violations.Add("Function app resolves Key Vault references without its user-assigned identity.");
            }
        }

        var settings = AppSettings(template);
        if (settings.ContainsKey("AzureWebJobsStorage"))
        {
            violations.Add("AzureWebJobsStorage is a connection string; use AzureWebJobsStorage__accountName and the identity.");
        }

        if (settings.ContainsKey("PmgStorage"))
        {
            violations.Add("PmgStorage is a connection string; use the PmgStorage__*ServiceUri settings and the identity.");
        }

        foreach (var (name, value) in settings)
        {
            var text = value?.ToJsonString() ?? "";
            if (text.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
                || text.Contains("InstrumentationKey=", StringComparison.Ordinal) && name != "APPLICATIONINSIGHTS_CONNECTION_STRING")
            {
                violations.Add($"App setting {name} carries a key.");
            }

            if (SecretName().IsMatch(name) && !text.Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal))
            {
                violations.Add($"App setting {name} is a plain secret, not a Key Vault reference.");
            }
        }
    }

    /// <summary>
    /// The failures ops must hear about (issue 10): each needs an enabled alert rule on that signal, with that
    /// condition, that e-mails the ops action group.
    /// </summary>
    public static IReadOnlyList<RequiredAlert> RequiredAlerts { get; } =
    [
        new("forms or e-mails that went to a poison queue", "GreaterThan", 0,
            rule => rule.IsLogAlert && rule.Signal.Contains("\"FormPoisoned\"", StringComparison.Ordinal) && rule.Signal.Contains("\"NotificationPoisoned\"", StringComparison.Ordinal)),
        new("poison queue length", "GreaterThan", 0,
            rule => rule.IsLogAlert && rule.Signal.Contains("\"PoisonQueueLength\"", StringComparison.Ordinal)),
        new("Event Grid dead-lettered events", "GreaterThan", 0,
            rule => rule.Signal == "Microsoft.EventGrid/systemTopics/DeadLetteredCount"),
        new("Event Grid dropped events", "GreaterThan", 0,
            rule => rule.Signal == "Microsoft.EventGrid/systemTopics/DroppedEventCount"),
        new("Event Grid delivery failures", "GreaterThan", 0,
            rule => rule.Signal == "Microsoft.EventGrid/systemTopics/DeliveryAttemptFailCount"),
        new("function failures", "GreaterThan", 0,
            rule => rule.IsLogAlert && rule.Signal.Contains("requests", StringComparison.Ordinal) && rule.Signal.Contains("success == false", StringComparison.Ordinal)),
        new("the recalculation not having run for two schedule periods", "LessThan", 1,
            rule => rule.IsLogAlert && rule.Signal.Contains("\"RecalculateCompliance\"", StringComparison.Ordinal)),
        new("e-mails recorded as failed", "GreaterThan", 0,
            rule => rule.IsLogAlert && rule.Signal.Contains("\"NotificationFailed\"", StringComparison.Ordinal)),
        new("the Log Analytics daily cap", "GreaterThan", 0,
            rule => rule.IsLogAlert && rule.Signal.Contains("OverQuota", StringComparison.Ordinal)),
    ];

    private static void CheckAlerts(ArmTemplate template, List<string> violations)
    {
        var opsGroups = template.OfType("Microsoft.Insights/actionGroups")
            .Where(group => AlertRule.Instances(group).All(json =>
                json["properties"]?["enabled"]?.GetValue<bool>() == true
                && json["properties"]?["emailReceivers"] is JsonArray receivers
                && receivers.Any(receiver => !string.IsNullOrWhiteSpace(receiver?["emailAddress"]?.GetValue<string>()))))
            .Select(AlertRule.ActionGroupId)
            .ToHashSet(StringComparer.Ordinal);
        if (opsGroups.Count == 0)
        {
            violations.Add("No enabled action group e-mails ops: every alert would go to nobody.");
        }

        var rules = AlertRule.All(template);
        foreach (var required in RequiredAlerts)
        {
            var matching = rules.Where(required.Matches).ToList();
            if (matching.Count == 0)
            {
                violations.Add($"No alert rule on {required.Signal}.");
            }

            foreach (var rule in matching)
            {
                if (!rule.Enabled)
                {
                    violations.Add($"The alert on {required.Signal} ({rule.Name}) is disabled.");
                }

                if (rule.Operator != required.Operator || rule.Threshold != required.Threshold)
                {
                    violations.Add($"The alert on {required.Signal} ({rule.Name}) fires when {rule.Operator} {rule.Threshold}, not {required.Operator} {required.Threshold}.");
                }

                if (!rule.ActionGroups.Any(opsGroups.Contains))
                {
                    violations.Add($"The alert on {required.Signal} ({rule.Name}) does not notify the ops action group.");
                }
            }
        }
    }

    /// <summary>Paths that may bypass sign-in: Event Grid calls the blobs extension webhook with a system key.</summary>
    public static IReadOnlySet<string> KeyAuthenticatedPaths { get; } = new HashSet<string>(StringComparer.Ordinal) { "/runtime/webhooks/blobs" };

    private static void CheckAuthentication(ArmTemplate template, List<string> violations)
    {
        var authentications = template.OfType("Microsoft.Web/sites/config")
            .Where(config => ArmExpression.Text(config.Json["name"], config.Scope).EndsWith("/authsettingsV2", StringComparison.Ordinal))
            .ToList();
        if (template.OfType("Microsoft.Web/sites").Count > 0 && authentications.Count == 0)
        {
            violations.Add("Function app has no App Service Authentication (authsettingsV2): the portal would be anonymous.");
        }

        foreach (var authentication in authentications)
        {
            if (authentication.Json.ToJsonString().Contains("AllowAnonymous", StringComparison.Ordinal))
            {
                violations.Add("App Service Authentication can let unauthenticated requests through (AllowAnonymous).");
            }

            var settings = ArmExpression.Evaluate(authentication.Json["properties"], authentication.Scope)!;
            if (settings["platform"]?["enabled"]?.GetValue<bool>() != true)
            {
                violations.Add("App Service Authentication is not enabled.");
            }

            if (settings["globalValidation"]?["requireAuthentication"]?.GetValue<bool>() != true)
            {
                violations.Add("App Service Authentication does not require authentication.");
            }

            var action = settings["globalValidation"]?["unauthenticatedClientAction"]?.GetValue<string>();
            if (action is not ("RedirectToLoginPage" or "Return401" or "Return403"))
            {
                violations.Add($"App Service Authentication answers unauthenticated requests with {action ?? "nothing"}.");
            }

            foreach (var path in settings["globalValidation"]?["excludedPaths"]?.AsArray().Select(node => node!.GetValue<string>()) ?? [])
            {
                if (!KeyAuthenticatedPaths.Contains(path))
                {
                    violations.Add($"App Service Authentication lets anonymous requests reach {path}.");
                }
            }

            if (settings["httpSettings"]?["requireHttps"]?.GetValue<bool>() != true)
            {
                violations.Add("App Service Authentication accepts sign-ins over plain HTTP.");
            }
        }

        foreach (var name in AppSettings(template).Keys.Where(name => name.Contains("LocalMode", StringComparison.OrdinalIgnoreCase)))
        {
            violations.Add($"App setting {name} can switch on the portal's local mode (act as any role) in Azure.");
        }
    }

    private static void CheckRoleAssignments(ArmTemplate template, List<string> violations)
    {
        foreach (var assignment in template.OfType("Microsoft.Authorization/roleAssignments"))
        {
            if (!assignment.Name.StartsWith("[guid(", StringComparison.Ordinal))
            {
                violations.Add($"Role assignment {assignment.Path} is not named with guid(scope, principal, role).");
            }
        }
    }

    private static void CheckOutputs(ArmTemplate template, List<string> violations)
    {
        foreach (var (name, output, scope) in template.Outputs())
        {
            var type = output["type"]?.GetValue<string>() ?? "";
            var value = output["value"]?.ToJsonString() ?? "";
            var secureReference = ParameterReference().Matches(value)
                .Any(match => scope.IsSecureParameter(match.Groups[1].Value));
            if (type.StartsWith("secure", StringComparison.OrdinalIgnoreCase) || secureReference || ListFunction().IsMatch(value))
            {
                violations.Add($"Output {name} exposes a secret.");
            }
        }
    }

    /// <summary>The app settings main.bicep hands the function app module, by name (values unresolved).</summary>
    public static IReadOnlyDictionary<string, JsonNode?> AppSettings(ArmTemplate template)
    {
        var functionApp = template.Module("functionApp");
        var settings = functionApp.Resolved("properties", "parameters", "appSettings", "value") as JsonObject
            ?? throw new InvalidOperationException("The functionApp module gets no appSettings object.");
        return settings.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    private static void Require(ArmResource resource, string[] path, object expected, string violation, List<string> violations)
    {
        var actual = resource.Resolved(path);
        var matches = expected switch
        {
            bool flag => actual is JsonValue value && value.TryGetValue<bool>(out var found) && found == flag,
            string text => actual is JsonValue value && value.TryGetValue<string>(out var found) && found == text,
            _ => false,
        };
        if (!matches)
        {
            violations.Add($"{violation} ({resource.Path}: {string.Join('.', path)} = {actual?.ToJsonString() ?? "missing"})");
        }
    }

    [GeneratedRegex(@"\blist(Keys|Secrets|ConnectionStrings|AccountSas|ServiceSas|Credentials?)\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();

    [GeneratedRegex(@"parameters\('(\w+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"(ApiKey|Secret|Password|AccessKey)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}

/// <summary>An alert the infrastructure must have: what it watches, when it fires, and how to recognise its rule.</summary>
public sealed record RequiredAlert(string Signal, string Operator, double Threshold, Func<AlertRule, bool> Matches);
