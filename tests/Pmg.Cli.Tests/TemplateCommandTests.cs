using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

public sealed class TemplateCommandTests
{
    [Fact]
    public async Task Template_BlankWorkbook_WritesTheOfficesFormThatValidateReadsAsIts()
    {
        using var temp = new TempFolder();
        var output = temp.File("sernam-2010-tarapaca.xlsx");

        var run = await CliRunner.RunAsync("template", "--service", "SERNAM", "--year", "2010", "--region", "Tarapacá", "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Formulario en blanco de SERNAM, Tarapacá (CL-TA), 2010 escrito en {output} (Excel).", run.Screen, StringComparison.Ordinal);
        using (var workbook = SpreadsheetDocument.Open(output, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(workbook));
        }

        var validate = await CliRunner.RunAsync("validate", "--json", output);
        using var json = JsonDocument.Parse(validate.Stdout);
        var file = json.RootElement[0];
        Assert.True(file.GetProperty("accepted").GetBoolean());
        Assert.Equal(("xlsx", "SERNAM", 2010, "CL-TA"), (file.GetProperty("format").GetString(), file.GetProperty("service").GetString(), file.GetProperty("year").GetInt32(), file.GetProperty("region").GetProperty("code").GetString()));
        Assert.DoesNotContain(file.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public async Task Template_FromTheSeed_StartsNextYearsWordFormFromItsObjectivesWithMarksBlank()
    {
        using var temp = new TempFolder();
        var output = temp.File("tarapaca-2010.docx");

        var run = await CliRunner.RunAsync("template", "--service", "SERNAM", "--year", "2010", "--region", "CL-TA", "--from", Samples.FormPath("cierre-2009-CL-TA.docx"), "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("a partir de «cierre-2009-CL-TA.docx»", run.Screen, StringComparison.Ordinal);
        Assert.Contains("el cumplimiento queda en blanco", run.Screen, StringComparison.Ordinal);
        var validate = await CliRunner.RunAsync("validate", "--json", output);
        using var json = JsonDocument.Parse(validate.Stdout);
        var file = json.RootElement[0];
        Assert.Equal(2010, file.GetProperty("year").GetInt32());
        using var closing = JsonDocument.Parse((await CliRunner.RunAsync("validate", "--json", Samples.FormPath("cierre-2009-CL-TA.docx"))).Stdout);
        var before = closing.RootElement[0].GetProperty("programs").EnumerateArray().ToList();
        var after = file.GetProperty("programs").EnumerateArray().ToList();
        Assert.Equal(before.Select(p => (p.GetProperty("objectives").GetInt32(), p.GetProperty("activities").GetInt32(), p.GetProperty("weightTotal").GetDecimal())),
            after.Select(p => (p.GetProperty("objectives").GetInt32(), p.GetProperty("activities").GetInt32(), p.GetProperty("weightTotal").GetDecimal())));
        Assert.All(after, p => Assert.Equal(0m, p.GetProperty("earnedWeight").GetDecimal()));
        Assert.All(after, p => Assert.Equal("PENDIENTE", p.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("Narnia", "2010", "la región «Narnia» no se reconoce; use un código ISO como CL-TA o un nombre como Tarapacá.")]
    [InlineData("Ñuble", "2010", "la región Ñuble (CL-NB) no existía en 2010.")]
    [InlineData("CL-TA", "20x0", "el año «20x0» no es válido; use un año de cuatro dígitos entre 2000 y 2099, p. ej. 2010.")]
    [InlineData("CL-TA", "1999", "el año «1999» no es válido; use un año de cuatro dígitos entre 2000 y 2099, p. ej. 2010.")]
    public async Task Template_BadRegionOrYear_IsAUsageErrorInSpanishAndWritesNothing(string region, string year, string message)
    {
        using var temp = new TempFolder();
        var output = temp.File("formulario.docx");

        var run = await CliRunner.RunAsync("template", "--service", "SERNAM", "--year", year, "--region", region, "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Uso incorrecto: " + message, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Template_FormatThatContradictsTheExtension_IsAUsageError()
    {
        using var temp = new TempFolder();

        var run = await CliRunner.RunAsync("template", "--service", "SERNAM", "--year", "2010", "--region", "CL-TA", "--format", "xlsx", "-o", temp.File("formulario.docx"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format xlsx no corresponde a la extensión de", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_FormatGivenForAnOutputWithoutExtension_WritesThatFormat()
    {
        using var temp = new TempFolder();
        var output = temp.File("formulario");

        var run = await CliRunner.RunAsync("template", "--service", "SERNAM", "--year", "2010", "--region", "CL-TA", "--format", "docx", "-o", output);

        Assert.Equal(0, run.ExitCode);
        using var document = WordprocessingDocument.Open(output, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task Template_FromAFileThatIsNotAForm_ShowsTheReadersReasonsAndExits1()
    {
        using var temp = new TempFolder();
        var notAForm = temp.File("anterior.docx");
        await File.WriteAllTextAsync(notAForm, "%PDF-1.4 esto no es un formulario");
        var output = temp.File("nuevo.docx");

        var run = await CliRunner.RunAsync("template", "--service", "SERNAM", "--year", "2010", "--region", "CL-TA", "--from", notAForm, "-o", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No se pudo leer el formulario anterior", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error: El archivo «anterior.docx»", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Template_FromAMissingFile_IsAUsageError()
    {
        using var temp = new TempFolder();

        var run = await CliRunner.RunAsync("template", "--service", "SERNAM", "--year", "2010", "--region", "CL-TA", "--from", temp.File("no-existe.xlsx"), "-o", temp.File("nuevo.xlsx"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("de --from no existe", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_WithoutOutput_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("template", "--service", "SERNAM", "--year", "2010", "--region", "CL-TA");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("falta -o", run.Stderr, StringComparison.Ordinal);
    }
}
