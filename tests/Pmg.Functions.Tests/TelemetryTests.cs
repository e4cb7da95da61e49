using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pmg.Functions.Tests;

public sealed class TelemetryTests
{
    [Theory]
    [InlineData("Authorization=AAD;ClientId=0c1a7f4e-1b7a-4f55-9a3e-2f0e8d2c4b11", true, "0c1a7f4e-1b7a-4f55-9a3e-2f0e8d2c4b11")]
    [InlineData("ClientId=0c1a7f4e-1b7a-4f55-9a3e-2f0e8d2c4b11; Authorization=aad", true, "0c1a7f4e-1b7a-4f55-9a3e-2f0e8d2c4b11")]
    [InlineData("Authorization=AAD", true, null)]
    [InlineData("", false, null)]
    [InlineData(null, false, null)]
    [InlineData("Authorization=Key", false, null)]
    public void TryReadManagedIdentity_AuthenticationString_ReadsModeAndClientId(string? setting, bool expected, string? expectedClientId)
    {
        var found = TelemetryExtensions.TryReadManagedIdentity(setting, out var clientId);

        Assert.Equal((expected, expectedClientId), (found, clientId));
    }

    [Theory]
    [InlineData("Authorization=AAD;ClientId=0c1a7f4e-1b7a-4f55-9a3e-2f0e8d2c4b11", true)]
    [InlineData("", false)]
    public async Task AddPmgTelemetry_AuthenticationSetting_SendsWithTheManagedIdentityOnlyWhenAsked(string setting, bool expectsCredential)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [TelemetryExtensions.AuthenticationSetting] = setting,
                ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://localhost/",
            })
            .Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddPmgTelemetry()
            .BuildServiceProvider();

        var telemetry = provider.GetRequiredService<IOptions<TelemetryConfiguration>>().Value;

        // The SDK keeps the credential in a non-public envelope; its presence is what makes ingestion use Entra ID.
        var envelope = typeof(TelemetryConfiguration)
            .GetProperty("CredentialEnvelope", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(telemetry);
        Assert.Equal(expectsCredential, envelope is not null);
    }
}
