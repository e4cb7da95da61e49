using Pmg.Testing;

namespace Pmg.Cli.Tests;

/// <summary>`pmg access grant|revoke|list`: the PortalAccess table ops manage, on Azurite.</summary>
public sealed class AccessCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Ana = "8f6c1b52-0d4e-4c5b-9a53-1f2e3d4c5b6a";
    private const string Group = "1D2E3F40-5162-4738-8495-A6B7C8D9E0F1";

    [Fact]
    public async Task GrantListRevoke_RoundTripsUsersAndGroupsByRegion()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);

        var grantUser = await context.RunAsync("access", "grant", "--principal", Ana, "--region", "Tarapacá", "--label", "ana@sernam.cl", "--by", "ops@sernam.cl");
        var grantGroup = await context.RunAsync("access", "grant", "--principal", Group, "--region", "CL-VS", "--group", "--label", "SERNAM Valparaíso");
        var listAll = await context.RunAsync("access", "list", "--json");
        var listTarapaca = await context.RunAsync("access", "list", "--region", "CL-TA");
        var revoke = await context.RunAsync("access", "revoke", "--principal", Ana, "--region", "CL-TA");
        var revokeAgain = await context.RunAsync("access", "revoke", "--principal", Ana, "--region", "CL-TA");
        var listAfter = await context.RunAsync("access", "list", "--region", "CL-TA");

        Assert.Equal(0, grantUser.ExitCode);
        Assert.Contains($"Acceso otorgado: usuario {Ana} (ana@sernam.cl) → Tarapacá (CL-TA).", grantUser.Screen, StringComparison.Ordinal);
        Assert.Equal(0, grantGroup.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(listAll.Stdout);
        var grants = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["CL-TA", "CL-VS"], grants.Select(g => g.GetProperty("region").GetString()));
        Assert.Equal(["user", "group"], grants.Select(g => g.GetProperty("kind").GetString()));
        Assert.Equal(Group.ToLowerInvariant(), grants[1].GetProperty("principalId").GetString());
        Assert.Equal("ops@sernam.cl", grants[0].GetProperty("grantedBy").GetString());
        Assert.Contains("ana@sernam.cl", listTarapaca.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("Valparaíso", listTarapaca.Screen, StringComparison.Ordinal);
        Assert.Contains($"Acceso revocado: {Ana} ya no tiene Tarapacá (CL-TA).", revoke.Screen, StringComparison.Ordinal);
        Assert.Contains($"{Ana} no tenía acceso a Tarapacá (CL-TA); no se cambió nada.", revokeAgain.Screen, StringComparison.Ordinal);
        Assert.Contains("No hay accesos registrados para CL-TA.", listAfter.Screen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ana@sernam.cl", "--principal «ana@sernam.cl» es un correo; use el identificador de objeto (GUID) del usuario en Entra ID")]
    [InlineData("no-es-un-guid", "--principal «no-es-un-guid» no es un identificador de objeto (GUID) de Entra ID.")]
    public async Task Grant_PrincipalNotAnObjectId_UsageErrorInSpanish(string principal, string message)
    {
        var run = await CliRunner.RunAsync("access", "grant", "--principal", principal, "--region", "CL-TA");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_UnknownRegion_UsageErrorInSpanish()
    {
        var run = await CliRunner.RunAsync("access", "grant", "--principal", Ana, "--region", "Narnia");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("la región «Narnia» no se reconoce", run.Stderr, StringComparison.Ordinal);
    }
}
