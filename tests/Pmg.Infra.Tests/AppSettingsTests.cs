using System.Text.Json.Nodes;
using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>The function app gets exactly the settings the code reads, identity-based and without plain secrets.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class AppSettingsTests(CompiledInfraFixture infra)
{
    private IReadOnlyDictionary<string, JsonNode?> Settings => InfraPolicy.AppSettings(infra.Template);

    [Fact]
    public void LocalSettingsSample_Names_AreTheContractNames()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "local.settings.sample.json")))!;
        var names = sample["Values"]!.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal);

        Assert.Equal(AppSettingsContract.LocalSettingNames.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void FunctionApp_SettingNames_AreExactlyTheAzureContract()
    {
        Assert.Equal(
            AppSettingsContract.AzureSettingNames.Order(StringComparer.Ordinal),
            Settings.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FunctionApp_SiteSettings_AreTheModuleParameterOneForOne()
    {
        var site = infra.Template.Single("Microsoft.Web/sites");
        var loop = Assert.Single(site.Json["properties"]!["siteConfig"]!["copy"]!.AsArray())!;

        Assert.Equal("appSettings", loop["name"]!.GetValue<string>());
        Assert.Equal("[length(items(parameters('appSettings')))]", loop["count"]!.GetValue<string>());
        Assert.Equal("[items(parameters('appSettings'))[copyIndex('appSettings')].key]", loop["input"]!["name"]!.GetValue<string>());
        Assert.Equal("[items(parameters('appSettings'))[copyIndex('appSettings')].value]", loop["input"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void FunctionApp_WorkerRuntime_IsDotnetIsolated10InFunctionAppConfig()
    {
        var runtime = infra.Template.Single("Microsoft.Web/sites").Resolved("properties", "functionAppConfig", "runtime")!;

        Assert.Equal("dotnet-isolated", runtime["name"]!.GetValue<string>());
        Assert.Equal("10.0", runtime["version"]!.GetValue<string>());
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Settings.Keys);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("PmgStorage__credential", "managedidentity")]
    [InlineData("AzureWebJobsStorage__accountName", "[reference('storage').outputs.name.value]")]
    [InlineData("PmgStorage__blobServiceUri", "[reference('storage').outputs.blobEndpoint.value]")]
    [InlineData("PmgStorage__queueServiceUri", "[reference('storage').outputs.queueEndpoint.value]")]
    [InlineData("PmgStorage__tableServiceUri", "[reference('storage').outputs.tableEndpoint.value]")]
    [InlineData("AzureWebJobsStorage__clientId", "[reference('identity').clientId]")]
    [InlineData("PmgStorage__clientId", "[reference('identity').clientId]")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "[format('ClientId={0};Authorization=AAD', reference('identity').clientId)]")]
    [InlineData("SendGrid__ApiKey", "[format('@Microsoft.KeyVault(SecretUri={0})', reference('keyVault').outputs.sendGridSecretUri.value)]")]
    public void FunctionApp_ConnectionSetting_UsesTheIdentityOrKeyVault(string name, string expected)
    {
        Assert.Equal(expected, Settings[name]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Pmg__Services", "SERNAM")]
    [InlineData("Pmg__ExpectedRegions", "")]
    [InlineData("Pmg__ClosingMonthDay", "01-31")]
    [InlineData("Pmg__RecalculationSchedule", "0 0 * * * *")]
    [InlineData("Pmg__ReminderInterval", "7.00:00:00")]
    [InlineData("SendGrid__FromName", "PMG Gestión Territorial")]
    public void FunctionApp_PmgSetting_DefaultsToTheSampleValue(string name, string expected)
    {
        var main = infra.Template.Module("functionApp").Scope;

        Assert.Equal(expected, main.Resolve(Settings[name])!.GetValue<string>());
    }

    [Fact]
    public void FunctionApp_KeyVaultReferences_ResolvedWithTheUserAssignedIdentity()
    {
        var site = infra.Template.Single("Microsoft.Web/sites");

        Assert.Equal("[parameters('identityId')]", site.Json["properties"]!["keyVaultReferenceIdentity"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site.Json["identity"]!["type"]!.GetValue<string>());
        Assert.Equal(
            "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-pmg-{0}', variables('resourceToken')))]",
            site.Resolved("properties", "keyVaultReferenceIdentity")!.GetValue<string>());
    }

    [Fact]
    public void FunctionApp_Plan_IsFlexConsumptionFc1()
    {
        var plan = infra.Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Json["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Json["sku"]!["tier"]!.GetValue<string>());
    }
}
