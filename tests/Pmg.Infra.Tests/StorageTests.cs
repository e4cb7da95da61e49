using System.Text.Json.Nodes;
using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>The storage account keeps uploads safe and holds every container, queue and table the app uses.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class StorageTests(CompiledInfraFixture infra)
{
    private ArmResource Account => infra.Template.Single("Microsoft.Storage/storageAccounts");

    [Fact]
    public void Account_SecuritySettings_IdentityOnlyHttpsTls12NoPublicBlobs()
    {
        Assert.False(Bool(Account, "allowSharedKeyAccess"));
        Assert.Equal("TLS1_2", Text(Account, "minimumTlsVersion"));
        Assert.False(Bool(Account, "allowBlobPublicAccess"));
        Assert.True(Bool(Account, "supportsHttpsTrafficOnly"));
        Assert.True(Bool(Account, "defaultToOAuthAuthentication"));
    }

    [Fact]
    public void BlobService_Uploads_AreVersionedAndRecoverableForThirtyDays()
    {
        var blobService = infra.Template.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.True(Bool(blobService, "isVersioningEnabled"));
        Assert.True(blobService.Resolved("properties", "deleteRetentionPolicy", "enabled")!.GetValue<bool>());
        Assert.Equal(30, blobService.Resolved("properties", "deleteRetentionPolicy", "days")!.GetValue<int>());
        Assert.True(blobService.Resolved("properties", "containerDeleteRetentionPolicy", "enabled")!.GetValue<bool>());
        Assert.Equal(30, blobService.Resolved("properties", "containerDeleteRetentionPolicy", "days")!.GetValue<int>());
    }

    [Fact]
    public void Containers_Declared_FormsReportsDeploymentPackageAndDeadLetterAllPrivate()
    {
        var containers = infra.Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal(["forms", "reports", "portal-keys", "app-package", "event-deadletter"], Names(containers));
        Assert.Equal("None", containers.Resolved("properties", "publicAccess")!.GetValue<string>());
    }

    [Fact]
    public void Queues_Declared_AlertsReceiptsTheirPoisonQueuesAndTheBlobTriggerPoisonQueue()
    {
        var queues = infra.Template.Single("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal(["alerts", "alerts-poison", "receipts", "receipts-poison", "webjobs-blobtrigger-poison"], Names(queues));
    }

    [Fact]
    public void Tables_Declared_EveryTableThePipelineUses()
    {
        var tables = infra.Template.Single("Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.Equal(
            ["Submissions", "CurrentSubmissions", "Activities", "ProgressRows", "RegionalResults", "NationalResults", "AlertLedger", "Contacts", "NotificationLedger", "PortalAccess"],
            Names(tables));
    }

    [Fact]
    public void FunctionApp_DeploymentStorage_IsTheDeclaredContainerReachedWithTheIdentity()
    {
        var site = infra.Template.Single("Microsoft.Web/sites");
        var storage = site.Resolved("properties", "functionAppConfig", "deployment", "storage")!;

        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal("[format('{0}{1}', parameters('blobEndpoint'), parameters('deploymentContainerName'))]", storage["value"]!.GetValue<string>());
        Assert.Equal("app-package", site.Scope.Resolve(JsonValue.Create("[parameters('deploymentContainerName')]"))!.GetValue<string>());
    }

    private static string[] Names(ArmResource loop) => [.. loop.LoopItems().Select(item => item!.GetValue<string>())];

    private static bool Bool(ArmResource resource, string property) =>
        resource.Resolved("properties", property)!.GetValue<bool>();

    private static string Text(ArmResource resource, string property) =>
        resource.Resolved("properties", property)!.GetValue<string>();
}
