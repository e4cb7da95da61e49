using System.IO.Compression;
using System.Text;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Tests.Safety;

public sealed class PackageInspectorTests
{
    private static readonly PackageLimits Limits = PackageLimits.Default;

    public static TheoryData<string> SampleForms() => new(Samples.AllForms().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(SampleForms))]
    public void Inspect_SampleForm_IsSafeWithSniffedFormat(string fileName)
    {
        var verdict = PackageInspector.Inspect(Samples.Read(fileName), fileName, Limits);

        Assert.Null(verdict.Refusal);
        Assert.Equal(fileName.EndsWith(".docx", StringComparison.Ordinal) ? FormFormat.Word : FormFormat.Excel, verdict.Format);
    }

    [Fact]
    public void Inspect_WorkbookRenamedDocx_SniffsExcelNotExtension()
    {
        var verdict = PackageInspector.Inspect(Samples.Read("tarapaca-2009-etapa3.xlsx"), "formulario.docx", Limits);

        Assert.Null(verdict.Refusal);
        Assert.Equal(FormFormat.Excel, verdict.Format);
    }

    [Fact]
    public void Inspect_MinimalBuiltPackages_AreSafe()
    {
        Assert.Null(PackageInspector.Inspect(PackageBuilder.Word().Build(), "a.docx", Limits).Refusal);
        Assert.Null(PackageInspector.Inspect(PackageBuilder.Excel().Build(), "a.xlsx", Limits).Refusal);
    }

    [Fact]
    public void Inspect_EmptyFile_RefusesFileEmpty()
    {
        var refusal = Refused(PackageInspector.Inspect(ReadOnlyMemory<byte>.Empty, "vacio.docx", Limits), RefusalCodes.FileEmpty);

        Assert.Equal("El archivo «vacio.docx» está vacío (0 bytes). Vuelva a adjuntar el formulario.", refusal.Message);
    }

    [Fact]
    public void Inspect_FileOverMaxFileBytes_RefusesFileTooLarge()
    {
        var limits = Limits with { MaxFileBytes = 1024 * 1024 };
        var content = new byte[(1024 * 1024) + (512 * 1024)];

        var refusal = Refused(PackageInspector.Inspect(content, "grande.xlsx", limits), RefusalCodes.FileTooLarge);

        Assert.StartsWith("El archivo «grande.xlsx» pesa 1,5 MB; el máximo es 1 MB.", refusal.Message);
    }

    [Fact]
    public void Inspect_TruncatedSample_RefusesFileTruncated()
    {
        var sample = Samples.Read("tarapaca-2009-etapa3.docx");

        var refusal = Refused(PackageInspector.Inspect(sample.AsMemory(0, sample.Length * 2 / 3), "tarapaca-2009-etapa3.docx", Limits), RefusalCodes.FileTruncated);

        Assert.StartsWith("El archivo «tarapaca-2009-etapa3.docx» está incompleto (truncado): falta el directorio final del paquete ZIP.", refusal.Message);
    }

    [Fact]
    public void Inspect_FlippedByteInStoredPart_RefusesFileCorruptOnCrc()
    {
        var zip = PackageBuilder.Word().With("word/media/image1.bin", new byte[4096], CompressionLevel.NoCompression).Build();
        zip[ZipSurgery.DataOffsetOf(zip, "word/media/image1.bin") + 100] ^= 0xFF;

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", Limits), RefusalCodes.FileCorrupt);

        Assert.StartsWith("El archivo «informe.docx» está dañado: la parte «word/media/image1.bin» no supera la verificación de integridad (CRC o tamaño).", refusal.Message);
    }

    [Fact]
    public void Inspect_BrokenLocalHeader_RefusesFileCorrupt()
    {
        var zip = PackageBuilder.Word().Build();
        zip[ZipSurgery.LocalHeaderOf(zip, "word/document.xml")] = (byte)'X';

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", Limits), RefusalCodes.FileCorrupt);

        Assert.Contains("el encabezado local de la parte «word/document.xml» es inválido", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_MalformedDocumentXml_RefusesFileCorrupt()
    {
        var zip = PackageBuilder.Word().With("word/document.xml", "<w:document><w:body>").Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", Limits), RefusalCodes.FileCorrupt);

        Assert.Contains("la parte «word/document.xml» no es XML válido", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_WorkbookWithoutItsWorksheetPart_RefusesFileCorrupt()
    {
        var workbook = Samples.Read("tarapaca-2009-etapa3.xlsx");
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => e.FullName != "xl/worksheets/sheet2.xml"))
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
        }

        var refusal = Refused(PackageInspector.Inspect(output.ToArray(), "tarapaca.xlsx", Limits), RefusalCodes.FileCorrupt);

        Assert.Contains("la parte «xl/_rels/workbook.xml.rels» hace referencia a «/xl/worksheets/sheet2.xml», que no existe en el archivo", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_rels/.rels", "word/document.xml", "word/document.xml")]
    [InlineData("_rels/.rels", "/word/document.xml", "word/document.xml")]
    [InlineData("word/_rels/document.xml.rels", "media/image%201.png", "word/media/image 1.png")]
    [InlineData("xl/worksheets/_rels/sheet1.xml.rels", "../drawings/drawing1.xml", "xl/drawings/drawing1.xml")]
    [InlineData("_rels/.rels", "../../etc/passwd", null)]
    public void ResolveTarget_RelationshipTarget_IsPartNameRelativeToSource(string relsPart, string target, string? expected)
    {
        Assert.Equal(expected, PackageInspector.ResolveTarget(relsPart, target));
    }

    [Fact]
    public void Inspect_PdfNamedDocx_RefusesNotOoxmlAsPdf()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

        var refusal = Refused(PackageInspector.Inspect(pdf, "tarapaca.docx", Limits), RefusalCodes.NotOoxml);

        Assert.Equal("El archivo «tarapaca.docx» no es un documento Word (.docx) ni Excel (.xlsx): parece un PDF. Envíe el formulario en formato .docx o .xlsx.", refusal.Message);
    }

    [Fact]
    public void Inspect_HtmlPageNamedDocx_RefusesNotOoxmlAsHtml()
    {
        var html = Encoding.UTF8.GetBytes("\uFEFF<!DOCTYPE html>\n<html lang=\"es\"><head><title>Formulario</title></head><body><p>Programa de trabajo año 2009</p></body></html>");

        var refusal = Refused(PackageInspector.Inspect(html, "formulario.docx", Limits), RefusalCodes.NotOoxml);

        Assert.Contains("parece una página web (HTML)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_PlainTextNamedXlsx_RefusesNotOoxmlAsText()
    {
        var text = Encoding.UTF8.GetBytes("Región;Programa;Ponderación\nTarapacá;III.1;50%\n");

        var refusal = Refused(PackageInspector.Inspect(text, "datos.xlsx", Limits), RefusalCodes.NotOoxml);

        Assert.Contains("parece un archivo de texto", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_PngNamedXlsx_RefusesNotOoxmlAsImage()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        var refusal = Refused(PackageInspector.Inspect(png, "foto.xlsx", Limits), RefusalCodes.NotOoxml);

        Assert.Contains("parece una imagen PNG", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ZipWithoutContentTypes_RefusesNotOoxml()
    {
        var zip = PackageBuilder.Word().Build(withContentTypes: false);

        var refusal = Refused(PackageInspector.Inspect(zip, "carpeta.docx", Limits), RefusalCodes.NotOoxml);

        Assert.Contains("parece un archivo ZIP que no es un documento de Office", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_LegacyWordDocument_RefusesLegacyOrEncrypted()
    {
        var refusal = Refused(PackageInspector.Inspect(CompoundFile("WordDocument"), "informe.doc", Limits), RefusalCodes.LegacyOrEncrypted);

        Assert.Equal("El archivo «informe.doc» está en el formato antiguo de Word 97-2003 (.doc), que no se acepta. Ábralo y guárdelo como .docx o .xlsx sin contraseña, y vuelva a enviarlo.", refusal.Message);
    }

    [Fact]
    public void Inspect_PasswordProtectedXlsx_RefusesLegacyOrEncryptedAsEncrypted()
    {
        var refusal = Refused(PackageInspector.Inspect(CompoundFile("EncryptionInfo"), "tarapaca.xlsx", Limits), RefusalCodes.LegacyOrEncrypted);

        Assert.StartsWith("El archivo «tarapaca.xlsx» está protegido con contraseña (cifrado)", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("guárdelo como .docx o .xlsx sin contraseña", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DocmWithVbaProject_RefusesMacroEnabled()
    {
        var zip = PackageBuilder.Word()
            .Override("/word/vbaProject.bin", "application/vnd.ms-office.vbaProject")
            .With("word/vbaProject.bin", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3 })
            .Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", Limits), RefusalCodes.MacroEnabled);

        Assert.Equal("El archivo «informe.docx» contiene macros (VBA), que no se aceptan por seguridad. Guárdelo como documento .docx o libro .xlsx sin macros y vuelva a enviarlo.", refusal.Message);
    }

    [Fact]
    public void Inspect_MacroEnabledMainContentType_RefusesMacroEnabled()
    {
        var zip = new PackageBuilder()
            .Override("/xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            .With("xl/workbook.xml", "<workbook/>")
            .Build();

        Refused(PackageInspector.Inspect(zip, "libro.xlsm", Limits), RefusalCodes.MacroEnabled);
    }

    [Fact]
    public void Inspect_BillionLaughsInDocumentXml_RefusesDtdForbidden()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            laughs.Append("<!ENTITY lol").Append(i).Append(" \"").Append(string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : i - 1)};", 10))).Append("\">\n");
        }

        laughs.Append("]>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
        var zip = PackageBuilder.Word().With("word/document.xml", laughs.ToString()).Build();

        var verdict = PackageInspector.Inspect(zip, "informe.docx", Limits);

        var refusal = Refused(verdict, RefusalCodes.DtdForbidden);
        Assert.Equal(FormFormat.Word, verdict.Format);
        Assert.StartsWith("El archivo «informe.docx» contiene una declaración DTD o de entidades (<!DOCTYPE>/<!ENTITY>) en la parte «word/document.xml», que no se acepta por seguridad.", refusal.Message);
    }

    [Fact]
    public void Inspect_Utf16DoctypeInRelationships_RefusesDtdForbidden()
    {
        var rels = Encoding.Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE r [<!ENTITY x \"y\">]><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"))
            .ToArray();
        var zip = PackageBuilder.Word().With("word/_rels/document.xml.rels", rels).Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", Limits), RefusalCodes.DtdForbidden);

        Assert.Contains("en la parte «word/_rels/document.xml.rels»", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_EntryInflatingPastItsDeclaredSize_RefusesZipBomb()
    {
        // 8 MiB of zeros deflate to a few KiB; the directory is then patched to claim 1,000 bytes.
        var honest = PackageBuilder.Word().With("word/media/image1.bin", new byte[8 * 1024 * 1024]).Build();
        var lying = ZipSurgery.DeclareUncompressedSize(honest, "word/media/image1.bin", 1_000);

        var refusal = Refused(PackageInspector.Inspect(lying, "informe.docx", Limits), RefusalCodes.ZipBomb);

        Assert.StartsWith("El archivo «informe.docx» fue rechazado por seguridad: la parte «word/media/image1.bin» se descomprime a más bytes de los que declara su encabezado ZIP.", refusal.Message);
    }

    [Fact]
    public void Inspect_HugeDeclaredSize_RefusesZipBombBeforeInflating()
    {
        var zip = ZipSurgery.DeclareUncompressedSize(PackageBuilder.Word().Build(), "word/document.xml", 3_000_000_000);

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", Limits), RefusalCodes.ZipBomb);

        Assert.Contains("la parte «word/document.xml» declara que se descomprime a 2861 MB, más que el máximo de 200 MB", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_HonestHighRatioEntry_RefusesZipBomb()
    {
        var zip = PackageBuilder.Word().With("word/media/image1.bin", new byte[8 * 1024 * 1024]).Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", Limits), RefusalCodes.ZipBomb);

        Assert.Contains("veces su tamaño comprimido (máximo 100)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_TotalDeclaredPastMaxInflated_RefusesZipBomb()
    {
        var limits = Limits with { MaxInflatedBytes = 64 * 1024 };
        var zip = PackageBuilder.Word()
            .With("word/media/a.bin", RandomBytes(40 * 1024, 1))
            .With("word/media/b.bin", RandomBytes(40 * 1024, 2))
            .Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", limits), RefusalCodes.ZipBomb);

        Assert.Contains("sus partes declaran que se descomprimen a más de 0,1 MB", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_GiantAttributeInDocumentXml_RefusesZipBombBeforeXmlReaderBuffersIt()
    {
        // Limits of 1 MB allow 128 KiB without markup; random letters keep the ratio honest.
        var limits = Limits with { MaxInflatedBytes = 1024 * 1024 };
        var letters = new string(RandomBytes(300 * 1024, 3).Select(b => (char)('a' + (b % 26))).ToArray());
        var zip = PackageBuilder.Word()
            .With("word/document.xml", $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" w:x=\"{letters}\"/>")
            .Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", limits), RefusalCodes.ZipBomb);

        Assert.Contains("la parte «word/document.xml» contiene un solo texto o atributo de más de 0,1 MB", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_TooManyEntries_RefusesZipBomb()
    {
        var builder = PackageBuilder.Word();
        for (var i = 0; i < 30; i++)
        {
            builder.With($"customXml/item{i}.xml", "<a/>");
        }

        var refusal = Refused(PackageInspector.Inspect(builder.Build(), "informe.docx", Limits with { MaxEntries = 20 }), RefusalCodes.ZipBomb);

        Assert.Contains("contiene 33 partes comprimidas, más que el máximo de 20", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_NestedZipOutsideEmbeddings_RefusesZipBomb()
    {
        var zip = PackageBuilder.Word().With("word/media/inner.bin", PackageBuilder.Word().Build()).Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "informe.docx", Limits), RefusalCodes.ZipBomb);

        Assert.Contains("contiene otro archivo comprimido dentro («word/media/inner.bin»)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_EmbeddedWorkbookInWordEmbeddings_IsSafe()
    {
        var zip = PackageBuilder.Word().With("word/embeddings/Microsoft_Excel_Worksheet.xlsx", PackageBuilder.Excel().Build()).Build();

        Assert.Null(PackageInspector.Inspect(zip, "informe.docx", Limits).Refusal);
    }

    [Fact]
    public void Inspect_SixtyThousandRowSheet_RefusesSheetTooLarge()
    {
        var zip = PackageBuilder.Excel(rows: 60_000, columns: 1).Build();

        var verdict = PackageInspector.Inspect(zip, "tarapaca.xlsx", Limits);

        var refusal = Refused(verdict, RefusalCodes.SheetTooLarge);
        Assert.Equal(FormFormat.Excel, verdict.Format);
        Assert.Equal("La hoja «xl/worksheets/sheet1.xml» del archivo «tarapaca.xlsx» tiene más de 50.000 filas, el máximo permitido. Elimine las filas sobrantes y vuelva a enviarlo.", refusal.Message);
    }

    [Fact]
    public void Inspect_SheetPastCellCap_RefusesSheetTooLarge()
    {
        var zip = PackageBuilder.Excel(rows: 100, columns: 20).Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "tarapaca.xlsx", Limits with { MaxSheetCells = 1_500 }), RefusalCodes.SheetTooLarge);

        Assert.Contains("tiene más de 1.500 celdas", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_PowerPointPackage_RefusesNotAFormFormat()
    {
        var zip = new PackageBuilder()
            .Override("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")
            .With("ppt/presentation.xml", "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>")
            .Build();

        var refusal = Refused(PackageInspector.Inspect(zip, "avance.docx", Limits), RefusalCodes.NotAFormFormat);

        Assert.Equal("El archivo «avance.docx» es una presentación de PowerPoint, no un documento Word (.docx) ni un libro Excel (.xlsx). Envíe el formulario en uno de esos formatos.", refusal.Message);
    }

    private static Diagnostic Refused(PackageVerdict verdict, string code)
    {
        var refusal = Assert.IsType<Diagnostic>(verdict.Refusal);
        Assert.Equal(code, refusal.Code);
        Assert.Equal(Severity.Error, refusal.Severity);
        Assert.Equal(SourceLocation.Document, refusal.Location);
        return refusal;
    }

    /// <summary>A 512-byte compound-file header followed by a directory sector naming one UTF-16LE stream.</summary>
    private static byte[] CompoundFile(string streamName)
    {
        var bytes = new byte[1536];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("Root Entry").CopyTo(bytes, 1024);
        Encoding.Unicode.GetBytes(streamName).CopyTo(bytes, 1024 + 128);
        return bytes;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
