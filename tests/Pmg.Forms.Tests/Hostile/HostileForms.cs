using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Pmg.Forms.Tests.Hostile;

/// <summary>
/// The hostile files of issue 10, made in code from a sample form's bytes (nothing large is committed): each keeps the
/// sample's visible content and adds the attack, so a reader that resists it scores what the office sees. Shared
/// with <c>benchmarks/Pmg.Benchmarks</c> (linked there), which times every case.
/// </summary>
internal static class HostileForms
{
    /// <summary>Cyrillic small a (U+0430), the look-alike of Latin "a".</summary>
    public const string CyrillicA = "\u0430";

    private const string Worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string SharedStringsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private const string WorksheetRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

    /// <summary>The whole body wrapped in <paramref name="depth"/> nested block content controls (w:sdt).</summary>
    public static byte[] DeeplyNestedContentControls(byte[] docx, int depth) => Rewrite(docx, "word/document.xml", xml =>
    {
        var (start, end) = BodyContent(xml);
        var open = Repeat("<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>", depth);
        var close = Repeat("</w:sdtContent></w:sdt>", depth);
        return xml[..start] + open + xml[start..end] + close + xml[end..];
    });

    /// <summary>Before the form, a table nested <paramref name="depth"/> levels deep, one table inside each cell.</summary>
    public static byte[] DeeplyNestedTables(byte[] docx, int depth) => Rewrite(docx, "word/document.xml", xml =>
    {
        var (start, _) = BodyContent(xml);
        var open = Repeat("<w:tbl><w:tr><w:tc>", depth);
        var close = Repeat("<w:p/></w:tc></w:tr></w:tbl>", depth);
        return xml[..start] + open + "<w:p><w:r><w:t>profundo</w:t></w:r></w:p>" + close + xml[start..];
    });

    /// <summary>Before the form, a heading "Actividad III" followed by <paramref name="spaces"/> spaces and no number.</summary>
    public static byte[] LongRunOfSpacesHeading(byte[] docx, int spaces) => Rewrite(docx, "word/document.xml", xml =>
    {
        var (start, _) = BodyContent(xml);
        var paragraph = "<w:p><w:r><w:t xml:space=\"preserve\">Actividad III" + new string(' ', spaces) + "x</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">REGIÓN" + new string(' ', spaces) + "x</w:t></w:r></w:p>";
        return xml.Insert(start, paragraph);
    });

    /// <summary>The first sheet with one more merged range covering the whole sheet, A1:XFD1048576.</summary>
    public static byte[] WholeSheetMerge(byte[] xlsx) => WithMerges(xlsx, ["A1:XFD1048576"]);

    /// <summary>The first sheet with <paramref name="count"/> more merged ranges, each over the sheet's used area.</summary>
    public static byte[] ManyMerges(byte[] xlsx, int count) => WithMerges(xlsx, Enumerable.Repeat("A1:I40", count));

    /// <summary>workbook.xml lists the first sheet's part <paramref name="times"/> more times, under other names.</summary>
    public static byte[] SheetListedManyTimes(byte[] xlsx, int times) => Rewrite(xlsx, "xl/workbook.xml", xml =>
    {
        var first = Regex.Match(xml, "<sheet [^>]*/>");
        var id = Regex.Match(first.Value, "r:id=\"([^\"]+)\"").Groups[1].Value;
        var copies = new StringBuilder();
        for (var i = 0; i < times; i++)
        {
            copies.Append(CultureInfo.InvariantCulture, $"<sheet xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" name=\"Copia {i}\" sheetId=\"{1000 + i}\" r:id=\"{id}\"/>");
        }

        return xml.Insert(first.Index + first.Length, copies.ToString());
    });

    /// <summary>
    /// A last sheet of <paramref name="cells"/> cells that all reference one shared string of
    /// <paramref name="characters"/> characters (the workbook's only one).
    /// </summary>
    public static byte[] HugeSharedString(byte[] xlsx, int characters, int cells)
    {
        var text = new StringBuilder(characters);
        for (var i = 0; text.Length < characters; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"actividad {i} cumplida; ");
        }

        var sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        const int Columns = 100;
        for (var r = 0; r * Columns < cells; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < Columns && (r * Columns) + c < cells; c++)
            {
                sheet.Append("<c t=\"s\"><v>0</v></c>");
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        var strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>" + text.ToString(0, characters) + "</t></si></sst>";
        var package = AddSheet(xlsx, "xl/worksheets/anexo.xml", sheet.ToString(), "Anexo", hidden: false, first: false);
        return Rewrite(package, parts =>
        {
            parts.Set("xl/sharedStrings.xml", strings);
            parts.Edit("[Content_Types].xml", xml => xml.Replace("</Types>", $"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{SharedStringsType}\"/></Types>", StringComparison.Ordinal));
            parts.Edit("xl/_rels/workbook.xml.rels", xml => xml.Replace("</Relationships>", "<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>", StringComparison.Ordinal));
        });
    }

    /// <summary>
    /// Before the visible sheets, a hidden (or very hidden) copy of the first sheet in which every "no" reads "si":
    /// all complied, where the office sees otherwise.
    /// </summary>
    public static byte[] HiddenSheetAllComplied(byte[] xlsx, bool veryHidden = false)
    {
        var first = ReadPart(xlsx, "xl/worksheets/sheet1.xml");
        var forged = first.Replace("<t>no</t>", "<t>si</t>", StringComparison.Ordinal);
        return AddSheet(xlsx, "xl/worksheets/respaldo.xml", forged, "Respaldo", hidden: true, first: true, veryHidden);
    }

    /// <summary>
    /// Before the visible body, a copy of it hidden with w:vanish in which every "no" reads "si": all complied, in
    /// text Word does not show.
    /// </summary>
    /// <param name="docx">The form.</param>
    /// <param name="indented">Pretty-printed runs: whitespace between a run's start and its properties.</param>
    public static byte[] HiddenWordTextAllComplied(byte[] docx, bool indented = false) => Rewrite(docx, "word/document.xml", xml =>
    {
        var (start, end) = BodyContent(xml);
        var body = xml[start..end];
        var forged = body.Replace("<w:t>no</w:t>", "<w:t>si</w:t>", StringComparison.Ordinal);
        var space = indented ? "\n      " : "";
        forged = Regex.Replace(forged, "<w:r( [^>]*[^/])?><w:rPr>", $"<w:r$1>{space}<w:rPr><w:vanish/>");
        forged = Regex.Replace(forged, "<w:r( [^>]*[^/])?>(?!<w:rPr>|\\s)", $"<w:r$1>{space}<w:rPr><w:vanish/></w:rPr>");
        return string.Concat(xml.AsSpan(0, start), forged, xml.AsSpan(start));
    });

    /// <summary>
    /// As <see cref="HiddenWordTextAllComplied"/>, but hidden through styles.xml rather than on the runs: every run of
    /// the forged copy in a character style based on one that hides its text, or every paragraph of it in a paragraph
    /// style that does; the runs themselves carry no w:vanish.
    /// </summary>
    public static byte[] HiddenWordTextThroughStyleAllComplied(byte[] docx, bool paragraphStyle) => Rewrite(docx, parts =>
    {
        parts.Edit("word/styles.xml", xml => xml.Replace("</w:styles>",
            "<w:style w:type=\"character\" w:styleId=\"PmgOcultoBase\"><w:name w:val=\"Oculto base\"/><w:rPr><w:vanish/></w:rPr></w:style>"
            + "<w:style w:type=\"character\" w:styleId=\"PmgOculto\"><w:name w:val=\"Oculto\"/><w:basedOn w:val=\"PmgOcultoBase\"/><w:rPr><w:b/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"PmgParrafoOculto\"><w:name w:val=\"Párrafo oculto\"/><w:rPr><w:vanish/></w:rPr></w:style>"
            + "</w:styles>", StringComparison.Ordinal));
        parts.Edit("word/document.xml", xml =>
        {
            var (start, end) = BodyContent(xml);
            var forged = xml[start..end].Replace("<w:t>no</w:t>", "<w:t>si</w:t>", StringComparison.Ordinal);
            forged = Regex.Replace(forged, "<w:vanish[^>]*/>", "");
            if (paragraphStyle)
            {
                forged = Regex.Replace(forged, "<w:pStyle [^>]*/>", "");
                forged = Regex.Replace(forged, "<w:p( [^>]*[^/])?><w:pPr>", "<w:p$1><w:pPr><w:pStyle w:val=\"PmgParrafoOculto\"/>");
                forged = Regex.Replace(forged, "<w:p( [^>]*[^/])?>(?!<w:pPr>)", "<w:p$1><w:pPr><w:pStyle w:val=\"PmgParrafoOculto\"/></w:pPr>");
            }
            else
            {
                forged = Regex.Replace(forged, "<w:rStyle [^>]*/>", "");
                forged = Regex.Replace(forged, "<w:r( [^>]*[^/])?><w:rPr>", "<w:r$1><w:rPr><w:rStyle w:val=\"PmgOculto\"/>");
                forged = Regex.Replace(forged, "<w:r( [^>]*[^/])?>(?!<w:rPr>)", "<w:r$1><w:rPr><w:rStyle w:val=\"PmgOculto\"/></w:rPr>");
            }

            return string.Concat(xml.AsSpan(0, start), forged, xml.AsSpan(start));
        });
    });

    /// <summary>Every "Tarapacá" (and "TARAPACÁ") of the form written with a Cyrillic "а" ("А") as its second "a".</summary>
    public static byte[] CyrillicLookAlikeRegion(byte[] form, bool excel) => excel
        ? Rewrite(form, parts =>
        {
            foreach (var name in parts.Names.Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToArray())
            {
                parts.Edit(name, xml => xml
                    .Replace("Tarapac&#225;", "Tarap&#1072;c&#225;", StringComparison.Ordinal)
                    .Replace("TARAPAC&#193;", "TARAP&#1040;C&#193;", StringComparison.Ordinal));
            }
        })
        : Rewrite(form, "word/document.xml", xml => xml
            .Replace("Tarapacá", "Tarap" + CyrillicA + "cá", StringComparison.Ordinal)
            .Replace("TARAPACÁ", "TARAP\u0410CÁ", StringComparison.Ordinal));

    /// <summary>A binary workbook (.xlsb), as Excel writes its package, to be sent as "formulario.xlsx".</summary>
    public static byte[] BinaryWorkbook() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/></Types>"""u8.ToArray()),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>"""u8.ToArray()),
        ("xl/workbook.bin", [0x83, 0x01, 0x00, 0x80, 0x01, 0x00]),
        ("xl/worksheets/sheet1.bin", [0x81, 0x01, 0x00, 0x82, 0x01, 0x00]));

    /// <summary>An OpenDocument spreadsheet (.ods) as LibreOffice writes it: "mimetype" stored first.</summary>
    public static byte[] OpenDocumentSpreadsheet() => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"u8.ToArray()),
        ("META-INF/manifest.xml", """<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"""u8.ToArray()),
        ("content.xml", """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:body><office:spreadsheet/></office:body></office:document-content>"""u8.ToArray()));

    /// <summary>A file of <paramref name="bytes"/> bytes that starts like a zip (its size is what matters).</summary>
    public static byte[] Oversized(long bytes)
    {
        var content = new byte[bytes];
        "PK\u0003\u0004"u8.CopyTo(content);
        return content;
    }

    private static byte[] WithMerges(byte[] xlsx, IEnumerable<string> ranges) => Rewrite(xlsx, "xl/worksheets/sheet1.xml", xml =>
    {
        var merges = string.Concat(ranges.Select(r => $"<mergeCell ref=\"{r}\"/>"));
        var at = xml.IndexOf("</mergeCells>", StringComparison.Ordinal);
        return at >= 0
            ? xml.Insert(at, merges)
            : xml.Replace("</sheetData>", "</sheetData><mergeCells>" + merges + "</mergeCells>", StringComparison.Ordinal);
    });

    private static byte[] AddSheet(byte[] xlsx, string part, string sheetXml, string name, bool hidden, bool first, bool veryHidden = false) => Rewrite(xlsx, parts =>
    {
        var id = "rIdHostile" + name;
        parts.Set(part, sheetXml);
        parts.Edit("[Content_Types].xml", xml => xml.Replace("</Types>", $"<Override PartName=\"/{part}\" ContentType=\"{Worksheet}\"/></Types>", StringComparison.Ordinal));
        parts.Edit("xl/_rels/workbook.xml.rels", xml => xml.Replace("</Relationships>", $"<Relationship Id=\"{id}\" Type=\"{WorksheetRelationship}\" Target=\"/{part}\"/></Relationships>", StringComparison.Ordinal));
        var state = hidden ? (veryHidden ? " state=\"veryHidden\"" : " state=\"hidden\"") : "";
        var sheet = $"<sheet xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" name=\"{name}\" sheetId=\"900\"{state} r:id=\"{id}\"/>";
        parts.Edit("xl/workbook.xml", xml => first
            ? xml.Replace("<sheets>", "<sheets>" + sheet, StringComparison.Ordinal)
            : xml.Replace("</sheets>", sheet + "</sheets>", StringComparison.Ordinal));
    });

    // The start and end of w:body's content, before w:sectPr (which must stay last).
    private static (int Start, int End) BodyContent(string xml)
    {
        var start = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
        var end = xml.LastIndexOf("<w:sectPr", StringComparison.Ordinal);
        return (start, end > start ? end : xml.LastIndexOf("</w:body>", StringComparison.Ordinal));
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static string ReadPart(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] Rewrite(byte[] package, string part, Func<string, string> edit) => Rewrite(package, parts => parts.Edit(part, edit));

    // Changed and added parts are stored, not deflated: a hostile part is often very repetitive, and the point is the
    // reader's resistance, not the inspector's compression-ratio check (which would refuse it first).
    private static byte[] Rewrite(byte[] package, Action<Parts> change)
    {
        var parts = new Parts();
        using (var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var content = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(content);
                }

                // A part an earlier rewrite stored stays stored.
                parts.Original(entry.FullName, content.ToArray(), entry.CompressedLength >= entry.Length ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
            }
        }

        change(parts);
        return ZipEntries(parts.All.ToArray());
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries) =>
        ZipEntries(entries.Select(e => (e.Name, e.Content, CompressionLevel.NoCompression)).ToArray());

    private static byte[] ZipEntries((string Name, byte[] Content, CompressionLevel Level)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, level) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>A package's parts in order; edited and new ones are marked to be stored.</summary>
    private sealed class Parts
    {
        private readonly List<(string Name, byte[] Content, CompressionLevel Level)> parts = [];

        public IEnumerable<string> Names => parts.Select(p => p.Name);

        public IEnumerable<(string, byte[], CompressionLevel)> All => parts;

        public void Original(string name, byte[] content, CompressionLevel level) => parts.Add((name, content, level));

        public void Set(string name, string content)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            var index = parts.FindIndex(p => p.Name == name);
            if (index >= 0)
            {
                parts[index] = (name, bytes, CompressionLevel.NoCompression);
            }
            else
            {
                parts.Add((name, bytes, CompressionLevel.NoCompression));
            }
        }

        public void Edit(string name, Func<string, string> edit)
        {
            var part = parts.Single(p => p.Name == name);
            Set(name, edit(Encoding.UTF8.GetString(part.Content)));
        }
    }
}
