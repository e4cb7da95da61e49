using System.Buffers.Binary;
using System.IO.Compression;
using System.Reflection;
using Pmg.Domain.Diagnostics;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Tests.Safety;

/// <summary>
/// Deterministic fuzzing of <see cref="PackageInspector.Inspect"/> where random flips rarely land: the zip
/// structures (local headers, central directory, end record) and the inflated XML bytes behind valid CRCs.
/// </summary>
public sealed class PackageInspectorFuzzTests
{
    private const int VariantsPerSample = 40;

    private static readonly HashSet<string> KnownCodes =
    [
        .. typeof(RefusalCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!),
    ];

    public static TheoryData<string> SampleForms() => new(Samples.AllForms().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(SampleForms))]
    public void Inspect_SampleWithCorruptedZipStructures_RefusesWithCodedSpanishMessageNeverThrows(string fileName)
    {
        var original = Samples.Read(fileName);
        var structures = StructureOffsets(original);
        var random = new Random(4_2009);
        var failures = new List<string>();
        for (var i = 0; i < VariantsPerSample; i++)
        {
            var variant = (byte[])original.Clone();
            var header = structures[random.Next(structures.Count)];
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var offset = Math.Min(variant.Length - 1, header + random.Next(0, 46));
                variant[offset] = random.Next(4) == 0 ? (byte)0xFF : (byte)random.Next(256);
            }

            failures.AddRange(Check(variant, fileName, $"{fileName} #{i} header@{header}"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Theory]
    [MemberData(nameof(SampleForms))]
    public void Inspect_SampleWithCorruptedXmlBytesBehindValidCrc_NeverThrows(string fileName)
    {
        var original = Samples.Read(fileName);
        var random = new Random(31_01_2010);
        var failures = new List<string>();
        for (var i = 0; i < VariantsPerSample; i++)
        {
            var variant = RewriteRandomPart(original, random);
            failures.AddRange(Check(variant, fileName, $"{fileName} #{i} xml-bytes"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Fact]
    public void Inspect_Zip64ExtraWithHugeOffsets_RefusesWithoutOverflow()
    {
        var zip = PackageBuilder.Word().Build();
        var central = zip.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 20), 0xFFFFFFFF);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 30));
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 28));

        // Grow the last central header's extra field with a ZIP64 block claiming a compressed size near long.MaxValue.
        var zip64 = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(zip64, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(zip64.AsSpan(2), 8);
        BinaryPrimitives.WriteInt64LittleEndian(zip64.AsSpan(4), long.MaxValue - 10);
        var insertAt = central + 46 + nameLength + extraLength;
        var patched = zip[..insertAt].Concat(zip64).Concat(zip[insertAt..]).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(patched.AsSpan(central + 30), (ushort)(extraLength + zip64.Length));
        var eocd = patched.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(eocd + 12));
        BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(eocd + 12), directorySize + (uint)zip64.Length);

        var verdict = PackageInspector.Inspect(patched, "informe.docx", PackageLimits.Default);

        Assert.Equal(RefusalCodes.FileTruncated, verdict.Refusal?.Code);
    }

    private static IEnumerable<string> Check(byte[] variant, string fileName, string label)
    {
        PackageVerdict verdict;
        try
        {
            verdict = PackageInspector.Inspect(variant, fileName, PackageLimits.Default);
        }
        catch (Exception exception)
        {
            return [$"{label}: threw {exception.GetType().Name}: {exception.Message}"];
        }

        if (verdict.Refusal is not { } refusal)
        {
            return [];
        }

        if (refusal.Severity != Severity.Error || !KnownCodes.Contains(refusal.Code))
        {
            return [$"{label}: refusal {refusal.Severity} with unknown code {refusal.Code}"];
        }

        return refusal.Message.Contains($"«{fileName}»", StringComparison.Ordinal)
            ? []
            : [$"{label}: message does not name the file: {refusal.Message}"];
    }

    /// <summary>Offsets of every local header, central header and the end record: where structure lives.</summary>
    private static List<int> StructureOffsets(byte[] zip)
    {
        var offsets = new List<int>();
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] is 1 or 3 or 5 && zip[i + 3] is 2 or 4 or 6)
            {
                offsets.Add(i);
            }
        }

        return offsets;
    }

    private static byte[] RewriteRandomPart(byte[] original, Random random)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var victim = random.Next(source.Entries.Count);
            for (var e = 0; e < source.Entries.Count; e++)
            {
                var entry = source.Entries[e];
                using var from = entry.Open();
                using var buffer = new MemoryStream();
                from.CopyTo(buffer);
                var bytes = buffer.ToArray();
                if (e == victim && bytes.Length > 0)
                {
                    for (var n = random.Next(1, 6); n > 0; n--)
                    {
                        bytes[random.Next(Math.Min(bytes.Length, 200 + random.Next(bytes.Length)))] = (byte)random.Next(256);
                    }
                }

                // Stored, not deflated: rebuilding the package stays cheap, and the CRC is the writer's, so valid.
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                to.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
