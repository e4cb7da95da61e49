using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Tests.Safety;

/// <summary>
/// Deterministic fuzzing (fixed seeds) of <see cref="FormReader"/> with corrupted copies of every sample form:
/// every variant must come back as a result, never an exception, and every refusal must carry a coded Spanish error.
/// </summary>
public sealed class CorruptedInputTests
{
    // About 300 variants in all across the samples, every mutation on every sample.
    private const int VariantsPerSample = 38;

    private static readonly FormReadOptions Options = new() { Service = "SERNAM", Year = 2009 };

    private static readonly string[] Mutations =
        ["truncate", "flip", "zero", "shuffle", "remove", "delete-tags", "remove-elements", "scramble-text", "doctype"];

    public static TheoryData<string> SampleForms() => new(Samples.AllForms().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(SampleForms))]
    public async Task ReadAsync_CorruptedVariantsOfSample_ReturnResultsWithCodedSpanishRefusals(string fileName)
    {
        var original = Samples.Read(fileName);
        var format = fileName.EndsWith(".docx", StringComparison.Ordinal) ? FormFormat.Word : FormFormat.Excel;
        var reader = new FormReader();
        var baseline = await ReadAsync(reader, original, fileName);
        Assert.True(baseline.Accepted, $"{fileName} must read before it is corrupted.");

        var random = new Random(StableSeed(fileName));
        var failures = new List<string>();
        var refusedCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < VariantsPerSample; i++)
        {
            var mutation = Mutations[i % Mutations.Length];
            var variant = Mutate(original, mutation, random);
            var label = $"{fileName} #{i} {mutation}";
            FormReadResult result;
            try
            {
                result = await ReadAsync(reader, variant, fileName);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add($"{label}: threw {exception.GetType().Name}: {exception.Message}");
                continue;
            }

            failures.AddRange(Problems(result, format, baseline, mutation).Select(p => $"{label}: {p}"));
            foreach (var error in result.Diagnostics.Where(d => !result.Accepted && d.Severity == Severity.Error))
            {
                refusedCodes.Add(error.Code);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));

        // The corruptions must really reach the defences, not all bounce off one of them.
        Assert.Contains(RefusalCodes.FileTruncated, refusedCodes);
        Assert.Contains(RefusalCodes.FileCorrupt, refusedCodes);
        Assert.Contains(RefusalCodes.DtdForbidden, refusedCodes);
    }

    private static IEnumerable<string> Problems(FormReadResult result, FormFormat format, FormReadResult baseline, string mutation)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            if (string.IsNullOrWhiteSpace(diagnostic.Code) || string.IsNullOrWhiteSpace(diagnostic.Message))
            {
                yield return $"diagnostic without code or message: {diagnostic}";
            }
            else if (diagnostic.Message.Contains("Exception", StringComparison.Ordinal) || diagnostic.Message.Contains("   at ", StringComparison.Ordinal))
            {
                yield return $"diagnostic leaks an exception: {diagnostic.Message}";
            }
        }

        if (result.Accepted)
        {
            if (result.Submission!.Format != format)
            {
                yield return $"accepted as {result.Submission.Format}, expected {format}";
            }
        }
        else if (!result.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            yield return "refused without an error diagnostic";
        }

        if (mutation == "doctype" && result.Diagnostics.FirstOrDefault()?.Code != RefusalCodes.DtdForbidden)
        {
            yield return $"an injected DOCTYPE must be refused with {RefusalCodes.DtdForbidden}, got {result.Diagnostics.FirstOrDefault()?.Code ?? "acceptance"}";
        }

        if (mutation == "shuffle"
            && (!result.Accepted || result.Submission!.Programs.Count != baseline.Submission!.Programs.Count))
        {
            yield return "reordering the zip entries must not change what is read";
        }
    }

    private static byte[] Mutate(byte[] original, string mutation, Random random) => mutation switch
    {
        "truncate" => original[..random.Next(1, original.Length)],
        "flip" => Flip(original, random),
        "zero" => Zero(original, random),
        "shuffle" => Rezip(original, entries => [.. entries.OrderBy(_ => random.Next())]),
        "remove" => Rezip(original, entries => RemoveOne(entries, random.Next(entries.Count))),
        "delete-tags" => RewriteMainXml(original, random, DeleteTags),
        "remove-elements" => RewriteMainXml(original, random, RemoveElements),
        "scramble-text" => RewriteMainXml(original, random, ScrambleText),
        "doctype" => InjectDoctype(original, random),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null),
    };

    private static List<ZipPart> RemoveOne(List<ZipPart> entries, int index) => [.. entries.Where((_, i) => i != index)];

    private static byte[] Flip(byte[] original, Random random)
    {
        var copy = (byte[])original.Clone();
        for (var n = random.Next(1, 9); n > 0; n--)
        {
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    private static byte[] Zero(byte[] original, Random random)
    {
        var copy = (byte[])original.Clone();
        var start = random.Next(copy.Length);
        Array.Clear(copy, start, Math.Min(random.Next(1, 1024), copy.Length - start));
        return copy;
    }

    /// <summary>Rewrites the XML of the main story: word/document.xml or one of the worksheets, with valid CRCs.</summary>
    private static byte[] RewriteMainXml(byte[] original, Random random, Func<string, Random, string> rewrite)
    {
        return Rezip(original, entries =>
        {
            var targets = entries.Where(e => e.Name is "word/document.xml" || e.Name.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList();
            var target = targets[random.Next(targets.Count)];
            return [.. entries.Select(e => e == target ? e with { Content = Encoding.UTF8.GetBytes(rewrite(Encoding.UTF8.GetString(e.Content), random)) } : e)];
        });
    }

    private static byte[] InjectDoctype(byte[] original, Random random) => Rezip(original, entries =>
    {
        var xmlParts = entries.Where(e => e.Name.EndsWith(".xml", StringComparison.Ordinal) || e.Name.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        var target = xmlParts[random.Next(xmlParts.Count)];
        var xml = Encoding.UTF8.GetString(target.Content);
        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var root = xml[declarationEnd..].TrimStart('\uFEFF', '\r', '\n', ' ');
        var rootName = root[1..root.IndexOfAny([' ', '>', '/'])];
        var doctype = $"<!DOCTYPE {rootName} [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
        var injected = xml[..declarationEnd] + doctype + xml[declarationEnd..];
        return [.. entries.Select(e => e == target ? e with { Content = Encoding.UTF8.GetBytes(injected) } : e)];
    });

    private static string DeleteTags(string xml, Random random)
    {
        var text = new StringBuilder(xml);
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var start = text.ToString().IndexOf('<', random.Next(text.Length));
            if (start < 0)
            {
                continue;
            }

            var end = text.ToString().IndexOf('>', start);
            if (end > start)
            {
                text.Remove(start, end - start + 1);
            }
        }

        return text.ToString();
    }

    private static string RemoveElements(string xml, Random random)
    {
        var document = XDocument.Parse(xml);
        var elements = document.Descendants().ToList();
        for (var n = random.Next(1, 12); n > 0 && elements.Count > 1; n--)
        {
            var victim = elements[random.Next(1, elements.Count)];
            if (victim.Parent is not null)
            {
                victim.Remove();
            }
        }

        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    private static string ScrambleText(string xml, Random random)
    {
        string[] junk = ["", "abc", "-1", "999999999999999999999999", "1e309", "NaN", "0,5,5%", "%", "sí no", "\u00A0", "III.1", "01%", "#N/A"];
        var document = XDocument.Parse(xml);
        var leaves = document.Descendants().Where(e => !e.HasElements && e.Value.Length > 0).ToList();
        for (var n = random.Next(1, 30); n > 0 && leaves.Count > 0; n--)
        {
            leaves[random.Next(leaves.Count)].Value = junk[random.Next(junk.Length)];
        }

        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    private static byte[] Rezip(byte[] original, Func<List<ZipPart>, List<ZipPart>> change)
    {
        var parts = new List<ZipPart>();
        using (var zip = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var content = new MemoryStream();
                stream.CopyTo(content);
                parts.Add(new ZipPart(entry.FullName, content.ToArray()));
            }
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in change(parts))
            {
                // Stored, not deflated: cheap to rebuild, and inflation is already covered by the untouched samples.
                using var stream = zip.CreateEntry(part.Name, CompressionLevel.NoCompression).Open();
                stream.Write(part.Content);
            }
        }

        return output.ToArray();
    }

    private static async Task<FormReadResult> ReadAsync(FormReader reader, byte[] content, string fileName)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await reader.ReadAsync(stream, fileName, Options, CancellationToken.None);
    }

    // string.GetHashCode is randomised per process; the fuzz must replay identically.
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private sealed record ZipPart(string Name, byte[] Content);
}
