using System.Text;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

public sealed class ReportGetCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Older = "SERNAM/2009/cumplimiento-20100201T120000Z.xlsx";
    private const string Newer = "SERNAM/2009/cumplimiento-20100203T040506Z.xlsx";

    [Fact]
    public async Task ReportGet_TwoStoredWorkbooks_DownloadsTheNewestToOutput()
    {
        await using var context = await StoredAsync();
        using var folder = new TempFolder();
        var output = folder.File("nacional.xlsx");

        var run = await context.RunAsync("report", "get", "--service", "SERNAM", "--year", "2009", "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("libro del 3 de febrero", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(output)));
        Assert.Contains("Libro consolidado de SERNAM 2009 guardado en " + output, run.Screen, StringComparison.Ordinal);
        Assert.Contains("(cumplimiento-20100203T040506Z.xlsx, escrito el ", run.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportGet_Name_DownloadsThatEarlierWorkbook()
    {
        await using var context = await StoredAsync();
        using var folder = new TempFolder();
        var output = folder.File("anterior.xlsx");

        var run = await context.RunAsync("report", "get", "--service", "SERNAM", "--year", "2009", "--name", "cumplimiento-20100201T120000Z.xlsx", "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("libro del 1 de febrero", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(output)));
    }

    [Fact]
    public async Task ReportGet_UnknownName_ListsTheStoredOnesAndExitsOne()
    {
        await using var context = await StoredAsync();

        var run = await context.RunAsync("report", "get", "--service", "SERNAM", "--year", "2009", "--name", "otro.xlsx");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No hay un libro «otro.xlsx» de SERNAM 2009. Hay: cumplimiento-20100203T040506Z.xlsx, cumplimiento-20100201T120000Z.xlsx.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportGet_NothingStored_SaysTheRecalculationWritesThemAndExitsOne()
    {
        await using var context = await CliStorageContext.CreateAsync(azurite);

        var run = await context.RunAsync("report", "get", "--service", "SERNAM", "--year", "2010");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No hay libros consolidados de SERNAM 2010: el recálculo los escribe («pmg recalc --service SERNAM --year 2010»).", run.Stderr, StringComparison.Ordinal);
    }

    private async Task<CliStorageContext> StoredAsync()
    {
        var context = await CliStorageContext.CreateAsync(azurite);
        await context.Reports.SaveAsync(Older, Encoding.UTF8.GetBytes("libro del 1 de febrero"));
        await context.Reports.SaveAsync(Newer, Encoding.UTF8.GetBytes("libro del 3 de febrero"));
        await context.Reports.SaveAsync("SERNAM/2009/latest.xlsx", Encoding.UTF8.GetBytes("libro del 3 de febrero"));
        return context;
    }
}
