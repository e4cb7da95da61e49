using System.IO.Compression;
using System.Reflection;
using System.Text;
using CsCheck;
using Pmg.Domain.Reading;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Tests.Hostile;

/// <summary>
/// A CsCheck-driven mutator over the sample forms (samples/forms): random byte flips of the package, and random edits
/// of the XML the readers parse — cuts, duplicated ranges, hostile snippets (nested content controls, hidden runs,
/// whole-sheet merges, huge spans, stray characters) — repacked with valid CRCs so they reach the readers. Every
/// variant goes through the package inspector and the whole reader (Word and Excel): none may throw, and every
/// refusal carries a known code. A fixed number of cases, sized to a few seconds.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const int Cases = 300;

    private static readonly string[] Snippets =
    [
        "<w:sdt><w:sdtContent><w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:r><w:rPr><w:vanish/></w:rPr><w:t>si</w:t></w:r>",
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2147483647\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
        "<w:trPr><w:gridBefore w:val=\"-5\"/><w:hidden/></w:trPr>",
        "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>", "<mergeCell ref=\"B2:A1\"/>", "<c r=\"XFE1\"><v>1</v></c>",
        "<c t=\"s\"><v>999999999</v></c>", "<row r=\"0\"><c r=\"A0\"/></row>", "<row r=\"4294967296\"/>",
        "<sheet name=\"x\" sheetId=\"9\" state=\"veryHidden\" r:id=\"rId1\"/>", "<is><t>REGIÓN (1) Tarap\u0430cá</t></is>",
        "\u0000", "\uFFFE", "&#xD800;", "<![CDATA[Actividad III.1]]>", "Actividad III" + new string(' ', 2000) + "x", "<?pi x?>", "<!-- -->",
    ];

    private static readonly HashSet<string> KnownCodes =
    [
        .. typeof(RefusalCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!),
        .. typeof(ReadCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!),
    ];

    private static readonly Sample[] SampleForms = [.. Safety.Samples.AllForms().Select(Sample.Load)];

    [Fact]
    public void ReadAsync_MutatedSampleForms_NeverThrowAndRefuseOnlyWithKnownCodes()
    {
        var mutation = Gen.Select(Gen.Int[0, SampleForms.Length - 1], Gen.Int[0, 3], Gen.Int.Array[1, 6], Gen.Int[0, Snippets.Length - 1].Array[1, 4]);

        mutation.Sample(
            (sample, kind, positions, snippets) =>
            {
                var form = SampleForms[sample];
                var variant = kind == 0 ? FlipBytes(form.Bytes, positions) : form.WithEditedPart(positions, snippets, kind);
                if (Check(variant, form.FileName) is { } failure)
                {
                    throw new Xunit.Sdk.XunitException($"{form.FileName} kind {kind}: {failure}");
                }
            },
            iter: Cases,
            threads: 1);
    }

    private static string? Check(byte[] variant, string fileName)
    {
        try
        {
            var verdict = PackageInspector.Inspect(variant, fileName, PackageLimits.Default);
            if (verdict.Refusal is { } refusal && !KnownCodes.Contains(refusal.Code))
            {
                return "inspector refusal with unknown code " + refusal.Code;
            }

            var read = new FormReader().ReadAsync(new MemoryStream(variant), fileName, FormReadOptions.Default).GetAwaiter().GetResult();
            if (read.Submission is null && (read.Diagnostics.Count == 0 || read.Diagnostics.Any(d => !KnownCodes.Contains(d.Code))))
            {
                return "refusal without a known code: " + string.Join(", ", read.Diagnostics.Select(d => d.Code));
            }

            return read.Diagnostics.Any(d => d.Code == RefusalCodes.FormUnreadable) ? "an unforeseen failure: " + read.Diagnostics[0].Message : null;
        }
        catch (Exception exception)
        {
            return $"threw {exception.GetType().Name}: {exception.Message}";
        }
    }

    private static byte[] FlipBytes(byte[] bytes, int[] positions)
    {
        var variant = (byte[])bytes.Clone();
        foreach (var position in positions)
        {
            variant[(int)((uint)position % (uint)variant.Length)] ^= (byte)(1 + ((uint)position >> 24) % 255);
        }

        return variant;
    }

    /// <summary>A sample form: its bytes and its parts, the XML ones the readers parse marked for editing.</summary>
    private sealed record Sample(string FileName, byte[] Bytes, (string Name, byte[] Content)[] Parts, int[] Editable)
    {
        public static Sample Load(string path)
        {
            var bytes = File.ReadAllBytes(path);
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var parts = zip.Entries.Select(e =>
            {
                using var stream = e.Open();
                using var content = new MemoryStream();
                stream.CopyTo(content);
                return (e.FullName, content.ToArray());
            }).ToArray();
            var editable = parts.Select((p, i) => (p.FullName, i))
                .Where(p => p.FullName is "word/document.xml" or "xl/workbook.xml" or "xl/_rels/workbook.xml.rels" or "[Content_Types].xml"
                    || p.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
                .Select(p => p.i).ToArray();
            return new Sample(Path.GetFileName(path), bytes, parts, editable);
        }

        /// <summary>One parsed part edited: kind 1 cuts a range, 2 duplicates one, 3 inserts hostile snippets.</summary>
        public byte[] WithEditedPart(int[] positions, int[] snippets, int kind)
        {
            var target = Editable[(int)((uint)positions[0] % (uint)Editable.Length)];
            var xml = Encoding.UTF8.GetString(Parts[target].Content);
            int At(int i) => (int)((uint)positions[i % positions.Length] % (uint)(xml.Length + 1));
            var (from, to) = (Math.Min(At(1), At(2)), Math.Max(At(1), At(2)));
            xml = kind switch
            {
                1 => xml.Remove(from, Math.Min(to - from, 4096)),
                2 => xml.Insert(to, xml.Substring(from, Math.Min(to - from, 65536))),
                _ => snippets.Aggregate(xml, (text, s) => text.Insert((int)((uint)(s * 7919 + positions[0]) % (uint)(text.Length + 1)), Snippets[s])),
            };

            using var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                for (var i = 0; i < Parts.Length; i++)
                {
                    using var stream = zip.CreateEntry(Parts[i].Name, CompressionLevel.Fastest).Open();
                    stream.Write(i == target ? Encoding.UTF8.GetBytes(xml) : Parts[i].Content);
                }
            }

            return output.ToArray();
        }
    }
}
