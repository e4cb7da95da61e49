using System.Text.Json;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

public sealed class ValidateCommandTests
{
    private const string SeedDocx = "tarapaca-2009-etapa3.docx";

    [Fact]
    public async Task Validate_SeedDocx_ExitsOneBecauseIII1IsInvalido()
    {
        var run = await CliRunner.RunAsync("validate", Samples.FormPath(SeedDocx));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Validate_SeedDocxJson_ReportsIII1WeightsAndInvalidStatus()
    {
        var run = await CliRunner.RunAsync("validate", Samples.FormPath(SeedDocx), "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        var file = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(SeedDocx, file.GetProperty("file").GetString());
        Assert.True(file.GetProperty("accepted").GetBoolean());
        Assert.Equal("docx", file.GetProperty("format").GetString());
        Assert.Equal("SERNAM", file.GetProperty("service").GetString());
        Assert.Equal(2009, file.GetProperty("year").GetInt32());
        Assert.Equal("CL-TA", file.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal("Tarapacá", file.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal(25, file.GetProperty("progressRows").GetInt32());

        var iii1 = file.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("section").GetString() == "III.1");
        Assert.Equal(19, iii1.GetProperty("objectives").GetInt32());
        Assert.Equal(25, iii1.GetProperty("activities").GetInt32());
        Assert.Equal(7.35m, iii1.GetProperty("weightTotal").GetDecimal());
        Assert.Equal(JsonValueKind.Null, iii1.GetProperty("performance").ValueKind);
        Assert.Equal("INVALIDO", iii1.GetProperty("status").GetString());

        var weightError = file.GetProperty("diagnostics").EnumerateArray()
            .Single(d => d.GetProperty("code").GetString() == "WEIGHT_TOTAL_INVALID" && d.GetProperty("location").GetString()!.StartsWith("III.1", StringComparison.Ordinal));
        Assert.Equal("error", weightError.GetProperty("severity").GetString());
        Assert.Contains("Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100", weightError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SeedXlsxWithoutService_JsonServiceIsNullAndScreenSaysNotStated()
    {
        // The workbook never names its service (the Word form says "Servicio: SERNAM"); the upload path supplies it.
        var json = await CliRunner.RunAsync("validate", Samples.FormPath("tarapaca-2009-etapa3.xlsx"), "--json");
        var screen = await CliRunner.RunAsync("validate", Samples.FormPath("tarapaca-2009-etapa3.xlsx"));

        using var document = JsonDocument.Parse(json.Stdout);
        var file = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("service").ValueKind);
        Assert.Equal(2009, file.GetProperty("year").GetInt32());
        Assert.Contains("Servicio: no indicado · Año: 2009", screen.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_WritesOnlyJsonWithReadableSpanish()
    {
        var run = await CliRunner.RunAsync("validate", "--json", Samples.FormPath(SeedDocx));

        Assert.StartsWith("[", run.Stdout.TrimStart(), StringComparison.Ordinal);
        Assert.EndsWith("]", run.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Tarapacá\"", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00E1", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", run.Screen);
    }

    [Fact]
    public async Task Validate_SeedDocx_ShowsSpanishTableAndDiagnostics()
    {
        var run = await CliRunner.RunAsync("validate", Samples.FormPath(SeedDocx));

        Assert.Contains("III.1", run.Screen, StringComparison.Ordinal);
        Assert.Contains("7,35", run.Screen, StringComparison.Ordinal);
        Assert.Contains("INVALIDO", run.Screen, StringComparison.Ordinal);
        Assert.Contains("Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100", run.Screen, StringComparison.Ordinal);
        Assert.Contains("Filas de análisis del avance (III.4): 25", run.Screen, StringComparison.Ordinal);
        Assert.Contains("Región: Tarapacá (CL-TA)", run.Screen, StringComparison.Ordinal);
        Assert.Contains("Resumen: 1 archivo(s): 0 sin errores, 1 con errores, 0 rechazado(s).", run.Screen, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Validate_SeedXlsx_ReadsTheSameWeightTotal()
    {
        var run = await CliRunner.RunAsync("validate", "--json", Samples.FormPath("tarapaca-2009-etapa3.xlsx"));

        using var json = JsonDocument.Parse(run.Stdout);
        var file = json.RootElement[0];
        Assert.Equal("xlsx", file.GetProperty("format").GetString());
        var iii1 = file.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("section").GetString() == "III.1");
        Assert.Equal(7.35m, iii1.GetProperty("weightTotal").GetDecimal());
        Assert.Equal("INVALIDO", iii1.GetProperty("status").GetString());
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Validate_ClosingFormTarapaca_ShowsPerformanceWithSpanishDecimals()
    {
        var run = await CliRunner.RunAsync("validate", Samples.FormPath("cierre-2009-CL-TA.docx"));

        Assert.Contains("96,00 %", run.Screen, StringComparison.Ordinal);
        Assert.Contains("100,00 %", run.Screen, StringComparison.Ordinal);
        Assert.Contains("CUMPLE", run.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ClosingFormTarapacaJson_PerformanceHasTwoDecimals()
    {
        var run = await CliRunner.RunAsync("validate", "--json", Samples.FormPath("cierre-2009-CL-TA.docx"));

        Assert.Contains("\"performance\": 96.00", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"performance\": 100.00", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PdfRenamedDocx_IsRefusedWithExitOne()
    {
        using var temp = new TempFolder();
        var path = temp.File("informe.docx");
        await File.WriteAllTextAsync(path, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        var run = await CliRunner.RunAsync("validate", "--json", path);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var file = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("informe.docx", file.GetProperty("file").GetString());
        Assert.False(file.GetProperty("accepted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("service").ValueKind);
        Assert.Equal(JsonValueKind.Null, file.GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Null, file.GetProperty("region").ValueKind);
        Assert.Equal(JsonValueKind.Null, file.GetProperty("progressRows").ValueKind);
        Assert.Empty(file.GetProperty("programs").EnumerateArray());
        var error = file.GetProperty("diagnostics").EnumerateArray().First();
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Validate_PdfRenamedDocx_TellsThePersonItWasRefused()
    {
        using var temp = new TempFolder();
        var path = temp.File("informe.docx");
        await File.WriteAllTextAsync(path, "%PDF-1.4\n%%EOF\n");

        var run = await CliRunner.RunAsync("validate", path);

        Assert.Contains("Archivo rechazado", run.Screen, StringComparison.Ordinal);
        Assert.Contains("error", run.Screen, StringComparison.Ordinal);
        Assert.Contains("Resumen: 1 archivo(s): 0 sin errores, 0 con errores, 1 rechazado(s).", run.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_IsUsageErrorInSpanish()
    {
        var run = await CliRunner.RunAsync("validate", "no-existe.docx");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("el archivo «no-existe.docx» no existe", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Validate_NoFileArgument_IsUsageError()
    {
        var run = await CliRunner.RunAsync("validate");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Uso incorrecto: Falta el argumento requerido para el comando: 'validate'.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownOption_IsUsageError()
    {
        var run = await CliRunner.RunAsync("validate", "--colour", Samples.FormPath(SeedDocx));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Uso incorrecto:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("opción desconocida «--colour»", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("pmg --help", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_YearNotANumber_IsUsageError()
    {
        var run = await CliRunner.RunAsync("validate", "--year", "dos mil", Samples.FormPath(SeedDocx));

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Validate_UnknownRegionOption_IsUsageErrorInSpanish()
    {
        var run = await CliRunner.RunAsync("validate", "--region", "Atlántida", Samples.FormPath(SeedDocx));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("la región «Atlántida» no se reconoce", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_KnownRegionAndYearOptions_AreAccepted()
    {
        var run = await CliRunner.RunAsync("validate", "--json", "--region", "Tarapacá", "--year", "2009", Samples.FormPath(SeedDocx));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("CL-TA", json.RootElement[0].GetProperty("region").GetProperty("code").GetString());
        Assert.Equal(2009, json.RootElement[0].GetProperty("year").GetInt32());
    }
}
