using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Notifications;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

/// <summary>`pmg contacts import` as a coordinator runs it, against Azurite.</summary>
public sealed class ContactsCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _prefix = "c" + Guid.NewGuid().ToString("N")[..12];
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pmg-contacts-cli.");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Import_FileWithBadRows_SavesGoodRowsAndTablesTheBadOnes()
    {
        var file = Path.Combine(_folder.FullName, "contactos.csv");
        await File.WriteAllTextAsync(file,
            "Servicio;Región;Unidad;Alias;Correos;Rol\n" +
            "SERNAM;Valparaíso;Encargada OIRS;OIRS regional;oirs.valparaiso@example.org;unidad\n" +
            "SERNAM;Narnia;Encargada OIRS;;oirs@example.org;unidad\n" +
            "SERNAM;CL-VS;;;direccion.valparaiso@example.org;Directora Regional\n" +
            "SERNAM;CL-VS;Profesional de apoyo;;apoyo(at)example.org;unidad\n");

        var (exitCode, screen) = await RunAsync("contacts", "import", file, "--connection-string", azurite.ConnectionString, "--storage-prefix", _prefix);

        Assert.Equal(PmgCommandLine.FormErrors, exitCode);
        Assert.Contains("Filas que no se pudieron usar", screen, StringComparison.Ordinal);
        Assert.Matches(@"│\s+3 │ La región «Narnia» no corresponde a ninguna región de Chile\.", screen);
        Assert.Matches(@"│\s+5 │ «apoyo\(at\)example\.org» no es una dirección de correo válida\.", screen);
        Assert.Contains("Se guardaron 2 contactos de «contactos.csv»: 1 unidad y 1 dirección regional.", screen, StringComparison.Ordinal);
        Assert.Contains("2 filas no se pudieron usar: corríjalas y vuelva a importar el archivo.", screen, StringComparison.Ordinal);
        var book = new ContactBook(await StoredAsync());
        Assert.Equal("oirs.valparaiso@example.org", book.FindUnit("CL-VS", "OIRS Regional")?.Emails.Single());
        Assert.Equal("direccion.valparaiso@example.org", book.Director("CL-VS")?.Emails.Single());
    }

    [Fact]
    public async Task Import_DryRun_NothingStored()
    {
        var sample = Samples.ContactsPath("sernam-contactos.csv");

        var (exitCode, screen) = await RunAsync("contacts", "import", sample, "--dry-run", "--connection-string", azurite.ConnectionString, "--storage-prefix", _prefix);

        Assert.Equal(PmgCommandLine.Success, exitCode);
        Assert.Contains("Se leyeron 28 contactos de «sernam-contactos.csv» (revisión: no se guardó nada): 24 unidades, 3 direcciones regionales y 1 coordinación nacional.", screen, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    private async Task<IReadOnlyList<Contact>> StoredAsync()
    {
        await using var provider = TestServices.Build(TestServices.Configuration(new Dictionary<string, string?>
        {
            ["PmgStorage"] = azurite.ConnectionString,
            ["Pmg:Services"] = "SERNAM",
            ["Pmg:Storage:Prefix"] = _prefix,
        }));
        return await provider.GetRequiredService<IContactDirectory>().GetAsync("SERNAM");
    }

    private static async Task<(int ExitCode, string Screen)> RunAsync(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);
        return (run.ExitCode, run.Screen + run.Stderr);
    }
}
