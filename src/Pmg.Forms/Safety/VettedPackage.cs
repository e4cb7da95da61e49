using System.Buffers;
using System.Xml;
using Pmg.Domain.Model;

namespace Pmg.Forms.Safety;

/// <summary>
/// A package that passed inspection, as the readers see it: the inflated bytes of the parts they parse (inflated
/// once, by the inspector, through its bounded counting streams), the content types and the relationships. Parts
/// the readers never parse are not here and were never inflated. Dispose to return the pooled buffers.
/// </summary>
internal sealed class VettedPackage : IDisposable
{
    private const string PackageRelationships = "_rels/.rels";
    private const string OfficeDocumentType = "/officeDocument";

    private readonly Dictionary<string, (byte[] Buffer, int Length)> parts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<PackageRelationship>> relationships = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> mainCandidates = [];

    public VettedPackage(string fileName, PackageLimits limits)
    {
        FileName = fileName;
        Limits = limits;
    }

    /// <summary>The file name as users see it in messages.</summary>
    public string FileName { get; }

    /// <summary>The limits the package was inspected with (the Excel reader enforces the sheet caps while it reads).</summary>
    public PackageLimits Limits { get; }

    /// <summary>Word or Excel.</summary>
    public FormFormat Format { get; internal set; }

    /// <summary>
    /// The main document part: the package relationship's officeDocument target when it carries the main content
    /// type, otherwise the first part that does; null when there is none.
    /// </summary>
    public string? MainPart
    {
        get
        {
            foreach (var relationship in RelationshipsOf(PackageRelationships))
            {
                if (relationship.Type.EndsWith(OfficeDocumentType, StringComparison.Ordinal)
                    && relationship.Target is { } target && mainCandidates.Contains(target, StringComparer.OrdinalIgnoreCase))
                {
                    return target;
                }
            }

            return mainCandidates.Count > 0 ? mainCandidates[0] : null;
        }
    }

    /// <summary>The part a reader last opened, named in the refusal when its XML turns out to be invalid.</summary>
    public string? PartBeingRead { get; private set; }

    /// <summary>The vetted bytes of a parsed part.</summary>
    public bool TryGetPart(string partName, out ReadOnlyMemory<byte> bytes)
    {
        if (parts.TryGetValue(partName, out var part))
        {
            bytes = part.Buffer.AsMemory(0, part.Length);
            return true;
        }

        bytes = default;
        return false;
    }

    /// <summary>The relationships whose source is <paramref name="sourcePart"/> (a part name, or "_rels/.rels" itself for the package).</summary>
    public IReadOnlyList<PackageRelationship> RelationshipsFrom(string sourcePart) => RelationshipsOf(RelsPartOf(sourcePart));

    /// <summary>
    /// A forward-only reader over a vetted part: DTDs prohibited, no resolver, whitespace kept (Word's w:t may be
    /// a single space).
    /// </summary>
    public XmlReader OpenXml(string partName, ReadOnlyMemory<byte> bytes)
    {
        PartBeingRead = partName;
        var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        return XmlReader.Create(stream, ReaderSettings);
    }

    public void Dispose()
    {
        foreach (var (buffer, _) in parts.Values)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        parts.Clear();
    }

    internal void AddPart(string partName, byte[] pooledBuffer, int length)
    {
        if (!parts.TryAdd(partName, (pooledBuffer, length)))
        {
            ArrayPool<byte>.Shared.Return(pooledBuffer);
        }
    }

    internal void AddMainCandidate(string partName) => mainCandidates.Add(partName);

    internal void AddRelationship(string relsPart, PackageRelationship relationship)
    {
        if (!relationships.TryGetValue(relsPart, out var list))
        {
            list = [];
            relationships[relsPart] = list;
        }

        list.Add(relationship);
    }

    private IReadOnlyList<PackageRelationship> RelationshipsOf(string relsPart) =>
        relationships.TryGetValue(relsPart, out var list) ? list : [];

    // "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
    private static string RelsPartOf(string sourcePart)
    {
        var slash = sourcePart.LastIndexOf('/');
        return slash < 0
            ? "_rels/" + sourcePart + ".rels"
            : string.Concat(sourcePart.AsSpan(0, slash + 1), "_rels/", sourcePart.AsSpan(slash + 1), ".rels");
    }

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };
}

/// <summary>One internal relationship of a vetted package: its id, type URI and the part name it targets.</summary>
internal sealed record PackageRelationship(string Id, string Type, string? Target);
