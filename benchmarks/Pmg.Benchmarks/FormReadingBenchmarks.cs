using System.IO.Compression;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Forms;
using Pmg.Forms.Excel;
using Pmg.Forms.Safety;
using Pmg.Forms.Word;

namespace Pmg.Benchmarks;

/// <summary>
/// Reading the seed Word and Excel forms through <see cref="FormReader"/>, against the floor: unzipping the
/// package and one XmlReader pass over its main parts (word/document.xml; for Excel the workbook and all sheets).
/// </summary>
[MemoryDiagnoser]
public class FormReadingBenchmarks
{
    private byte[] _word = [];
    private byte[] _excel = [];
    private readonly FormReader _reader = new();

    /// <summary>Loads the seed forms from the shared samples folder next to the repository.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _word = File.ReadAllBytes(SamplePath("tarapaca-2009-etapa3.docx"));
        _excel = File.ReadAllBytes(SamplePath("tarapaca-2009-etapa3.xlsx"));
    }

    /// <summary>The whole reader on the Word form.</summary>
    [Benchmark]
    public async Task<FormReadResult> ReadWordForm() =>
        await _reader.ReadAsync(new MemoryStream(_word, writable: false), "tarapaca-2009-etapa3.docx", FormReadOptions.Default);

    /// <summary>The floor for Word: unzip and one XmlReader pass over word/document.xml.</summary>
    [Benchmark]
    public long WordFloor() => XmlPass(_word, name => name == "word/document.xml");

    /// <summary>The whole reader on the Excel form.</summary>
    [Benchmark]
    public async Task<FormReadResult> ReadExcelForm() =>
        await _reader.ReadAsync(new MemoryStream(_excel, writable: false), "tarapaca-2009-etapa3.xlsx", FormReadOptions.Default);

    /// <summary>The floor for Excel: unzip and one XmlReader pass over the workbook, the shared strings and every sheet.</summary>
    [Benchmark]
    public long ExcelFloor() => XmlPass(_excel, name =>
        name == "xl/workbook.xml" || name == "xl/sharedStrings.xml" || (name.StartsWith("xl/worksheets/", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal)));

    /// <summary>Stage: the inspection as the reader runs it on the Word form (directory checks, parsed parts inflated once and handed over).</summary>
    [Benchmark]
    public FormFormat VetWordForm()
    {
        var (verdict, package) = PackageInspector.Vet(_word, "tarapaca-2009-etapa3.docx", PackageLimits.Default);
        package?.Dispose();
        return verdict.Format;
    }

    /// <summary>Stage: the inspection as the reader runs it on the Excel form.</summary>
    [Benchmark]
    public FormFormat VetExcelForm()
    {
        var (verdict, package) = PackageInspector.Vet(_excel, "tarapaca-2009-etapa3.xlsx", PackageLimits.Default);
        package?.Dispose();
        return verdict.Format;
    }

    /// <summary>Stage: inspection plus the layout reader on the Word form (everything but assembling the form).</summary>
    [Benchmark]
    public int LayoutWordForm()
    {
        var (_, package) = PackageInspector.Vet(_word, "tarapaca-2009-etapa3.docx", PackageLimits.Default);
        using (package)
        {
            return WordLayoutReader.Read(package!).Blocks.Count;
        }
    }

    /// <summary>Stage: inspection plus the layout reader on the Excel form.</summary>
    [Benchmark]
    public int LayoutExcelForm()
    {
        var (_, package) = PackageInspector.Vet(_excel, "tarapaca-2009-etapa3.xlsx", PackageLimits.Default);
        using (package)
        {
            return ExcelLayoutReader.Read(package!).Blocks.Count;
        }
    }

    /// <summary>Stage: the public, stand-alone inspection (also XML-scans the parsed parts) on the Word form.</summary>
    [Benchmark]
    public PackageVerdict InspectWordForm() => PackageInspector.Inspect(_word, "tarapaca-2009-etapa3.docx", PackageLimits.Default);

    /// <summary>Stage: the public, stand-alone inspection on the Excel form.</summary>
    [Benchmark]
    public PackageVerdict InspectExcelForm() => PackageInspector.Inspect(_excel, "tarapaca-2009-etapa3.xlsx", PackageLimits.Default);

    private static long XmlPass(byte[] package, Func<string, bool> include)
    {
        long nodes = 0;
        using var archive = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var entry in archive.Entries.Where(e => include(e.FullName)))
        {
            using var stream = entry.Open();
            using var xml = XmlReader.Create(stream, settings);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Text)
                {
                    nodes += xml.Value.Length;
                }
            }
        }

        return nodes;
    }

    internal static string SamplePath(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PmgFunctions.sln")))
            {
                return Path.Combine(directory.FullName, "samples", "forms", name);
            }
        }

        throw new FileNotFoundException("PmgFunctions.sln not found above " + AppContext.BaseDirectory, name);
    }
}
