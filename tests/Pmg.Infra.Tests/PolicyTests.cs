using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>The security policy passes on infra/ and catches each weakening of it.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class PolicyTests(CompiledInfraFixture infra)
{
    [Fact]
    public void Violations_MainTemplate_None()
    {
        Assert.Empty(InfraPolicy.Violations(infra.Template));
    }

    // Each case compiles a copy of infra/ (a few seconds each); the direct property tests cover the rest.
    [Theory]
    [InlineData("modules/storage.bicep", "allowSharedKeyAccess: false", "allowSharedKeyAccess: true", "Storage account allows shared key access.")]
    [InlineData("modules/monitoring.bicep", "DisableLocalAuth: true", "DisableLocalAuth: false", "Application Insights accepts instrumentation-key (local) auth.")]
    [InlineData("main.bicep", "SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.sendGridSecretUri})'", "SendGrid__ApiKey: sendGridApiKey", "App setting SendGrid__ApiKey is a plain secret, not a Key Vault reference.")]
    [InlineData("modules/alerts.bicep", "metric: 'DeadLetteredCount'", "metric: 'PublishSuccessCount'", "No alert rule on Event Grid dead-lettered events.")]
    [InlineData("modules/alerts.bicep", "    operator: 'LessThan'\n    threshold: 1\n", "    operator: 'LessThan'\n    threshold: 0\n", "The alert on the recalculation not having run for two schedule periods (")]
    [InlineData("modules/alerts.bicep", "      actions: {\n        actionGroups: [\n          opsActionGroup.id\n        ]\n      }\n", "      actions: {\n        actionGroups: []\n      }\n", "The alert on forms or e-mails that went to a poison queue (")]
    [InlineData("modules/appAuthentication.bicep", "requireAuthentication: true", "requireAuthentication: false", "App Service Authentication does not require authentication.")]
    [InlineData("modules/appAuthentication.bicep", "registered ? 'RedirectToLoginPage' : 'Return401'", "'AllowAnonymous'", "App Service Authentication can let unauthenticated requests through (AllowAnonymous).")]
    [InlineData("main.bicep", "  Pmg__Portal__PublicUrl: ", "  Pmg__Portal__LocalMode: 'true'\n  Pmg__Portal__PublicUrl: ", "App setting Pmg__Portal__LocalMode can switch on the portal's local mode")]
    public async Task Violations_WeakenedCopyOfInfra_ReportsTheWeakening(string file, string secure, string weakened, string expected)
    {
        var copy = CopyInfra();
        try
        {
            var path = Path.Combine(copy, file);
            var source = await File.ReadAllTextAsync(path);
            Assert.Contains(secure, source, StringComparison.Ordinal);
            await File.WriteAllTextAsync(path, source.Replace(secure, weakened, StringComparison.Ordinal));

            var compiled = await BicepCli.BuildAsync(Path.Combine(copy, "main.bicep"));

            Assert.Contains(InfraPolicy.Violations(compiled.Template), violation => violation.StartsWith(expected, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string CopyInfra()
    {
        var source = Path.Combine(BicepCli.RepositoryRoot, "infra");
        var target = Path.Combine(Path.GetTempPath(), $"pmg-infra-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
