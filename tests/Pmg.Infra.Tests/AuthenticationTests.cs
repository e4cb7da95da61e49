using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>
/// Nobody reaches the portal anonymously in Azure (issue 12): App Service Authentication with Microsoft Entra ID on
/// the function app, its app registration's roles, the portal's settings, and the portal's local mode never set.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class AuthenticationTests(CompiledInfraFixture infra)
{
    private const string ClientId = "0d1e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f60";

    private static readonly string InfraDirectory = Path.Combine(BicepCli.RepositoryRoot, "infra");

    [Fact]
    public void Authentication_WithoutAppRegistration_RequiresSignInAndAnswers401()
    {
        var settings = AuthSettings(infra.Template);

        Assert.True(settings["platform"]!["enabled"]!.GetValue<bool>());
        Assert.True(settings["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("Return401", settings["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
        Assert.False(settings["identityProviders"]!["azureActiveDirectory"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Authentication_WithAppRegistration_SendsBrowsersToTheEntraSignIn()
    {
        var settings = AuthSettings(WithParameterDefault("authClientId", ClientId));
        var entra = settings["identityProviders"]!["azureActiveDirectory"]!;

        Assert.True(settings["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("RedirectToLoginPage", settings["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
        Assert.Equal("azureactivedirectory", settings["globalValidation"]!["redirectToProvider"]!.GetValue<string>());
        Assert.True(entra["enabled"]!.GetValue<bool>());
        Assert.Equal(ClientId, entra["registration"]!["clientId"]!.GetValue<string>());
        Assert.Equal([ClientId], entra["validation"]!["defaultAuthorizationPolicy"]!["allowedApplications"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal([$"api://{ClientId}"], entra["validation"]!["allowedAudiences"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public void Authentication_Issuer_IsTheTenantsV2EndpointInThisCloud()
    {
        var authentication = Authentication(infra.Template);

        Assert.Equal(
            "[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('tenantId'))]",
            authentication.Json["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["openIdIssuer"]!.GetValue<string>());
        Assert.Equal("[tenant().tenantId]", infra.Template.Root["parameters"]!["authTenantId"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("[parameters('authTenantId')]", ModuleParameter("appAuthentication", "tenantId"));
        Assert.Equal("[parameters('authClientId')]", ModuleParameter("appAuthentication", "clientId"));
    }

    [Fact]
    public void Authentication_ExcludedPaths_OnlyTheWebhookEventGridCallsWithItsKey()
    {
        var settings = AuthSettings(infra.Template);
        var hook = File.ReadAllText(Path.Combine(InfraDirectory, "scripts", "subscribe-blob-events.sh"));

        var excluded = Assert.Single(settings["globalValidation"]!["excludedPaths"]!.AsArray())!.GetValue<string>();

        Assert.Equal("/runtime/webhooks/blobs", excluded);
        Assert.Contains($"https://${{host}}{excluded}?functionName=", hook, StringComparison.Ordinal);
    }

    [Fact]
    public void Authentication_Session_HttpsOnlyWithoutTokenStore()
    {
        var settings = AuthSettings(infra.Template);

        Assert.True(settings["httpSettings"]!["requireHttps"]!.GetValue<bool>());
        Assert.False(settings["login"]!["tokenStore"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("08:00:00", settings["login"]!["cookieExpiration"]!["timeToExpiration"]!.GetValue<string>());
    }

    [Fact]
    public void Authentication_Site_IsTheFunctionApp()
    {
        var authentication = Authentication(infra.Template);

        Assert.Equal("[format('{0}/{1}', parameters('appName'), 'authsettingsV2')]", authentication.Name);
        Assert.Equal("[reference('functionApp').outputs.name.value]", ModuleParameter("appAuthentication", "appName"));
    }

    [Fact]
    public void PortalPublicUrl_Default_IsTheFunctionAppsHttpsAddress()
    {
        var main = infra.Template.Module("functionApp").Scope;
        var setting = InfraPolicy.AppSettings(infra.Template)["Pmg__Portal__PublicUrl"];

        Assert.Equal("[if(empty(parameters('portalPublicUrl')), variables('functionAppUrl'), parameters('portalPublicUrl'))]", setting!.GetValue<string>());
        Assert.Equal("[format('https://{0}.azurewebsites.net', variables('functionAppName'))]", infra.Template.Root["variables"]!["functionAppUrl"]!.GetValue<string>());
        Assert.Equal("[variables('functionAppName')]", ModuleParameter("functionApp", "appName"));
        Assert.StartsWith("https://func-pmg-", ArmExpression.Text(setting, main), StringComparison.Ordinal);
        // <name>.azurewebsites.net holds only while the app does not ask for a generated (unique) host name.
        Assert.Null(infra.Template.Single("Microsoft.Web/sites").Json["properties"]!["autoGeneratedDomainNameLabelScope"]);
        Assert.Equal(setting.GetValue<string>(), infra.Template.Root["outputs"]!["PMG_PORTAL_PUBLIC_URL"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void LocalMode_InfraSources_NeverMentionIt()
    {
        var files = Directory.EnumerateFiles(InfraDirectory, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetExtension(file) is ".bicep" or ".bicepparam" or ".json" or ".kql" or ".sh" or ".ps1")
            .Append(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml"))
            .ToList();

        Assert.Contains(files, file => file.EndsWith("main.bicepparam", StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => LocalMode().IsMatch(File.ReadAllText(file)));
        Assert.DoesNotMatch(LocalMode(), infra.Template.Root.ToJsonString());
        Assert.Contains("Pmg__Portal__LocalMode", AppSettingsContract.LocalOnlySettingNames);
        Assert.DoesNotContain("Pmg__Portal__LocalMode", AppSettingsContract.AzureSettingNames);
    }

    [Fact]
    public void AppRoles_RegistrationFile_DefinesCoordinatorAndUploaderWithFixedIds()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraDirectory, "scripts", "portal-app-roles.json")))!.AsArray();

        Assert.Equal(["Pmg.Coordinator", "Pmg.Uploader"], roles.Select(role => role!["value"]!.GetValue<string>()));
        Assert.All(roles, role =>
        {
            Assert.True(Guid.TryParse(role!["id"]!.GetValue<string>(), out _));
            Assert.True(role["isEnabled"]!.GetValue<bool>());
            Assert.Equal(["User"], role["allowedMemberTypes"]!.AsArray().Select(type => type!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(role["displayName"]!.GetValue<string>()));
        });
        Assert.Equal(2, roles.Select(role => role!["id"]!.GetValue<string>()).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void RegistrationScript_App_IsSecretlessAssignmentOnlyWithRolesAndCallback()
    {
        var script = File.ReadAllText(Path.Combine(InfraDirectory, "scripts", "register-portal-app.sh"));

        Assert.Contains("--app-roles \"@$roles_file\"", script, StringComparison.Ordinal);
        Assert.Contains("portal-app-roles.json", script, StringComparison.Ordinal);
        Assert.Contains("--enable-id-token-issuance true", script, StringComparison.Ordinal);
        Assert.Contains("--sign-in-audience AzureADMyOrg", script, StringComparison.Ordinal);
        Assert.Contains("--set groupMembershipClaims=ApplicationGroup", script, StringComparison.Ordinal);
        Assert.Contains("--set appRoleAssignmentRequired=true", script, StringComparison.Ordinal);
        Assert.Contains("/.auth/login/aad/callback", script, StringComparison.Ordinal);
        Assert.DoesNotContain("credential reset", script, StringComparison.Ordinal);
        Assert.Contains("PMG_AUTH_CLIENT_ID", File.ReadAllText(Path.Combine(InfraDirectory, "main.bicepparam")), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyScript_Checks_PagesApiForgedPrincipalAndWebhook()
    {
        var script = File.ReadAllText(Path.Combine(InfraDirectory, "scripts", "verify-portal-auth.sh"));

        Assert.Contains("check \"portal page without sign-in\" \"$url/\"", script, StringComparison.Ordinal);
        Assert.Contains("\"$url/api/status\"", script, StringComparison.Ordinal);
        Assert.Contains("--header \"X-MS-CLIENT-PRINCIPAL: $forged\"", script, StringComparison.Ordinal);
        Assert.Contains("\"$url/runtime/webhooks/blobs?functionName=Host.Functions.IngestForm\"", script, StringComparison.Ordinal);
        Assert.Equal("PMG_PORTAL_PUBLIC_URL", RequiredVariable().Match(script).Groups[1].Value);
        Assert.Contains("PMG_PORTAL_PUBLIC_URL", infra.Template.Root["outputs"]!.AsObject().Select(pair => pair.Key));
    }

    /// <summary>The expression main.bicep passes to a module parameter, unresolved.</summary>
    private string ModuleParameter(string module, string parameter) =>
        infra.Template.Module(module).Json["properties"]!["parameters"]![parameter]!["value"]!.GetValue<string>();

    private static ArmResource Authentication(ArmTemplate template) =>
        Assert.Single(template.OfType("Microsoft.Web/sites/config"), config => config.Path.StartsWith("appAuthentication/", StringComparison.Ordinal));

    private static JsonNode AuthSettings(ArmTemplate template)
    {
        var authentication = Authentication(template);
        return ArmExpression.Evaluate(authentication.Json["properties"], authentication.Scope)!;
    }

    private ArmTemplate WithParameterDefault(string parameter, string value)
    {
        var root = infra.Template.Root.DeepClone().AsObject();
        root["parameters"]![parameter]!["defaultValue"] = value;
        return ArmTemplate.Parse(root.ToJsonString());
    }

    [GeneratedRegex("LocalMode", RegexOptions.IgnoreCase)]
    private static partial Regex LocalMode();

    [GeneratedRegex(@"\$\{(\w+):\?")]
    private static partial Regex RequiredVariable();
}
