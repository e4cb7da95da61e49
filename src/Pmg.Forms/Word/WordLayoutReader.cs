using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pmg.Domain.Model;
using Pmg.Forms.Layout;

namespace Pmg.Forms.Word;

/// <summary>Turns a Word document into the neutral layout: body paragraphs and tables, runs joined, formatting ignored.</summary>
internal static class WordLayoutReader
{
    /// <summary>Reads the main document part of an opened package.</summary>
    public static FormLayout Read(WordprocessingDocument document)
    {
        var blocks = new List<LayoutBlock>();
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is not null)
        {
            AddBlocks(body, blocks);
        }

        return new FormLayout(FormFormat.Word, blocks);
    }

    // Content controls (sdt) wrap paragraphs and tables: read through them.
    private static void AddBlocks(OpenXmlElement container, List<LayoutBlock> blocks)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    foreach (var line in Lines(paragraph))
                    {
                        blocks.Add(new LayoutParagraph(line));
                    }

                    break;
                case Table table:
                    blocks.Add(ReadTable(table));
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    AddBlocks(content, blocks);
                    break;
            }
        }
    }

    private static LayoutTable ReadTable(Table table)
    {
        var rows = new List<LayoutRow>();
        foreach (var row in Unwrapped<TableRow>(table))
        {
            var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            var cells = new List<LayoutCell>();
            foreach (var cell in Unwrapped<TableCell>(row))
            {
                var properties = cell.TableCellProperties;
                var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                var merge = properties?.VerticalMerge;
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                cells.Add(new LayoutCell(CellLines(cell), column, span) { ContinuesAbove = continues });
                column += span;
            }

            rows.Add(new LayoutRow(cells));
        }

        return new LayoutTable(rows);
    }

    // Rows and cells may sit inside content controls (w:sdt) of the row or cell level.
    private static IEnumerable<T> Unwrapped<T>(OpenXmlElement parent)
        where T : OpenXmlElement =>
        parent.ChildElements.SelectMany(child => child switch
        {
            T element => [element],
            SdtRow { SdtContentRow: { } content } => content.Elements<T>(),
            SdtCell { SdtContentCell: { } content } => content.Elements<T>(),
            _ => Enumerable.Empty<T>(),
        });

    // Nested tables' paragraphs are read in document order as further lines of the cell.
    private static List<string> CellLines(TableCell cell) => [.. cell.Descendants<Paragraph>().SelectMany(Lines)];

    /// <summary>A paragraph's text: w:t of every run concatenated, w:tab as a space, w:br/w:cr starting a new line.</summary>
    private static IEnumerable<string> Lines(Paragraph paragraph)
    {
        var current = new StringBuilder();
        var lines = new List<string>();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text text:
                    current.Append(text.Text);
                    break;
                case TabChar:
                    current.Append(' ');
                    break;
                case Break or CarriageReturn:
                    lines.Add(current.ToString());
                    current.Clear();
                    break;
            }
        }

        lines.Add(current.ToString());
        return lines;
    }
}
