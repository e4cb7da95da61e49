using System.Text.RegularExpressions;
using Pmg.Domain.Model;
using Pmg.Forms.Layout;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Assembly;

/// <summary>One paragraph or one table row of the layout, in reading order.</summary>
internal sealed record LayoutItem(string? Paragraph, LayoutRow? Row)
{
    /// <summary>The text when the item is a paragraph, or a row holding a single non-blank cell (a title in a sheet).</summary>
    public string? LoneText => Paragraph ?? (Row is { } row ? LoneCell(row)?.Text : null);

    private static LayoutCell? LoneCell(LayoutRow row)
    {
        LayoutCell? only = null;
        foreach (var cell in row.Cells)
        {
            if (!cell.IsBlank)
            {
                if (only is not null)
                {
                    return null;
                }

                only = cell;
            }
        }

        return only;
    }
}

/// <summary>A section of the form: its heading's title and its items.</summary>
internal sealed record SectionContent(Section Section, string Title, IReadOnlyList<LayoutItem> Items);

/// <summary>Splits the layout into sections at "Actividad III. 1." headings, Excel sheet names or their first row.</summary>
internal static partial class FormSections
{
    /// <summary>Every item of the layout in reading order.</summary>
    public static List<LayoutItem> Flatten(FormLayout layout)
    {
        var items = new List<LayoutItem>();
        foreach (var block in layout.Blocks)
        {
            switch (block)
            {
                case LayoutParagraph paragraph:
                    items.Add(new LayoutItem(paragraph.Text, null));
                    break;
                case LayoutTable table:
                    foreach (var row in table.Rows)
                    {
                        items.Add(new LayoutItem(null, row));
                    }

                    break;
            }
        }

        return items;
    }

    /// <summary>The sections in form order; a section found twice (sheet name, then its first row) is merged.</summary>
    public static List<SectionContent> Split(IReadOnlyList<LayoutItem> items)
    {
        var order = new List<Section>();
        var titles = new Dictionary<Section, string>();
        var contents = new Dictionary<Section, List<LayoutItem>>();
        Section? current = null;
        foreach (var item in items)
        {
            if (item.LoneText is { } text && TryParseHeading(text, out var section, out var title))
            {
                current = section;
                if (!contents.ContainsKey(section))
                {
                    order.Add(section);
                    contents[section] = [];
                    titles[section] = "";
                }

                if (titles[section].Length == 0)
                {
                    titles[section] = title;
                }

                continue;
            }

            if (current is { } open)
            {
                contents[open].Add(item);
            }
        }

        return [.. order.Select(s => new SectionContent(s, titles[s], contents[s]))];
    }

    /// <summary>"Actividad III. 1. Programa de …", "III.2: …" or a sheet named "III.3".</summary>
    public static bool TryParseHeading(string text, out Section section, out string title)
    {
        section = default;
        title = "";
        var match = TextPatterns.Match(HeadingPattern(), text);
        if (!match.Success || !SectionExtensions.TryParseCode("III" + match.Groups["n"].Value, out section))
        {
            return false;
        }

        // "III. 1. Programa", "III.2: Programa", "III.3 – Programa": one separator, then the title.
        var rest = match.Groups["title"].Value.AsSpan().TrimStart();
        if (rest.Length > 0 && rest[0] is '.' or ':' or '-' or '–')
        {
            rest = rest[1..];
        }

        title = rest.Trim().ToString();
        return true;
    }

    /// <summary>
    /// The data rows under a header: the following rows of the same table and of tables that continue it after a
    /// page break (repeating the header or the "Control de Resultados" row, or with no header at all), up to the
    /// "Desempeño anual"/"Notas" rows, another table's header, a paragraph with text or the section's end.
    /// </summary>
    public static List<LayoutRow> DataRows(IReadOnlyList<LayoutItem> items, int headerIndex)
    {
        var kind = HeaderMap.TryRecognise(items[headerIndex].Row!)?.Kind;
        var rows = new List<LayoutRow>();
        for (var i = headerIndex + 1; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Row is not { } row)
            {
                if (string.IsNullOrWhiteSpace(item.Paragraph))
                {
                    continue;
                }

                break;
            }

            // "desempeño anual", "notas", "control de resultados".
            var first = row.FirstFilled is { } firstCell && firstCell.CouldStartWith(FormVocabulary.RowKeyInitials) ? firstCell.NormalizedText : "";
            if (first.StartsWith(FormVocabulary.PerformanceRowKey, StringComparison.Ordinal) || first.StartsWith(FormVocabulary.NotesRowKey, StringComparison.Ordinal))
            {
                break;
            }

            if (first.StartsWith(FormVocabulary.ControlRowKey, StringComparison.Ordinal))
            {
                continue;
            }

            if (HeaderMap.TryRecognise(row) is { } header)
            {
                if (header.Kind == kind)
                {
                    continue;
                }

                break;
            }

            rows.Add(row);
        }

        return rows;
    }

    // Linear (NonBacktracking has no look-ahead: "not followed by a digit" is "followed by nothing or a non-digit"),
    // with a timeout as a second line; the separator after the number is taken off the title in code.
    [GeneratedRegex(@"^\s*(?:actividad\s+)?III\s*\.?\s*(?<n>[1-4])(?<title>(?:\D.*)?)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TextPatterns.TimeoutMilliseconds)]
    private static partial Regex HeadingPattern();
}
