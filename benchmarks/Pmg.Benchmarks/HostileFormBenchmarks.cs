using BenchmarkDotNet.Attributes;
using Pmg.Domain.Reading;
using Pmg.Forms;
using Pmg.Forms.Tests.Hostile;

namespace Pmg.Benchmarks;

/// <summary>
/// The hostile files of issue 10 (the fault suite's own generators, tests/Pmg.Forms.Tests/Hostile/HostileForms.cs,
/// linked here) read whole through <see cref="FormReader"/>: each must come back — refused with its code or scored on
/// its visible content — within seconds and far below 1 GiB allocated.
/// </summary>
[MemoryDiagnoser]
public class HostileFormBenchmarks
{
    private static readonly FormReadOptions Valparaiso = new() { Service = "SERNAM", Year = 2009, Region = "CL-VS" };

    private readonly FormReader _reader = new();
    private byte[] _content = [];
    private string _fileName = "";

    /// <summary>The hostile shape.</summary>
    [Params(
        "NestedContentControls100k", "NestedTables10k", "SpacesHeading200k", "WholeSheetMerge", "Merges20k",
        "SheetListed500", "HugeSharedString", "HiddenSheet", "HiddenWordText", "CyrillicRegion", "Xlsb", "Ods", "Oversize23MB")]
    public string Case { get; set; } = "";

    /// <summary>Builds the case's bytes once, from the sample forms.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var docx = File.ReadAllBytes(FormReadingBenchmarks.SamplePath("cierre-2009-CL-VS.docx"));
        var xlsx = File.ReadAllBytes(FormReadingBenchmarks.SamplePath("cierre-2009-CL-VS.xlsx"));
        (_content, _fileName) = Case switch
        {
            "NestedContentControls100k" => (HostileForms.DeeplyNestedContentControls(docx, 100_000), "f.docx"),
            "NestedTables10k" => (HostileForms.DeeplyNestedTables(docx, 10_000), "f.docx"),
            "SpacesHeading200k" => (HostileForms.LongRunOfSpacesHeading(docx, 200_000), "f.docx"),
            "WholeSheetMerge" => (HostileForms.WholeSheetMerge(xlsx), "f.xlsx"),
            "Merges20k" => (HostileForms.ManyMerges(xlsx, 20_000), "f.xlsx"),
            "SheetListed500" => (HostileForms.SheetListedManyTimes(xlsx, 500), "f.xlsx"),
            "HugeSharedString" => (HostileForms.HugeSharedString(xlsx, 1_000_000, 20_000), "f.xlsx"),
            "HiddenSheet" => (HostileForms.HiddenSheetAllComplied(xlsx), "f.xlsx"),
            "HiddenWordText" => (HostileForms.HiddenWordTextAllComplied(docx), "f.docx"),
            "CyrillicRegion" => (HostileForms.CyrillicLookAlikeRegion(File.ReadAllBytes(FormReadingBenchmarks.SamplePath("cierre-2009-CL-TA.docx")), excel: false), "f.docx"),
            "Xlsb" => (HostileForms.BinaryWorkbook(), "f.xlsx"),
            "Ods" => (HostileForms.OpenDocumentSpreadsheet(), "f.xlsx"),
            "Oversize23MB" => (HostileForms.Oversized((long)(23.4 * 1024 * 1024)), "f.xlsx"),
            _ => throw new ArgumentOutOfRangeException(nameof(Case), Case, null),
        };
    }

    /// <summary>The whole read; returns the first diagnostic's code so the work is not optimised away.</summary>
    [Benchmark]
    public async Task<string> Read()
    {
        var result = await _reader.ReadAsync(new MemoryStream(_content, writable: false), _fileName, Valparaiso);
        return result.Diagnostics.Count > 0 ? result.Diagnostics[0].Code : "";
    }
}
