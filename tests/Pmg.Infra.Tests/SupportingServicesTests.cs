using System.Text.RegularExpressions;
using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>Monitoring, Key Vault, Event Grid and outputs keep secrets out and costs bounded.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class SupportingServicesTests(CompiledInfraFixture infra)
{
    [Fact]
    public void AppInsights_LocalAuth_IsDisabledAndWorkspaceBased()
    {
        var component = infra.Template.Single("Microsoft.Insights/components");

        Assert.True(component.Resolved("properties", "DisableLocalAuth")!.GetValue<bool>());
        Assert.Equal("[resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName'))]", component.Resolved("properties", "WorkspaceResourceId")!.GetValue<string>());
    }

    [Fact]
    public void LogAnalytics_DailyQuota_DefaultsToOneGigabyte()
    {
        var workspace = infra.Template.Single("Microsoft.OperationalInsights/workspaces");

        Assert.Equal(1, workspace.Resolved("properties", "workspaceCapping", "dailyQuotaGb")!.GetValue<int>());
        Assert.Equal(30, workspace.Resolved("properties", "retentionInDays")!.GetValue<int>());
    }

    [Fact]
    public void KeyVault_Access_IsRbacWithSoftDeleteAndPurgeProtection()
    {
        var vault = infra.Template.Single("Microsoft.KeyVault/vaults");

        Assert.True(vault.Resolved("properties", "enableRbacAuthorization")!.GetValue<bool>());
        Assert.True(vault.Resolved("properties", "enableSoftDelete")!.GetValue<bool>());
        Assert.True(vault.Resolved("properties", "enablePurgeProtection")!.GetValue<bool>());
        Assert.Equal(90, vault.Resolved("properties", "softDeleteRetentionInDays")!.GetValue<int>());
    }

    [Fact]
    public void KeyVault_SendGridSecret_WrittenOnlyWhenAKeyIsGiven()
    {
        var secret = infra.Template.Single("Microsoft.KeyVault/vaults/secrets");

        Assert.Equal("[not(empty(parameters('sendGridApiKey')))]", secret.Json["condition"]!.GetValue<string>());
        Assert.True(secret.Scope.IsSecureParameter("sendGridApiKey"));
        Assert.True(infra.Template.Module("keyVault").Scope.IsSecureParameter("sendGridApiKey"));
        Assert.Equal("SendGrid-ApiKey", secret.Scope.Resolve(System.Text.Json.Nodes.JsonValue.Create("[parameters('sendGridSecretName')]"))!.GetValue<string>());
    }

    [Fact]
    public void Outputs_AllTemplates_CarryNoSecureValue()
    {
        var outputs = infra.Template.Outputs().ToList();

        Assert.NotEmpty(outputs);
        Assert.DoesNotContain(outputs, output => output.Output["type"]!.GetValue<string>().StartsWith("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(outputs, output => output.Output["value"]!.ToJsonString().Contains("sendGridApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public void EventGrid_SystemTopic_PublishesTheStorageAccountEvents()
    {
        var topic = infra.Template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Resolved("properties", "topicType")!.GetValue<string>());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", topic.Resolved("properties", "source")!.GetValue<string>());
        Assert.Equal("SystemAssigned", topic.Json["identity"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("subscribe-blob-events.sh")]
    [InlineData("subscribe-blob-events.ps1")]
    public void PostDeployHook_Subscription_SendsFormsBlobCreatedToIngestFormWebhook(string scriptName)
    {
        var script = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "scripts", scriptName));

        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", script, StringComparison.Ordinal);
        Assert.Contains("--subject-begins-with /blobServices/default/containers/forms/", script, StringComparison.Ordinal);
        Assert.Contains("--endpoint-type webhook", script, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.", script, StringComparison.Ordinal);
        Assert.Contains("IngestForm", script, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", script, StringComparison.Ordinal);
        Assert.Contains("--deadletter-identity systemassigned", script, StringComparison.Ordinal);
        Assert.Contains("/blobServices/default/containers/", script, StringComparison.Ordinal);
    }

    [Fact]
    public void PostDeployHook_EnvironmentVariables_AreMainTemplateOutputs()
    {
        var script = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "scripts", "subscribe-blob-events.sh"));
        var required = RequiredVariable().Matches(script).Select(match => match.Groups[1].Value).ToList();
        var outputs = infra.Template.Root["outputs"]!.AsObject().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(["AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "EVENT_GRID_SYSTEM_TOPIC_NAME", "AZURE_STORAGE_ACCOUNT_NAME"], required);
        Assert.Contains("EVENT_GRID_DEADLETTER_CONTAINER:-event-deadletter", script, StringComparison.Ordinal);
        Assert.Equal("[variables('deadLetterContainerName')]", infra.Template.Root["outputs"]!["EVENT_GRID_DEADLETTER_CONTAINER"]!["value"]!.GetValue<string>());
        Assert.All(required, name => Assert.Contains(name, outputs));
    }

    [Fact]
    public void AzureYaml_Service_DeploysPmgFunctionsAndRunsTheHookAfterDeploy()
    {
        var yaml = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml"));

        Assert.Contains("  functions:\n    project: ./src/Pmg.Functions\n    language: dotnet\n    host: function\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  postdeploy:\n    posix:\n      shell: sh\n      run: ./infra/scripts/subscribe-blob-events.sh\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  provider: bicep\n  path: infra\n  module: main\n", yaml, StringComparison.Ordinal);
        Assert.Equal("[union(parameters('tags'), createObject('azd-service-name', 'functions'))]", infra.Template.Single("Microsoft.Web/sites").Json["tags"]!.GetValue<string>());
    }

    [GeneratedRegex(@"^: ""\$\{(\w+):\?", RegexOptions.Multiline)]
    private static partial Regex RequiredVariable();
}
