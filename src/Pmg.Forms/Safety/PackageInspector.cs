using System.Buffers;
using System.Xml;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;

namespace Pmg.Forms.Safety;

/// <summary>
/// Decides, before any parsing, whether a submitted file is a safe Word or Excel package: it sniffs the bytes (never
/// the extension), checks the zip directory, and inflates the entries someone parses once through bounded, counting
/// streams, refusing anything empty, truncated, corrupt, legacy, encrypted, macro-enabled, DTD-bearing, bomb-like or
/// oversized with a coded Spanish diagnostic.
/// </summary>
public static class PackageInspector
{
    private const string ContentTypesPart = "[Content_Types].xml";
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const string WordTemplate = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
    private const string ExcelTemplate = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";
    private const string Worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    // Small entries may compress very well (a run of empty cells); the ratio only matters past this size.
    private const long RatioGraceBytes = 100 * 1024;

    // Defaults in [Content_Types].xml are per extension; a real package has a handful.
    private const int MaxContentTypeDefaults = 256;

    private const string SharedStrings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private const string ExcelStyles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string WordStyles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

    // application/vnd.ms-excel.sheet.binary.macroEnabled.main: the main part of every .xlsb.
    private const string BinaryWorkbookMarker = "sheet.binary";

    private static readonly XmlReaderSettings ScanSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Inspects a whole file held in memory; never throws for bad input.</summary>
    public static PackageVerdict Inspect(ReadOnlyMemory<byte> content, string fileName, PackageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var file = DisplayName(fileName);
        var format = FormFormat.Unknown;
        try
        {
            return new PackageVerdict(InspectPackage(content, file, limits, ref format, vetted: null), null);
        }
        catch (PackageRefusedException refused)
        {
            return new PackageVerdict(format, refused.Refusal);
        }
        catch (Exception exception) when (IsUnforeseen(exception))
        {
            // A bug, not the file's fault alone: the caller gets a refusal rather than a crash of its host.
            return new PackageVerdict(format, Refusals.Unreadable(file));
        }
    }

    /// <summary>
    /// Exceptions a reader did not foresee and that must still end as a refusal: everything but cancellation. An
    /// <see cref="OutOfMemoryException"/> is included (a failed large allocation leaves the process usable); the read
    /// budgets are there so that it does not come to that.
    /// </summary>
    internal static bool IsUnforeseen(Exception exception) => exception is not OperationCanceledException;

    /// <summary>
    /// Inspects the file and, when it is safe, hands over the parts the readers parse, inflated once. Their XML
    /// is then checked by the readers' own secure <see cref="XmlReader"/> pass (see <see cref="VettedPackage.OpenXml"/>)
    /// instead of a second scan here; the package is null when the verdict is a refusal.
    /// </summary>
    internal static (PackageVerdict Verdict, VettedPackage? Package) Vet(ReadOnlyMemory<byte> content, string fileName, PackageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var file = DisplayName(fileName);
        var format = FormFormat.Unknown;
        var package = new VettedPackage(file, limits);
        try
        {
            package.Format = InspectPackage(content, file, limits, ref format, package);
            return (new PackageVerdict(package.Format, null), package);
        }
        catch (PackageRefusedException refused)
        {
            package.Dispose();
            return (new PackageVerdict(format, refused.Refusal), null);
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks the whole directory, then inflates only what someone parses: [Content_Types].xml, every .rels part,
    /// and the parts the reader of the detected format reads. Stored parts cost no inflation, so their CRC and DTD
    /// markers are checked too; other parts are never inflated, so the directory's checks (declared sizes, ratio,
    /// count, overlaps, names) and a look at their first bytes suffice.
    /// </summary>
    private static FormFormat InspectPackage(ReadOnlyMemory<byte> content, string file, PackageLimits limits, ref FormFormat format, VettedPackage? vetted)
    {
        var bytes = content.Span;
        if (bytes.IsEmpty)
        {
            throw Refuse(Refusals.Empty(file));
        }

        if (bytes.Length > limits.MaxFileBytes)
        {
            throw Refuse(Refusals.TooLarge(file, bytes.Length, limits.MaxFileBytes));
        }

        if (ContentSniffer.IsCompoundFile(bytes))
        {
            throw Refuse(Refusals.LegacyOrEncrypted(file, ContentSniffer.DescribeCompoundFile(bytes)));
        }

        if (!ContentSniffer.IsZip(bytes))
        {
            throw Refuse(Refusals.NotOoxml(file, ContentSniffer.DescribeNonZip(bytes)));
        }

        var entries = ZipDirectory.Read(bytes, file, limits);
        CheckDeclarations(entries, file, limits);

        ZipEntryInfo? contentTypesEntry = null;
        var present = new HashSet<string>(entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            present.Add(entry.Name);
            if (contentTypesEntry is null && entry.Name.Equals(ContentTypesPart, StringComparison.OrdinalIgnoreCase))
            {
                contentTypesEntry = entry;
            }
        }

        if (contentTypesEntry is null)
        {
            throw Refuse(OpenDocumentKind(content, entries) is { } openDocument
                ? Refusals.OpenDocument(file, openDocument.What, openDocument.SaveAs)
                : Refusals.NotOoxml(file, "un archivo ZIP que no es un documento de Office (no tiene [Content_Types].xml)"));
        }

        var budget = new InflationBudget(file, limits);
        var contentTypes = ReadContentTypes(content, contentTypesEntry, present, budget, file);
        format = DetectFormat(entries, contentTypes, file);

        foreach (var entry in entries)
        {
            if (!ReferenceEquals(entry, contentTypesEntry))
            {
                InspectEntry(content, entry, contentTypes.TypeOf(entry.Name), format, present, budget, file, limits, vetted);
            }
        }

        return format;
    }

    /// <summary>Checks the sizes the central directory declares, before inflating a single byte.</summary>
    private static void CheckDeclarations(IReadOnlyList<ZipEntryInfo> entries, string file, PackageLimits limits)
    {
        long declaredTotal = 0;
        foreach (var entry in entries)
        {
            if (entry.IsEncrypted)
            {
                throw Refuse(Refusals.LegacyOrEncrypted(file, "está protegido con contraseña (ZIP cifrado), y así no se puede leer"));
            }

            if (entry.Method is not (0 or 8))
            {
                throw Refuse(Refusals.Corrupt(file, $"la parte «{entry.Name}» usa un método de compresión que Office no emplea"));
            }

            if (entry.Method == 0 && entry.CompressedSize != entry.UncompressedSize)
            {
                throw Refuse(Refusals.Corrupt(file, $"la parte «{entry.Name}» declara tamaños incoherentes"));
            }

            if (entry.UncompressedSize > limits.MaxInflatedBytes)
            {
                throw Refuse(Refusals.Bomb(file, $"la parte «{entry.Name}» declara que se descomprime a {Refusals.Megabytes(entry.UncompressedSize)}, más que el máximo de {Refusals.Megabytes(limits.MaxInflatedBytes)}"));
            }

            if (entry.UncompressedSize > RatioGraceBytes
                && entry.UncompressedSize > Math.Max(entry.CompressedSize, 1) * (long)limits.MaxCompressionRatio)
            {
                var ratio = entry.UncompressedSize / Math.Max(entry.CompressedSize, 1);
                throw Refuse(Refusals.Bomb(file, $"la parte «{entry.Name}» se descomprime a {Refusals.Count(ratio)} veces su tamaño comprimido (máximo {Refusals.Count(limits.MaxCompressionRatio)})"));
            }

            declaredTotal += entry.UncompressedSize;
            if (declaredTotal > limits.MaxInflatedBytes)
            {
                throw Refuse(Refusals.Bomb(file, $"sus partes declaran que se descomprimen a más de {Refusals.Megabytes(limits.MaxInflatedBytes)}"));
            }
        }

        // A binary workbook (.xlsb) renamed .xlsx: its content type says "macroEnabled" whether or not it has any.
        if (entries.Any(e => e.Name.EndsWith("workbook.bin", StringComparison.OrdinalIgnoreCase)))
        {
            throw Refuse(Refusals.BinaryWorkbook(file));
        }

        if (entries.Any(e => e.Name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            throw Refuse(Refusals.Macros(file));
        }
    }

    private static ContentTypeMap ReadContentTypes(
        ReadOnlyMemory<byte> content, ZipEntryInfo entry, HashSet<string> present, InflationBudget budget, string file)
    {
        var map = new ContentTypeMap();
        var macros = false;
        var binary = false;
        ReadXml(content, entry, budget, file, reader =>
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                return;
            }

            var type = reader.GetAttribute("ContentType");
            if (type is null)
            {
                return;
            }

            binary |= type.Contains(BinaryWorkbookMarker, StringComparison.OrdinalIgnoreCase);
            macros |= IsMacroType(type);
            if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } partName
                && present.Contains(partName.TrimStart('/')))
            {
                map.Overrides[partName.TrimStart('/')] = type;
            }
            else if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension
                && map.Defaults.Count < MaxContentTypeDefaults)
            {
                map.Defaults.TryAdd(extension, type);
            }
        });

        if (binary)
        {
            throw Refuse(Refusals.BinaryWorkbook(file));
        }

        if (macros)
        {
            throw Refuse(Refusals.Macros(file));
        }

        return map;
    }

    /// <summary>
    /// An OpenDocument file (LibreOffice, OpenOffice) is a zip whose first entry, "mimetype", is stored and names its
    /// kind; null when the zip is not one.
    /// </summary>
    private static (string What, string SaveAs)? OpenDocumentKind(ReadOnlyMemory<byte> content, IReadOnlyList<ZipEntryInfo> entries)
    {
        var mimetype = entries.FirstOrDefault(e => e.Name == "mimetype");
        var type = "";
        if (mimetype is { Method: 0, CompressedSize: > 0 and <= 200 } && mimetype.DataOffset + mimetype.CompressedSize <= content.Length)
        {
            type = System.Text.Encoding.ASCII.GetString(content.Span.Slice((int)mimetype.DataOffset, (int)mimetype.CompressedSize));
        }
        else if (!entries.Any(e => e.Name == "META-INF/manifest.xml"))
        {
            return null;
        }

        return type switch
        {
            _ when type.StartsWith("application/vnd.oasis.opendocument.spreadsheet", StringComparison.Ordinal) => ("una hoja de cálculo (.ods)", "Libro de Excel 2007-365 (.xlsx)"),
            _ when type.StartsWith("application/vnd.oasis.opendocument.text", StringComparison.Ordinal) => ("un documento de texto (.odt)", "Word 2007-365 (.docx)"),
            _ => ("un documento", "Word 2007-365 (.docx)» o «Libro de Excel 2007-365 (.xlsx)"),
        };
    }

    private static FormFormat DetectFormat(IReadOnlyList<ZipEntryInfo> entries, ContentTypeMap contentTypes, string file)
    {
        var types = entries.Select(e => contentTypes.TypeOf(e.Name)).OfType<string>().ToArray();
        var word = types.Contains(WordMain, StringComparer.OrdinalIgnoreCase);
        var excel = types.Contains(ExcelMain, StringComparer.OrdinalIgnoreCase);
        if (word && excel)
        {
            throw Refuse(Refusals.Corrupt(file, "declara a la vez un documento Word y un libro Excel"));
        }

        if (word || excel)
        {
            return word ? FormFormat.Word : FormFormat.Excel;
        }

        if (types.Contains(WordTemplate, StringComparer.OrdinalIgnoreCase))
        {
            throw Refuse(Refusals.NotAForm(file, "es una plantilla de Word (.dotx); guárdela como documento .docx"));
        }

        if (types.Contains(ExcelTemplate, StringComparer.OrdinalIgnoreCase))
        {
            throw Refuse(Refusals.NotAForm(file, "es una plantilla de Excel (.xltx); guárdela como libro .xlsx"));
        }

        if (types.Any(t => t.Contains("presentationml", StringComparison.OrdinalIgnoreCase)))
        {
            throw Refuse(Refusals.NotAForm(file, "es una presentación de PowerPoint"));
        }

        throw Refuse(Refusals.NotAForm(file, "es un paquete de Office sin documento principal reconocible"));
    }

    private static void InspectEntry(
        ReadOnlyMemory<byte> content, ZipEntryInfo entry, string? contentType, FormFormat format, HashSet<string> present,
        InflationBudget budget, string file, PackageLimits limits, VettedPackage? vetted)
    {
        if (entry.Name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
        {
            CheckRelationships(content, entry, present, budget, file, vetted);
        }
        else if (IsParsedByReader(entry.Name, contentType, format))
        {
            var (buffer, length) = InflateWhole(content, entry, budget, file);
            if (vetted is not null)
            {
                vetted.AddPart(entry.Name, buffer, length);
                if (IsMain(contentType))
                {
                    vetted.AddMainCandidate(entry.Name);
                }

                return;
            }

            try
            {
                if (IsWorksheet(entry.Name, contentType))
                {
                    CountSheet(buffer.AsMemory(0, length), entry, file, limits);
                }
                else
                {
                    ScanXml(buffer.AsMemory(0, length), entry, file, static _ => { });
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        else if (entry.Method == 0)
        {
            // Stored: reading it is a copy, so check its CRC and, for XML, the DTD markers, as for parsed parts.
            var xml = IsXml(entry.Name, contentType);
            using var stream = Open(content, entry, budget, scanForDtd: xml);
            Inflate(stream, entry, file, s => s.Drain());
            if (stream.SawDtd)
            {
                throw Refuse(Refusals.Dtd(file, entry.Name));
            }

            if (!xml)
            {
                RefuseNestedArchive(stream, entry, file);
            }
        }
        else if (entry.CompressedSize > MaxDeflatedSize(entry.UncompressedSize))
        {
            // More compressed bytes than any encoder needs for the declared size: inflate to prove the lie.
            using var stream = Open(content, entry, budget, scanForDtd: false);
            Inflate(stream, entry, file, s => s.Drain());
        }
        else if (!IsXml(entry.Name, contentType))
        {
            using var stream = Open(content, entry, budget, scanForDtd: false);
            try
            {
                stream.ReadHead();
            }
            catch (InvalidDataException)
            {
                throw Refuse(Refusals.Corrupt(file, $"no se pudo descomprimir la parte «{entry.Name}»"));
            }

            RefuseNestedArchive(stream, entry, file);
        }
    }

    private static void RefuseNestedArchive(EntryStream stream, ZipEntryInfo entry, string file)
    {
        if (stream.HeadLength == 4 && stream.Head.AsSpan().SequenceEqual("PK\u0003\u0004"u8) && !IsEmbeddedObject(entry.Name))
        {
            throw Refuse(Refusals.Bomb(file, $"contiene otro archivo comprimido dentro («{entry.Name}»)"));
        }
    }

    // Deflate's worst case (all stored blocks) adds 5 bytes per 64 KiB block; a generous bound, well under any bomb ratio.
    private static long MaxDeflatedSize(long uncompressed) => uncompressed + (uncompressed >> 10) + 64;

    /// <summary>Inflates a parsed part whole into a pooled buffer, through the counting stream; the caller returns the buffer.</summary>
    private static (byte[] Buffer, int Length) InflateWhole(ReadOnlyMemory<byte> content, ZipEntryInfo entry, InflationBudget budget, string file)
    {
        // One byte more than declared, so that a lying entry is caught by the stream rather than by the buffer's end.
        var buffer = ArrayPool<byte>.Shared.Rent((int)entry.UncompressedSize + 1);
        try
        {
            using var stream = Open(content, entry, budget, scanForDtd: true);
            var length = 0;
            try
            {
                int read;
                while ((read = stream.Read(buffer.AsSpan(length))) > 0)
                {
                    length += read;
                }
            }
            catch (InvalidDataException)
            {
                throw Refuse(Refusals.Corrupt(file, $"no se pudo descomprimir la parte «{entry.Name}»"));
            }

            if (stream.SawDtd)
            {
                throw Refuse(Refusals.Dtd(file, entry.Name));
            }

            if (!stream.MatchesDeclaration)
            {
                throw Refuse(Refusals.Corrupt(file, $"la parte «{entry.Name}» no supera la verificación de integridad (CRC o tamaño)"));
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static void CountSheet(ReadOnlyMemory<byte> bytes, ZipEntryInfo entry, string file, PackageLimits limits)
    {
        var guard = new SheetGuard(file, entry.Name, limits);
        string? rowName = null;
        string? cellName = null;
        ScanXml(bytes, entry, file, reader =>
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                return;
            }

            rowName ??= reader.NameTable.Add("row");
            cellName ??= reader.NameTable.Add("c");
            if (ReferenceEquals(reader.LocalName, rowName))
            {
                guard.Row();
            }
            else if (ReferenceEquals(reader.LocalName, cellName))
            {
                guard.Cell();
            }
        });
    }

    /// <summary>
    /// Refuses a relationship to a part that is not in the package: OpenXML drops such targets silently and the
    /// readers would then fail looking them up (e.g. a worksheet removed from a workbook).
    /// </summary>
    private static void CheckRelationships(
        ReadOnlyMemory<byte> content, ZipEntryInfo entry, HashSet<string> present, InflationBudget budget, string file, VettedPackage? vetted)
    {
        ReadXml(content, entry, budget, file, reader =>
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship"
                || string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var target = reader.GetAttribute("Target") ?? string.Empty;
            if (ResolveTarget(entry.Name, target) is not { } part || !present.Contains(part))
            {
                throw Refuse(Refusals.Corrupt(file, $"la parte «{entry.Name}» hace referencia a «{target}», que no existe en el archivo"));
            }

            vetted?.AddRelationship(entry.Name, new PackageRelationship(reader.GetAttribute("Id") ?? string.Empty, reader.GetAttribute("Type") ?? string.Empty, part));
        });
    }

    /// <summary>The part name a relationship target points at, relative to the source part of a .rels part; null when invalid.</summary>
    internal static string? ResolveTarget(string relsPart, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        target = Uri.UnescapeDataString(hash >= 0 ? target[..hash] : target);
        if (target.Length == 0)
        {
            return null;
        }

        // "word/_rels/document.xml.rels" describes "word/document.xml", whose targets are relative to "word/".
        var relsFolder = relsPart.LastIndexOf("_rels/", StringComparison.OrdinalIgnoreCase);
        var baseFolder = relsFolder >= 0 ? relsPart[..relsFolder] : string.Empty;
        var segments = new List<string>();
        var path = target.StartsWith('/') ? target : baseFolder + target;
        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    /// <summary>Streams an XML part through an <see cref="XmlReader"/> that prohibits DTDs, visiting every node.</summary>
    private static void ReadXml(ReadOnlyMemory<byte> content, ZipEntryInfo entry, InflationBudget budget, string file, Action<XmlReader> visit)
    {
        using var stream = Open(content, entry, budget, scanForDtd: true);
        try
        {
            Inflate(stream, entry, file, s =>
            {
                using var reader = XmlReader.Create(s, ScanSettings);
                while (reader.Read())
                {
                    visit(reader);
                }

                s.Drain();
            });
        }
        catch (XmlException)
        {
            throw Refuse(stream.SawDtd
                ? Refusals.Dtd(file, entry.Name)
                : Refusals.Corrupt(file, $"la parte «{entry.Name}» no es XML válido"));
        }

        if (stream.SawDtd)
        {
            throw Refuse(Refusals.Dtd(file, entry.Name));
        }
    }

    /// <summary>Reads an already inflated part through an <see cref="XmlReader"/> that prohibits DTDs, visiting every node.</summary>
    private static void ScanXml(ReadOnlyMemory<byte> bytes, ZipEntryInfo entry, string file, Action<XmlReader> visit)
    {
        try
        {
            using var reader = XmlReader.Create(AsStream(bytes), ScanSettings);
            while (reader.Read())
            {
                visit(reader);
            }
        }
        catch (XmlException)
        {
            // DTD markers were refused while inflating; an XML error here is a damaged part.
            throw Refuse(Refusals.Corrupt(file, $"la parte «{entry.Name}» no es XML válido"));
        }
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    /// <summary>Runs <paramref name="consume"/> over the entry, then checks its size and CRC; inflate errors become refusals.</summary>
    private static void Inflate(EntryStream stream, ZipEntryInfo entry, string file, Action<EntryStream> consume)
    {
        try
        {
            consume(stream);
        }
        catch (InvalidDataException)
        {
            throw Refuse(Refusals.Corrupt(file, $"no se pudo descomprimir la parte «{entry.Name}»"));
        }

        if (!stream.MatchesDeclaration)
        {
            throw Refuse(Refusals.Corrupt(file, $"la parte «{entry.Name}» no supera la verificación de integridad (CRC o tamaño)"));
        }
    }

    private static EntryStream Open(ReadOnlyMemory<byte> content, ZipEntryInfo entry, InflationBudget budget, bool scanForDtd) =>
        new(content.Slice((int)entry.DataOffset, (int)entry.CompressedSize), entry, budget, scanForDtd);

    private static bool IsMacroType(string contentType) =>
        contentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parts the reader of <paramref name="format"/> parses: Word's main document and styles; Excel's workbook, sheets, shared strings and styles.</summary>
    private static bool IsParsedByReader(string name, string? contentType, FormFormat format) => format switch
    {
        FormFormat.Word => string.Equals(contentType, WordMain, StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, WordStyles, StringComparison.OrdinalIgnoreCase),
        FormFormat.Excel => IsMain(contentType) || IsWorksheet(name, contentType)
            || string.Equals(contentType, SharedStrings, StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, ExcelStyles, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static bool IsMain(string? contentType) =>
        string.Equals(contentType, WordMain, StringComparison.OrdinalIgnoreCase)
        || string.Equals(contentType, ExcelMain, StringComparison.OrdinalIgnoreCase);

    private static bool IsWorksheet(string name, string? contentType) =>
        string.Equals(contentType, Worksheet, StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));

    private static bool IsXml(string name, string? contentType) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || (contentType is not null
            && (contentType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
                || contentType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
                || contentType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)));

    // Office stores embedded workbooks/documents (e.g. a chart's data) as whole packages here; nothing opens them.
    private static bool IsEmbeddedObject(string name) =>
        name.StartsWith("word/embeddings/", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("xl/embeddings/", StringComparison.OrdinalIgnoreCase);

    private static string DisplayName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        return string.IsNullOrWhiteSpace(name) ? "(sin nombre)" : name;
    }

    private static PackageRefusedException Refuse(Diagnostic refusal) => new(refusal);

    /// <summary>[Content_Types].xml: overrides by part name (only for parts present) and defaults by extension.</summary>
    private sealed class ContentTypeMap
    {
        public Dictionary<string, string> Overrides { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> Defaults { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string? TypeOf(string partName)
        {
            if (Overrides.TryGetValue(partName, out var type))
            {
                return type;
            }

            var dot = partName.LastIndexOf('.');
            return dot >= 0 && Defaults.TryGetValue(partName[(dot + 1)..], out type) ? type : null;
        }
    }
}
