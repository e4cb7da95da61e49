using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Testing;

namespace Pmg.Notifications.Tests;

/// <summary>What stops the app at start instead of failing every e-mail later.</summary>
public sealed class StartupCheckTests
{
    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-pmg.vault.azure.net/secrets/SendGrid-ApiKey/)")]
    [InlineData("  @microsoft.keyvault(VaultName=kv-pmg;SecretName=SendGrid-ApiKey)")]
    public void SendGridOptions_KeyVaultReferenceNotResolved_StartFailsSayingWhatToFix(string apiKey)
    {
        using var services = TestServices.Build(TestServices.Configuration(new Dictionary<string, string?> { ["Pmg:Services"] = "SERNAM", ["SendGrid:ApiKey"] = apiKey }));

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SendGridOptions>>().Value);

        Assert.Contains("SendGrid:ApiKey still reads '@Microsoft.KeyVault(…)'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("'Key Vault Secrets User'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendGridOptions_ResolvedKey_Starts()
    {
        using var services = TestServices.Build(TestServices.Configuration(new Dictionary<string, string?> { ["Pmg:Services"] = "SERNAM", ["SendGrid:ApiKey"] = "SG.abc.def" }));

        Assert.True(services.GetRequiredService<IOptions<SendGridOptions>>().Value.Enabled);
    }
}
