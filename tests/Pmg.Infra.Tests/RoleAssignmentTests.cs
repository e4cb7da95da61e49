using System.Text.RegularExpressions;
using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>The app identity gets exactly its data-plane roles, and regional groups only their own folder.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class RoleAssignmentTests(CompiledInfraFixture infra)
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string SecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private IReadOnlyList<ArmResource> IdentityAssignments =>
        [.. infra.Template.OfType("Microsoft.Authorization/roleAssignments").Where(a => a.Path.StartsWith("identityRoles/", StringComparison.Ordinal))];

    [Fact]
    public void IdentityRoles_Granted_StorageDataRolesMetricsPublisherAndSecretsUser()
    {
        var granted = IdentityAssignments
            .SelectMany(assignment => RoleIds(assignment).Select(role => (ScopeType(assignment), role)))
            .Order()
            .ToList();

        Assert.Equal(
            new[]
            {
                ("Microsoft.Insights/components", MetricsPublisher),
                ("Microsoft.KeyVault/vaults", SecretsUser),
                ("Microsoft.Storage/storageAccounts", TableDataContributor),
                ("Microsoft.Storage/storageAccounts", QueueDataContributor),
                ("Microsoft.Storage/storageAccounts", BlobDataOwner),
            }.Order(),
            granted);
    }

    [Fact]
    public void IdentityRoles_StorageAccess_LetsThePortalWriteUploadsAndPortalAccessWithoutConditions()
    {
        // The portal writes forms/{service}/{year}/{region}/{file} and reads and writes the PortalAccess table with the
        // app identity: account-wide Blob Data Owner and Table Data Contributor, not narrowed by any ABAC condition.
        var storage = Assert.Single(IdentityAssignments, assignment => ScopeType(assignment) == "Microsoft.Storage/storageAccounts");
        var tables = infra.Template.Single("Microsoft.Storage/storageAccounts/tableServices/tables").LoopItems()
            .Select(item => item!.GetValue<string>());

        Assert.Contains(BlobDataOwner, RoleIds(storage));
        Assert.Contains(TableDataContributor, RoleIds(storage));
        Assert.Null(storage.Json["properties"]!["condition"]);
        Assert.Contains("PortalAccess", tables);
    }

    [Fact]
    public void IdentityRoles_Names_AreGuidOfScopePrincipalAndRole()
    {
        foreach (var assignment in IdentityAssignments)
        {
            var scope = Unwrap(assignment.Json["scope"]!.GetValue<string>());
            var role = Unwrap(assignment.Json["properties"]!["roleDefinitionId"]!.GetValue<string>());

            Assert.Equal($"[guid({scope}, parameters('principalId'), {role})]", assignment.Name);
            Assert.Equal("[parameters('principalId')]", assignment.Json["properties"]!["principalId"]!.GetValue<string>());
            Assert.Equal("ServicePrincipal", assignment.Json["properties"]!["principalType"]!.GetValue<string>());
        }
    }

    [Fact]
    public void IdentityRoles_PrincipalId_IsTheFunctionAppIdentity()
    {
        var module = infra.Template.Module("identityRoles");

        Assert.Equal("[reference('identity').principalId]", module.Resolved("properties", "parameters", "principalId", "value")!.GetValue<string>());
    }

    [Fact]
    public void UploadRights_Assignment_IsBlobDataContributorOnFormsWithConditionPerPrefix()
    {
        var upload = infra.Template.OfType("Microsoft.Authorization/roleAssignments")
            .Single(assignment => assignment.Path == "regionUploadRights/uploadRights");

        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', 'forms')]", upload.Json["scope"]!.GetValue<string>());
        Assert.Contains(BlobDataContributor, upload.Resolved("properties", "roleDefinitionId")!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2.0", upload.Json["properties"]!["conditionVersion"]!.GetValue<string>());
        Assert.Equal(
            "[__bicep.uploadCondition(format('{0}/{1}/{2}/', parameters('regionUploaders')[copyIndex()].service, parameters('regionUploaders')[copyIndex()].year, parameters('regionUploaders')[copyIndex()].region))]",
            upload.Json["properties"]!["condition"]!.GetValue<string>());
        Assert.StartsWith("[guid(resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', 'forms'), parameters('regionUploaders')[copyIndex()].principalId, variables('blobDataContributorRoleId'), ", upload.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadLetterAccess_Assignment_LetsTheTopicIdentityWriteOnlyTheDeadLetterContainer()
    {
        var assignment = infra.Template.OfType("Microsoft.Authorization/roleAssignments")
            .Single(candidate => candidate.Path.StartsWith("deadLetterAccess/", StringComparison.Ordinal));
        var module = infra.Template.Module("deadLetterAccess");

        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', parameters('containerName'))]", assignment.Json["scope"]!.GetValue<string>());
        Assert.Equal("event-deadletter", assignment.Scope.Resolve(System.Text.Json.Nodes.JsonValue.Create("[parameters('containerName')]"))!.GetValue<string>());
        Assert.Contains(BlobDataContributor, assignment.Resolved("properties", "roleDefinitionId")!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[reference('eventGrid').outputs.principalId.value]", module.Resolved("properties", "parameters", "principalId", "value")!.GetValue<string>());
        Assert.Equal($"[guid({assignment.Json["scope"]!.GetValue<string>()[1..^1]}, parameters('principalId'), variables('blobDataContributorRoleId'))]", assignment.Name);
    }

    [Fact]
    public void UploadCondition_ForOneRegion_ConfinesWritesReadsDeletesAndListingToItsPrefix()
    {
        var condition = UploadCondition("SERNAM/2025/CL-AP/");

        Assert.Equal(
            "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})"
            + " AND !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})"
            + " AND !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})"
            + " AND !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'}))"
            + " OR @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'SERNAM/2025/CL-AP/')"
            + " AND ((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'}))"
            + " OR @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith 'SERNAM/2025/CL-AP/')",
            condition);
    }

    [Fact]
    public void UploadCondition_ParenthesesAndQuotes_Balance()
    {
        var condition = UploadCondition("SERNAM/2025/CL-RM/");

        Assert.Equal(condition.Count(c => c == '('), condition.Count(c => c == ')'));
        Assert.Equal(condition.Count(c => c == '{'), condition.Count(c => c == '}'));
        Assert.Equal(0, condition.Count(c => c == '\'') % 2);
    }

    /// <summary>Evaluates the compiled uploadCondition function: its body is one format() over the prefix.</summary>
    private string UploadCondition(string prefix)
    {
        var module = infra.Template.Module("regionUploadRights");
        var function = module.Json["properties"]!["template"]!["functions"]![0]!["members"]!["uploadCondition"]!;
        var body = function["output"]!["value"]!.GetValue<string>();
        var match = FormatCall().Match(body);
        Assert.True(match.Success, body);
        Assert.Equal(", parameters('prefix'), parameters('prefix')", match.Groups[2].Value);
        return match.Groups[1].Value
            .Replace("{0}", prefix, StringComparison.Ordinal)
            .Replace("{1}", prefix, StringComparison.Ordinal)
            .Replace("''", "'", StringComparison.Ordinal)
            .Replace("{{", "{", StringComparison.Ordinal)
            .Replace("}}", "}", StringComparison.Ordinal);
    }

    private static IEnumerable<string> RoleIds(ArmResource assignment)
    {
        var roleDefinitionId = assignment.Resolved("properties", "roleDefinitionId")!.GetValue<string>();
        if (roleDefinitionId.Contains("copyIndex()", StringComparison.Ordinal))
        {
            return assignment.LoopItems().Select(item => item!.GetValue<string>());
        }

        return [RoleGuid().Match(roleDefinitionId).Value];
    }

    private static string ScopeType(ArmResource assignment) =>
        ResourceIdType().Match(assignment.Json["scope"]!.GetValue<string>()).Groups[1].Value;

    private static string Unwrap(string expression) => expression[1..^1];

    [GeneratedRegex(@"^\[format\('(.*)'((?:, parameters\('prefix'\))+)\)\]$")]
    private static partial Regex FormatCall();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleGuid();

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ResourceIdType();
}
