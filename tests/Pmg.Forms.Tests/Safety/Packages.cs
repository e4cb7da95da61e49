using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pmg.Forms.Tests.Safety;

/// <summary>Builds small OOXML packages (and hostile variants of them) in memory.</summary>
internal sealed class PackageBuilder
{
    public const string WordMainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private readonly List<(string Name, byte[] Content, CompressionLevel Level)> parts = [];
    private readonly List<(string PartName, string ContentType)> overrides = [];

    /// <summary>A minimal Word document whose body says <paramref name="text"/>.</summary>
    public static PackageBuilder Word(string text = "III.1 Programa de trabajo") =>
        new PackageBuilder()
            .Override("/word/document.xml", WordMainType)
            .With("_rels/.rels", Relationships("word/document.xml"))
            .With("word/document.xml", DocumentXml(text));

    /// <summary>A minimal workbook with one sheet of <paramref name="rows"/> rows of <paramref name="columns"/> cells.</summary>
    public static PackageBuilder Excel(int rows = 3, int columns = 2) =>
        new PackageBuilder()
            .Override("/xl/workbook.xml", ExcelMainType)
            .Override("/xl/worksheets/sheet1.xml", WorksheetType)
            .With("_rels/.rels", Relationships("xl/workbook.xml"))
            .With("xl/workbook.xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>""")
            .With("xl/_rels/workbook.xml.rels",
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""")
            .With("xl/worksheets/sheet1.xml", SheetXml(rows, columns));

    public PackageBuilder Override(string partName, string contentType)
    {
        overrides.Add((partName, contentType));
        return this;
    }

    public PackageBuilder With(string name, string content, CompressionLevel level = CompressionLevel.Optimal) =>
        With(name, Encoding.UTF8.GetBytes(content), level);

    public PackageBuilder With(string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        parts.RemoveAll(p => p.Name == name);
        parts.Add((name, content, level));
        return this;
    }

    public byte[] Build(bool withContentTypes = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (withContentTypes)
            {
                Write(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypesXml()), CompressionLevel.Optimal);
            }

            foreach (var (name, content, level) in parts)
            {
                Write(zip, name, content, level);
            }
        }

        return buffer.ToArray();
    }

    public static string DocumentXml(string text) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""";

    public static string SheetXml(int rows, int columns)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 1; r <= rows; r++)
        {
            xml.Append("<row r=\"").Append(r).Append("\">");
            for (var c = 0; c < columns; c++)
            {
                xml.Append("<c r=\"").Append((char)('A' + c)).Append(r).Append("\"><v>").Append(r * 7 % 13).Append("</v></c>");
            }

            xml.Append("</row>");
        }

        return xml.Append("</sheetData></worksheet>").ToString();
    }

    private static string Relationships(string target) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/></Relationships>""";

    private string ContentTypesXml()
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""");
        foreach (var (partName, contentType) in overrides)
        {
            xml.Append("<Override PartName=\"").Append(partName).Append("\" ContentType=\"").Append(contentType).Append("\"/>");
        }

        return xml.Append("</Types>").ToString();
    }

    private static void Write(ZipArchive zip, string name, byte[] content, CompressionLevel level)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(content);
    }
}

/// <summary>Byte-level surgery on a built zip: rewrite what the central directory declares about an entry.</summary>
internal static class ZipSurgery
{
    /// <summary>Overwrites the declared uncompressed size of <paramref name="entryName"/> in the central directory.</summary>
    public static byte[] DeclareUncompressedSize(byte[] zip, string entryName, uint size)
    {
        var patched = (byte[])zip.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(CentralHeaderOf(patched, entryName) + 24), size);
        return patched;
    }

    /// <summary>The offset where <paramref name="entryName"/>'s compressed data starts.</summary>
    public static int DataOffsetOf(byte[] zip, string entryName)
    {
        var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(CentralHeaderOf(zip, entryName) + 42));
        return local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 28));
    }

    /// <summary>The offset of <paramref name="entryName"/>'s local header.</summary>
    public static int LocalHeaderOf(byte[] zip, string entryName) =>
        (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(CentralHeaderOf(zip, entryName) + 42));

    private static int CentralHeaderOf(byte[] zip, string entryName)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = zip.Length - 46; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == 0x02014b50
                && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28)) == name.Length
                && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No central directory header for {entryName}.");
    }
}

/// <summary>Finds the repository's <c>samples/</c> from the test's bin folder: up to PmgFunctions.sln.</summary>
internal static class Samples
{
    public static string FormsDirectory { get; } = Path.Combine(SamplesParent(), "samples", "forms");

    public static byte[] Read(string fileName) => File.ReadAllBytes(Path.Combine(FormsDirectory, fileName));

    public static IEnumerable<string> AllForms() =>
        Directory.EnumerateFiles(FormsDirectory).Where(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static string SamplesParent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmgFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("PmgFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
