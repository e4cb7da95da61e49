using System.Xml;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Word;

/// <summary>
/// The styles of a Word document that hide their text: a style whose run properties say w:vanish (or w:specVanish), or
/// that is based, at any remove, on one that does and does not turn it off itself. Text can be hidden through a style
/// as well as on the run: a "Oculto" character style, or a paragraph style, applied to text the office never sees.
/// </summary>
internal static class WordHiddenStyles
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string StylesRelationship = "/relationships/styles";

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>(StringComparer.Ordinal);

    // Word nests styles a few levels deep; a longer basedOn chain (or a loop) is hostile and ends there.
    private const int MaxChain = 32;

    /// <summary>The ids of the styles in the main part's styles part that hide text; empty when it has none.</summary>
    public static IReadOnlySet<string> Read(VettedPackage package, string mainPart)
    {
        var styles = package.RelationshipsFrom(mainPart)
            .FirstOrDefault(r => r.Type.EndsWith(StylesRelationship, StringComparison.Ordinal) && r.Target is not null);
        if (styles?.Target is not { } part || !package.TryGetPart(part, out var bytes))
        {
            return Empty;
        }

        // Most documents hide nothing through a style: without "vanish" (or "specVanish") in the part, nothing to parse.
        if (bytes.Span.IndexOf("anish"u8) < 0)
        {
            return Empty;
        }

        var declared = new Dictionary<string, (string? BasedOn, bool? Vanish)>(StringComparer.Ordinal);
        using (var xml = package.OpenXml(part, bytes))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "style" && xml.NamespaceURI == W
                    && xml.GetAttribute("styleId", W) is { Length: > 0 } id)
                {
                    declared[id] = ReadStyle(xml);
                }
            }
        }

        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in declared.Keys)
        {
            if (Hides(id, declared))
            {
                hidden.Add(id);
            }
        }

        return hidden;
    }

    // Whether a style hides: its own w:vanish when it says, else its base's, following the chain at most MaxChain.
    private static bool Hides(string id, Dictionary<string, (string? BasedOn, bool? Vanish)> declared)
    {
        var current = id;
        for (var step = 0; step < MaxChain && current is not null && declared.TryGetValue(current, out var style); step++)
        {
            if (style.Vanish is { } vanish)
            {
                return vanish;
            }

            current = style.BasedOn;
        }

        return false;
    }

    // Reads one w:style (leaving the reader on its end): its w:basedOn and whether its w:rPr turns w:vanish on or off.
    private static (string? BasedOn, bool? Vanish) ReadStyle(XmlReader xml)
    {
        string? basedOn = null;
        bool? vanish = null;
        if (xml.IsEmptyElement)
        {
            return (basedOn, vanish);
        }

        var depth = xml.Depth;
        var inRunProperties = false;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.EndElement)
            {
                inRunProperties &= !(xml.LocalName == "rPr" && xml.Depth == depth + 1);
                continue;
            }

            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W)
            {
                continue;
            }

            if (xml.Depth == depth + 1)
            {
                if (xml.LocalName == "basedOn")
                {
                    basedOn = xml.GetAttribute("val", W);
                }

                inRunProperties = xml.LocalName == "rPr" && !xml.IsEmptyElement;
            }
            else if (inRunProperties && xml.Depth == depth + 2 && xml.LocalName is "vanish" or "specVanish")
            {
                var on = xml.GetAttribute("val", W) is not ("false" or "0" or "off");
                vanish = (vanish ?? false) || on;
            }
        }

        return (basedOn, vanish);
    }
}
