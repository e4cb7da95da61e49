using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Pmg.Testing;

namespace Pmg.Cli.Tests;

public sealed class ReportCommandTests
{
    private static string[] ClosingForms() =>
    [
        Samples.FormPath("cierre-2009-CL-TA.docx"),
        Samples.FormPath("cierre-2009-CL-VS.docx"),
        Samples.FormPath("cierre-2009-CL-BI.docx"),
    ];

    private static JsonElement RegionEntry(JsonDocument json, string code) =>
        json.RootElement.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("region").GetString() == code);

    private static (decimal? Performance, string Status) Program(JsonElement region, string section)
    {
        var program = region.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("section").GetString() == section);
        var performance = program.GetProperty("performance");
        return (performance.ValueKind == JsonValueKind.Null ? null : performance.GetDecimal(), program.GetProperty("status").GetString()!);
    }

    [Fact]
    public async Task Report_ClosingForms_MatchTheExpectedRegionalResults()
    {
        var run = await CliRunner.RunAsync(["report", "--json", .. ClosingForms()]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Samples.ExpectedPath("cierre-2009-expected.json")));
        foreach (var region in expected.RootElement.GetProperty("regions").EnumerateObject())
        {
            var entry = RegionEntry(json, region.Name);
            foreach (var result in region.Value.GetProperty("results").EnumerateObject())
            {
                var (performance, status) = Program(entry, result.Name);
                Assert.Equal(decimal.Parse(result.Value.GetProperty("performance").GetString()!, CultureInfo.InvariantCulture), performance);
                Assert.Equal(result.Value.GetProperty("status").GetString(), status);
            }
        }
    }

    [Fact]
    public async Task Report_ClosingForms_RegionalNumbersAndFiles()
    {
        var run = await CliRunner.RunAsync(["report", "--json", .. ClosingForms()]);

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["CL-TA", "CL-VS", "CL-BI"], json.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString()));
        var tarapaca = RegionEntry(json, "CL-TA");
        Assert.Equal("cierre-2009-CL-TA.docx", tarapaca.GetProperty("file").GetString());
        Assert.Equal((96.00m, "CUMPLE"), Program(tarapaca, "III.1"));
        Assert.Equal((100.00m, "CUMPLE"), Program(tarapaca, "III.2"));
        Assert.Equal((88.00m, "NO CUMPLE"), Program(RegionEntry(json, "CL-VS"), "III.1"));
        Assert.Equal((88.88m, "NO CUMPLE"), Program(RegionEntry(json, "CL-VS"), "III.2"));
        Assert.Equal((72.00m, "NO CUMPLE"), Program(RegionEntry(json, "CL-BI"), "III.1"));
        Assert.Equal((77.77m, "NO CUMPLE"), Program(RegionEntry(json, "CL-BI"), "III.2"));
        Assert.Contains("\"performance\": 96.00", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ClosingForms_NationalIsNoCumpleForBothProgrammes()
    {
        var run = await CliRunner.RunAsync(["report", "--json", .. ClosingForms()]);

        using var json = JsonDocument.Parse(run.Stdout);
        var national = json.RootElement.GetProperty("national").EnumerateArray().ToDictionary(n => n.GetProperty("section").GetString()!);
        Assert.Equal("NO CUMPLE", national["III.1"].GetProperty("status").GetString());
        Assert.Equal(3, national["III.1"].GetProperty("regions").GetInt32());
        Assert.Equal(1, national["III.1"].GetProperty("complying").GetInt32());
        Assert.Equal("NO CUMPLE", national["III.2"].GetProperty("status").GetString());
        Assert.Equal(3, national["III.2"].GetProperty("regions").GetInt32());
        Assert.Equal(1, national["III.2"].GetProperty("complying").GetInt32());
    }

    [Fact]
    public async Task Report_Folder_FindsTheFormsRecursively()
    {
        using var temp = new TempFolder();
        var nested = Directory.CreateDirectory(Path.Combine(temp.Path, "2009", "norte")).FullName;
        File.Copy(Samples.FormPath("cierre-2009-CL-TA.docx"), Path.Combine(nested, "cierre-2009-CL-TA.docx"));
        File.Copy(Samples.FormPath("cierre-2009-CL-BI.xlsx"), Path.Combine(temp.Path, "cierre-2009-CL-BI.xlsx"));
        await File.WriteAllTextAsync(Path.Combine(temp.Path, "notas.txt"), "no es un formulario");

        var run = await CliRunner.RunAsync("report", "--json", temp.Path);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["CL-TA", "CL-BI"], json.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString()));
        Assert.Equal((72.00m, "NO CUMPLE"), Program(RegionEntry(json, "CL-BI"), "III.1"));
    }

    /// <summary>Tarapacá's closing form twice (Word written on 1 December, Excel on 2 December) and Biobío's, in a folder.</summary>
    private static string TwoFormsOfTarapaca(TempFolder temp)
    {
        File.Copy(Samples.FormPath("cierre-2009-CL-TA.docx"), temp.File("cierre-2009-CL-TA.docx"));
        File.Copy(Samples.FormPath("cierre-2009-CL-TA.xlsx"), temp.File("cierre-2009-CL-TA.xlsx"));
        File.Copy(Samples.FormPath("cierre-2009-CL-BI.docx"), temp.File("cierre-2009-CL-BI.docx"));
        File.SetLastWriteTimeUtc(temp.File("cierre-2009-CL-TA.docx"), new DateTime(2026, 12, 1, 13, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(temp.File("cierre-2009-CL-TA.xlsx"), new DateTime(2026, 12, 2, 13, 0, 0, DateTimeKind.Utc));
        return temp.Path;
    }

    private static JsonElement Duplicate(JsonDocument json) =>
        json.RootElement.GetProperty("observations").EnumerateArray().First(o => o.GetProperty("code").GetString() == "DUPLICATE_REGION");

    [Fact]
    public async Task Report_FolderWithTwoFormsOfARegion_CountsTheMostRecentAndSaysWhy()
    {
        using var temp = new TempFolder();

        var run = await CliRunner.RunAsync("report", "--json", TwoFormsOfTarapaca(temp));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var tarapaca = json.RootElement.GetProperty("regions").EnumerateArray().Where(r => r.GetProperty("region").GetString() == "CL-TA").ToList();
        Assert.Equal(
            [("cierre-2009-CL-TA.docx", false), ("cierre-2009-CL-TA.xlsx", true)],
            tarapaca.Select(r => (r.GetProperty("file").GetString(), r.GetProperty("countsNationally").GetBoolean())));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 13, 0, 0, TimeSpan.Zero), tarapaca[1].GetProperty("modifiedAt").GetDateTimeOffset());
        var national = json.RootElement.GetProperty("national").EnumerateArray().Single(n => n.GetProperty("section").GetString() == "III.1");
        Assert.Equal(2, national.GetProperty("regions").GetInt32());
        var duplicate = Duplicate(json);
        Assert.Equal("warning", duplicate.GetProperty("severity").GetString());
        // Chile time whatever the machine's zone: 13:00 UTC on 1 and 2 December 2026 is 10:00 in Santiago (summer, UTC-3).
        static string When(int day) => $"0{day}-12-2026 10:00:00";
        Assert.Equal(
            $"La región Tarapacá (CL-TA) tiene 2 formularios de SERNAM para 2009: cierre-2009-CL-TA.docx (modificado el {When(1)}), cierre-2009-CL-TA.xlsx (modificado el {When(2)}). "
                + "En el resultado nacional se considera solo «cierre-2009-CL-TA.xlsx», el más reciente, como el proceso hace con las subidas. Para considerar otro, use --prefer ARCHIVO.",
            duplicate.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Report_PreferTheOlderForm_CountsItAndSaysTheOtherIsMoreRecent()
    {
        using var temp = new TempFolder();
        var folder = TwoFormsOfTarapaca(temp);

        var run = await CliRunner.RunAsync("report", "--json", folder, "--prefer", temp.File("cierre-2009-CL-TA.docx"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var counted = json.RootElement.GetProperty("regions").EnumerateArray()
            .Where(r => r.GetProperty("region").GetString() == "CL-TA" && r.GetProperty("countsNationally").GetBoolean())
            .Select(r => r.GetProperty("file").GetString());
        Assert.Equal(["cierre-2009-CL-TA.docx"], counted);
        Assert.EndsWith("se considera solo «cierre-2009-CL-TA.docx», el elegido, aunque el más reciente es «cierre-2009-CL-TA.xlsx».", Duplicate(json).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_TwoFormsOfARegion_TellsPeopleWhichCountsAndWhy()
    {
        using var temp = new TempFolder();

        var run = await CliRunner.RunAsync("report", TwoFormsOfTarapaca(temp));

        Assert.Contains("Tarapacá (CL-TA): cierre-2009-CL-TA.docx (* no cuenta a nivel nacional)", run.Screen, StringComparison.Ordinal);

        // An observation's message is wrapped under its heading: read it as one line.
        var messages = UploadCommandTests.Flatten(run.Screen);
        Assert.Contains("En el resultado nacional se considera solo «cierre-2009-CL-TA.xlsx», el más reciente, como el proceso hace con las subidas. Para considerar otro, use --prefer ARCHIVO.", messages, StringComparison.Ordinal);

        // Said once, naming both forms, not once per form.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(messages, "La región Tarapacá \\(CL-TA\\) tiene 2 formularios"));
        Assert.Contains("advertencia · cierre-2009-CL-TA.docx, cierre-2009-CL-TA.xlsx · documento · DUPLICATE_REGION", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PreferAFileThatIsNotInTheReport_IsAUsageError()
    {
        using var temp = new TempFolder();

        var run = await CliRunner.RunAsync("report", TwoFormsOfTarapaca(temp), "--prefer", Samples.FormPath("cierre-2009-CL-VS.docx"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--prefer «", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no es uno de los formularios del informe", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ClosingForms_ShowsSpanishTablesForPeople()
    {
        var run = await CliRunner.RunAsync(["report", .. ClosingForms()]);

        Assert.Contains("Resultados regionales", run.Screen, StringComparison.Ordinal);
        Assert.Contains("Tarapacá (CL-TA)", run.Screen, StringComparison.Ordinal);
        Assert.Contains("96,00 %", run.Screen, StringComparison.Ordinal);
        Assert.Contains("88,88 %", run.Screen, StringComparison.Ordinal);
        Assert.Contains("77,77 %", run.Screen, StringComparison.Ordinal);
        Assert.Contains("Resultado nacional", run.Screen, StringComparison.Ordinal);
        Assert.Contains("NO CUMPLE", run.Screen, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Report_Xlsx_WritesWorkbookWithTheNumbers()
    {
        using var temp = new TempFolder();
        var output = temp.File("consolidado.xlsx");

        var run = await CliRunner.RunAsync(["report", "--xlsx", output, .. ClosingForms()]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Libro consolidado escrito en", run.Screen, StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(output, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbookPart = document.WorkbookPart!;
        Assert.Equal(["Nacional", "Regiones", "Observaciones"], workbookPart.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value));
        var title = SheetRows(workbookPart, "Nacional").Take(5).Select(r => r[0]).ToList();
        Assert.Equal(["Consolidado PMG Gestión Territorial (formularios locales, no los subidos)", "Servicio: SERNAM", "Año: 2009"], title.Take(3));
        Assert.Matches(@"^Generado el \d{1,2} de [a-z]+ de \d{4}, \d{2}:\d{2} \(hora de Chile\)$", title[3]);
        Assert.Equal("Reglas aplicadas:", title[4]);

        var regions = SheetRows(workbookPart, "Regiones");
        var tarapaca = regions.Single(r => r[0] == "CL-TA");
        Assert.Equal("Tarapacá", tarapaca[1]);
        Assert.Equal("cierre-2009-CL-TA.docx", tarapaca[3]);
        Assert.Equal(0.96m, decimal.Parse(tarapaca[5]!, CultureInfo.InvariantCulture));
        Assert.Equal("CUMPLE", tarapaca[6]);
        var biobio = regions.Single(r => r[0] == "CL-BI");
        Assert.Equal(0.7777m, decimal.Parse(biobio[7]!, CultureInfo.InvariantCulture));
        Assert.Equal("NO CUMPLE", biobio[8]);

        var national = SheetRows(workbookPart, "Nacional");
        Assert.Equal(["III.1", "Gestión Territorial", "NO CUMPLE", "3", "1"], national.Single(r => r.FirstOrDefault() == "III.1").Select(v => v ?? ""));
        Assert.Equal(["III.2", "Complementariedad Territorial", "NO CUMPLE", "3", "1"], national.Single(r => r.FirstOrDefault() == "III.2").Select(v => v ?? ""));
    }

    [Fact]
    public async Task Report_MissingFolder_IsUsageErrorInSpanish()
    {
        var run = await CliRunner.RunAsync("report", Path.Combine(Path.GetTempPath(), "pmg-no-existe-carpeta"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No se encontró el archivo o carpeta", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_EmptyFolder_IsUsageErrorInSpanish()
    {
        using var temp = new TempFolder();

        var run = await CliRunner.RunAsync("report", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no contiene formularios .docx ni .xlsx", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_XlsxIntoMissingFolder_IsUsageErrorInSpanish()
    {
        using var temp = new TempFolder();

        var run = await CliRunner.RunAsync("report", "--xlsx", Path.Combine(temp.Path, "no", "existe.xlsx"), Samples.FormPath("cierre-2009-CL-TA.docx"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no se pudo escribir el libro", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Each row as the texts/values of columns A.. in order, empty cells as null.</summary>
    private static List<string?[]> SheetRows(WorkbookPart workbookPart, string name)
    {
        var sheet = workbookPart.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Row>().Select(row =>
        {
            var cells = row.Elements<Cell>().ToList();
            var width = cells.Count == 0 ? 0 : cells.Max(c => ColumnIndex(c.CellReference!.Value!)) + 1;
            var values = new string?[width];
            foreach (var cell in cells)
            {
                values[ColumnIndex(cell.CellReference!.Value!)] = cell.InlineString?.InnerText ?? cell.CellValue?.Text;
            }

            return values;
        }).ToList();
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
