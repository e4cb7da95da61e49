using System.IO.Compression;
using Pmg.Domain.Reading;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Tests.Safety;

/// <summary>
/// The reader's own path: the inspector hands over the parts it inflated, and the refusals that the stand-alone
/// inspection makes while XML-scanning those parts (invalid XML, sheet caps) are made by the readers' single pass.
/// </summary>
public sealed class VettedReadingTests
{
    private static readonly FormReadOptions Options = new() { Service = "SERNAM", Year = 2009 };

    [Fact]
    public async Task ReadAsync_SixtyThousandRowSheet_RefusesSheetTooLargeWhileReading()
    {
        var zip = PackageBuilder.Excel(rows: 60_000, columns: 1).Build();

        var result = await ReadAsync(new FormReader(), zip, "tarapaca.xlsx");

        var refusal = Assert.Single(result.Diagnostics);
        Assert.False(result.Accepted);
        Assert.Equal(RefusalCodes.SheetTooLarge, refusal.Code);
        Assert.Equal("La hoja «xl/worksheets/sheet1.xml» del archivo «tarapaca.xlsx» tiene más de 50.000 filas, el máximo permitido. Elimine las filas sobrantes y vuelva a enviarlo.", refusal.Message);
    }

    [Fact]
    public async Task ReadAsync_SheetPastCellCap_RefusesSheetTooLargeWhileReading()
    {
        var zip = PackageBuilder.Excel(rows: 100, columns: 20).Build();

        var result = await ReadAsync(new FormReader(PackageLimits.Default with { MaxSheetCells = 1_500 }), zip, "tarapaca.xlsx");

        var refusal = Assert.Single(result.Diagnostics);
        Assert.Equal(RefusalCodes.SheetTooLarge, refusal.Code);
        Assert.Contains("tiene más de 1.500 celdas", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MalformedDocumentXml_RefusesFileCorruptNamingThePart()
    {
        var zip = PackageBuilder.Word().With("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>").Build();

        var result = await ReadAsync(new FormReader(), zip, "informe.docx");

        var refusal = Assert.Single(result.Diagnostics);
        Assert.Equal(RefusalCodes.FileCorrupt, refusal.Code);
        Assert.StartsWith("El archivo «informe.docx» está dañado: la parte «word/document.xml» no es XML válido.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MalformedWorksheet_RefusesFileCorruptNamingTheSheet()
    {
        var zip = PackageBuilder.Excel().With("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row>").Build();

        var result = await ReadAsync(new FormReader(), zip, "tarapaca.xlsx");

        var refusal = Assert.Single(result.Diagnostics);
        Assert.Equal(RefusalCodes.FileCorrupt, refusal.Code);
        Assert.Contains("la parte «xl/worksheets/sheet1.xml» no es XML válido", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DamagedDeflatedPartNobodyParses_IsNotInflatedAndPasses()
    {
        // word/styles.xml is never read: its deflate data is garbage, but its directory entry is honest.
        var zip = PackageBuilder.Word().With("word/styles.xml", new string('x', 4096)).Build();
        var data = ZipSurgery.DataOffsetOf(zip, "word/styles.xml");
        zip.AsSpan(data + 2, 8).Fill(0xFF);

        var verdict = PackageInspector.Inspect(zip, "informe.docx", PackageLimits.Default);

        Assert.Null(verdict.Refusal);
    }

    [Fact]
    public void Inspect_DamagedDeflatedMainDocument_RefusesFileCorrupt()
    {
        var zip = PackageBuilder.Word().With("word/document.xml", PackageBuilder.DocumentXml(new string('x', 4096))).Build();
        var data = ZipSurgery.DataOffsetOf(zip, "word/document.xml");
        zip.AsSpan(data + 2, 8).Fill(0xFF);

        var verdict = PackageInspector.Inspect(zip, "informe.docx", PackageLimits.Default);

        Assert.Equal(RefusalCodes.FileCorrupt, verdict.Refusal?.Code);
    }

    [Fact]
    public async Task ReadAsync_StoredUnparsedPartWithDoctype_RefusesDtdForbidden()
    {
        var zip = PackageBuilder.Word()
            .With("word/styles.xml", "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"b\">]><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>", CompressionLevel.NoCompression)
            .Build();

        var result = await ReadAsync(new FormReader(), zip, "informe.docx");

        Assert.Equal(RefusalCodes.DtdForbidden, Assert.Single(result.Diagnostics).Code);
        Assert.Contains("en la parte «word/styles.xml»", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    private static async Task<FormReadResult> ReadAsync(FormReader reader, byte[] content, string fileName)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await reader.ReadAsync(stream, fileName, Options, CancellationToken.None);
    }
}
