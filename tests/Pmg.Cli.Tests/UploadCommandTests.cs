using Pmg.Testing;

namespace Pmg.Cli.Tests;

public sealed class UploadCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SeedForm = "tarapaca-2009-etapa3.docx";

    [Fact]
    public async Task Upload_SeedFormWithRegionName_StoredUnderIsoCodeWithUploaderAndETagPrinted()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);

        var run = await context.RunAsync("upload", Samples.FormPath(SeedForm), "--service", "SERNAM", "--year", "2009", "--region", "Tarapacá", "--uploader", "ana@sernam.cl");

        Assert.Equal(0, run.ExitCode);
        var blob = context.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/" + SeedForm);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("ana@sernam.cl", properties.Metadata["uploader"]);
        Assert.Equal(new FileInfo(Samples.FormPath(SeedForm)).Length, properties.ContentLength);
        var screen = Flatten(run.Screen);
        Assert.Contains($"{context.Layout.Forms.Name}/SERNAM/2009/CL-TA/{SeedForm}", screen, StringComparison.Ordinal);
        Assert.Contains($"ETag {properties.ETag}", screen, StringComparison.Ordinal);
        Assert.Contains("1 de 1 archivo(s) subido(s)", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SameNameTwice_SecondIsANewVersionAndSaysSo()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);
        string[] args = ["upload", Samples.FormPath(SeedForm), "--service", "SERNAM", "--year", "2009", "--region", "CL-TA"];
        var first = await context.RunAsync(args);
        var firstETag = (await context.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/" + SeedForm).GetPropertiesAsync()).Value.ETag;

        var second = await context.RunAsync(args);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.DoesNotContain("ya existía", Flatten(first.Screen), StringComparison.Ordinal);
        Assert.Contains("«SERNAM/2009/CL-TA/tarapaca-2009-etapa3.docx» ya existía: se subió una nueva versión", Flatten(second.Screen), StringComparison.Ordinal);
        var secondETag = (await context.Layout.Forms.GetBlobClient("SERNAM/2009/CL-TA/" + SeedForm).GetPropertiesAsync()).Value.ETag;
        Assert.NotEqual(firstETag, secondETag);
        Assert.Contains($"ETag {secondETag}", Flatten(second.Screen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_UnknownRegion_UsageErrorInSpanish()
    {
        var run = await CliRunner.RunAsync("upload", Samples.FormPath(SeedForm), "--service", "SERNAM", "--year", "2009", "--region", "Narnia");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("la región «Narnia» no se reconoce; use un código ISO como CL-TA o un nombre como Tarapacá.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Upload_MissingService_UsageErrorInSpanish()
    {
        var run = await CliRunner.RunAsync("upload", Samples.FormPath(SeedForm), "--year", "2009", "--region", "CL-TA");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("falta --service: indique el servicio, p. ej. --service SERNAM.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("09", "el año «09» no es válido: debe ser un número de cuatro dígitos, p. ej. 2009.")]
    [InlineData("dos mil", "el año «dos mil» no es válido: debe ser un número de cuatro dígitos, p. ej. 2009.")]
    public async Task Upload_YearNotFourDigits_UsageErrorInSpanish(string year, string message)
    {
        var run = await CliRunner.RunAsync("upload", Samples.FormPath(SeedForm), "--service", "SERNAM", "--year", year, "--region", "CL-TA");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_RegionThatDidNotExistThatYear_UsageErrorInSpanish()
    {
        var run = await CliRunner.RunAsync("upload", Samples.FormPath(SeedForm), "--service", "SERNAM", "--year", "2009", "--region", "Ñuble");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("la región Ñuble (CL-NB) no existía en 2009.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_MissingFileAndBadUploader_UsageErrorsInSpanish()
    {
        var run = await CliRunner.RunAsync("upload", "no-existe.docx", "--service", "SERNAM", "--year", "2009", "--region", "CL-TA", "--uploader", "ana");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("el archivo «no-existe.docx» no existe.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--uploader «ana» no es un correo válido", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_StorageUnreachable_ExitThreeWithSpanishReasonOnStderr()
    {
        // Port 1 on the loopback refuses connections: the upload fails after the SDK's retries.
        const string Unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

        var run = await CliRunner.RunAsync("upload", Samples.FormPath(SeedForm), "--service", "SERNAM", "--year", "2009", "--region", "CL-TA", "--connection-string", Unreachable);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no se pudo conectar con el almacenamiento (¿está Azurite en marcha o es correcta la cuenta?)", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    /// <summary>Spectre wraps long lines at the console width; tests read the text as one line.</summary>
    internal static string Flatten(string screen) =>
        string.Join(" ", screen.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
