using System.Globalization;
using System.Text;
using System.Xml;
using Pmg.Domain.Model;
using Pmg.Forms.Assembly;
using Pmg.Forms.Layout;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Word;

/// <summary>
/// Turns a Word document into the neutral layout: body paragraphs and tables, runs joined, formatting ignored.
/// Tracked changes read as the final view (insertions in, deletions, moved-away text and deleted rows out, with a
/// notice); content controls and custom XML are read through; an untouched content control's prompt is no text.
/// One forward-only pass over the vetted word/document.xml (no DOM): WordprocessingML is read by element name in
/// the Open XML main namespace, the same elements the Open XML SDK's typed classes stand for.
/// </summary>
internal sealed class WordLayoutReader
{
    // DocumentFormat.OpenXml's namespace for the w: prefix.
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly XmlReader xml;
    private readonly StringBuilder line = new();

    // Reused for every paragraph outside tables, every row and every cell (tables nested in a cell are read as its
    // lines, so none of these is re-entered): a row keeps an exact-size copy of its cells, a cell of its lines.
    private readonly List<string> paragraphLines = [];
    private readonly List<LayoutCell> rowCells = [];
    private readonly List<string> cellLines = [];

    // A line made of one text node (the usual case) is that node's string: no builder copy.
    private string? single;
    private readonly string ns;
    private readonly string body;
    private readonly string p;
    private readonly string tbl;
    private readonly string tr;
    private readonly string tc;
    private readonly string sdt;
    private readonly string sdtContent;
    private readonly string sdtPr;
    private readonly string showingPlcHdr;
    private readonly string t;
    private readonly string tab;
    private readonly string br;
    private readonly string cr;
    private readonly string pPr;
    private readonly string rPr;
    private readonly string trPr;
    private readonly string tcPr;
    private readonly string gridBefore;
    private readonly string gridSpan;
    private readonly string vMerge;
    private readonly string customXml;
    private readonly string ins;
    private readonly string del;
    private readonly string moveFrom;
    private readonly string moveTo;

    // Inside the content of a control that still shows its placeholder: its text is Word's prompt, not read.
    private bool inPlaceholder;

    // Whether any tracked change (insertion, deletion, move, inserted or deleted row) was met.
    private bool trackedChanges;

    // The grid column of the next cell of the row being read (rows are never nested: a cell's tables are its lines).
    private int rowColumn;

    private WordLayoutReader(XmlReader xml)
    {
        this.xml = xml;
        var names = xml.NameTable;
        ns = names.Add(W);
        body = names.Add("body");
        p = names.Add("p");
        tbl = names.Add("tbl");
        tr = names.Add("tr");
        tc = names.Add("tc");
        sdt = names.Add("sdt");
        sdtContent = names.Add("sdtContent");
        sdtPr = names.Add("sdtPr");
        showingPlcHdr = names.Add("showingPlcHdr");
        t = names.Add("t");
        tab = names.Add("tab");
        br = names.Add("br");
        cr = names.Add("cr");
        pPr = names.Add("pPr");
        rPr = names.Add("rPr");
        trPr = names.Add("trPr");
        tcPr = names.Add("tcPr");
        gridBefore = names.Add("gridBefore");
        gridSpan = names.Add("gridSpan");
        vMerge = names.Add("vMerge");
        customXml = names.Add("customXml");
        ins = names.Add("ins");
        del = names.Add("del");
        moveFrom = names.Add("moveFrom");
        moveTo = names.Add("moveTo");
    }

    /// <summary>Reads the main document part of a vetted package; XML errors surface as <see cref="XmlException"/>.</summary>
    public static FormLayout Read(VettedPackage package)
    {
        var blocks = new List<LayoutBlock>();
        var trackedChanges = false;
        if (package.MainPart is { } main && package.TryGetPart(main, out var bytes))
        {
            using var xml = package.OpenXml(main, bytes);
            var reader = new WordLayoutReader(xml);
            reader.ReadDocument(blocks);
            trackedChanges = reader.trackedChanges;
        }

        return new FormLayout(FormFormat.Word, blocks) { Notices = trackedChanges ? [ReadMessages.TrackedChanges()] : [] };
    }

    private void ReadDocument(List<LayoutBlock> blocks)
    {
        // w:document/w:body; anything else at the top is not part of the story.
        if (xml.MoveToContent() != XmlNodeType.Element || xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (Is(body))
            {
                ReadBlocks(blocks);
            }
            else if (xml.NodeType == XmlNodeType.Element)
            {
                xml.Skip();
            }
            else
            {
                xml.Read();
            }
        }

        // The rest of the part must still be well-formed, as it was when the SDK loaded it whole.
        while (xml.Read())
        {
        }
    }

    // Each Read* method starts on its element and leaves the reader on the node after the element's end.

    // Content controls (w:sdt) and custom XML wrap paragraphs and tables: read through them.
    private void ReadBlocks(List<LayoutBlock> blocks)
    {
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(p))
                {
                    paragraphLines.Clear();
                    ReadParagraph(paragraphLines);
                    foreach (var text in paragraphLines)
                    {
                        blocks.Add(new LayoutParagraph(text));
                    }
                }
                else if (Is(tbl))
                {
                    blocks.Add(ReadTable());
                }
                else if (Is(sdt))
                {
                    ReadContentControl(() => ReadBlocks(blocks));
                }
                else if (Is(customXml))
                {
                    ReadBlocks(blocks);
                }
                else
                {
                    Next();
                }
            }

            xml.Read();
        }
    }

    private LayoutTable ReadTable()
    {
        var rows = new List<LayoutRow>();
        ReadRows(rows);
        return new LayoutTable(rows);
    }

    // The rows of a table, or of a content control or custom XML element around some of its rows.
    private void ReadRows(List<LayoutRow> rows)
    {
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(tr))
                {
                    if (ReadRow() is { } row)
                    {
                        rows.Add(row);
                    }
                }
                else if (Is(sdt))
                {
                    ReadRowsInContentControl(rows);
                }
                else if (Is(customXml))
                {
                    ReadRows(rows);
                }
                else
                {
                    Next();
                }
            }

            xml.Read();
        }
    }

    // A row; null when it is deleted with changes tracked (the final view has no such row).
    private LayoutRow? ReadRow()
    {
        var cells = rowCells;
        cells.Clear();
        rowColumn = 0;
        var deleted = false;
        var propertiesSeen = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(trPr) && !propertiesSeen)
                {
                    propertiesSeen = true;
                    (rowColumn, deleted) = ReadRowProperties();
                }
                else
                {
                    ReadCellOf(cells);
                }
            }

            xml.Read();
        }

        return deleted ? null : new LayoutRow([.. cells]);
    }

    // A cell of the row, or a content control or custom XML element around some of its cells; anything else is skipped.
    private void ReadCellOf(List<LayoutCell> cells)
    {
        if (Is(tc))
        {
            var cell = ReadCell(rowColumn);
            cells.Add(cell);
            rowColumn += cell.Span;
        }
        else if (Is(sdt))
        {
            ReadCellsInContentControl(cells);
        }
        else if (Is(customXml))
        {
            ReadCells(cells);
        }
        else
        {
            Next();
        }
    }

    private void ReadCells(List<LayoutCell> cells)
    {
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                ReadCellOf(cells);
            }

            xml.Read();
        }
    }

    // Content controls around rows or cells. Their lambdas live here, not in ReadRows/ReadRow, so a closure is
    // allocated only when a content control is there, not for every table and row.
    private void ReadRowsInContentControl(List<LayoutRow> rows) => ReadContentControl(() => ReadRows(rows));

    private void ReadCellsInContentControl(List<LayoutCell> cells) => ReadContentControl(() => ReadCells(cells));

    // w:trPr: the columns skipped before the first cell (w:gridBefore), and whether the row is a tracked insertion or deletion.
    private (int GridBefore, bool Deleted) ReadRowProperties()
    {
        var before = 0;
        var seen = false;
        var deleted = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(gridBefore) && !seen)
                {
                    seen = true;
                    before = IntValue(0);
                }
                else if (Is(del) || Is(ins))
                {
                    trackedChanges = true;
                    deleted |= Is(del);
                }

                Next();
            }

            xml.Read();
        }

        return (before, deleted);
    }

    private LayoutCell ReadCell(int column)
    {
        var span = 1;
        var continues = false;
        var propertiesSeen = false;
        var lines = cellLines;
        lines.Clear();
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(tcPr) && !propertiesSeen)
                {
                    propertiesSeen = true;
                    (span, continues) = ReadCellProperties();
                }
                else
                {
                    ReadCellContent(lines);
                }
            }

            xml.Read();
        }

        return new LayoutCell(CellLines(lines), column, span) { ContinuesAbove = continues };
    }

    // One node of a cell's content: a paragraph is a line (or several); nested tables' paragraphs are read in document
    // order as further lines of the cell; a content control is read through, unless it still shows its placeholder.
    private void ReadCellContent(List<string> lines)
    {
        if (Is(p))
        {
            ReadParagraph(lines);
        }
        else if (Is(sdt))
        {
            ReadContentControl(() => ReadCellContentOf(lines));
        }
        else
        {
            xml.Read();
        }
    }

    private void ReadCellContentOf(List<string> lines)
    {
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                ReadCellContent(lines);
            }

            xml.Read();
        }
    }

    // Most cells are one paragraph, and many an empty one: those share one array, the others get an exact-size array.
    private static string[] CellLines(List<string> lines) =>
        lines is [""] ? OneEmptyLine : [.. lines];

    private static readonly string[] OneEmptyLine = [""];

    private (int Span, bool Continues) ReadCellProperties()
    {
        var span = 1;
        var continues = false;
        bool spanSeen = false, mergeSeen = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(gridSpan) && !spanSeen)
                {
                    spanSeen = true;
                    span = Math.Max(1, IntValue(1));
                }
                else if (Is(vMerge) && !mergeSeen)
                {
                    mergeSeen = true;
                    var value = xml.GetAttribute("val", ns);
                    continues = value is null || value == "continue";
                }

                Next();
            }

            xml.Read();
        }

        return (span, continues);
    }

    /// <summary>A paragraph's text: w:t of every run concatenated, w:tab as a space, w:br/w:cr starting a new line.</summary>
    private void ReadParagraph(List<string> lines)
    {
        line.Clear();
        single = null;
        var placeholder = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(pPr) || Is(rPr))
                {
                    // Properties hold tab stops (w:tabs/w:tab) and no text.
                    xml.Skip();
                }
                else if (Is(sdtPr))
                {
                    placeholder = ShowsPlaceholder();
                }
                else if (Is(sdtContent) && placeholder)
                {
                    // An untouched content control ("Elija un elemento."): Word's prompt, not the office's answer.
                    placeholder = false;
                    xml.Skip();
                }
                else if (Is(del) || Is(moveFrom))
                {
                    // Deleted or moved-away text is not in the final view.
                    trackedChanges = true;
                    xml.Skip();
                }
                else if (Is(ins) || Is(moveTo))
                {
                    trackedChanges = true;
                    xml.Read();
                }
                else if (Is(t))
                {
                    ReadText();
                }
                else if (Is(tab))
                {
                    Append(" ");
                    xml.Read();
                }
                else if (Is(br) || Is(cr))
                {
                    lines.Add(TakeLine());
                    xml.Read();
                }
                else
                {
                    xml.Read();
                }
            }

            xml.Read();
        }

        lines.Add(TakeLine());
    }

    // Reads a content control's properties (leaving the reader after them): whether it still shows its placeholder.
    private bool ShowsPlaceholder()
    {
        var showing = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                showing |= Is(showingPlcHdr);
                Next();
            }

            xml.Read();
        }

        return showing;
    }

    private void ReadText()
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }

        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA)
            {
                Append(xml.Value);
            }

            xml.Read();
        }

        xml.Read();
    }

    private void Append(string text)
    {
        if (inPlaceholder)
        {
            return;
        }

        if (line.Length == 0 && single is null)
        {
            single = text;
            return;
        }

        if (single is not null)
        {
            line.Append(single);
            single = null;
        }

        line.Append(text);
    }

    private string TakeLine()
    {
        var text = single ?? line.ToString();
        single = null;
        line.Clear();
        return text;
    }

    /// <summary>
    /// A content control (w:sdt): its properties, then its w:sdtContent, on which <paramref name="readContent"/> is
    /// called (it must consume it). A control still showing its placeholder keeps its rows and cells, but its text is
    /// Word's prompt ("Elija un elemento."), not the office's answer, and is not read.
    /// </summary>
    private void ReadContentControl(Action readContent)
    {
        if (Enter(out var depth))
        {
            var placeholder = false;
            while (xml.Depth > depth)
            {
                if (Is(sdtPr))
                {
                    placeholder = ShowsPlaceholder();
                }
                else if (Is(sdtContent))
                {
                    var outer = inPlaceholder;
                    inPlaceholder |= placeholder;
                    readContent();
                    inPlaceholder = outer;
                }
                else
                {
                    Next();
                }
            }

            xml.Read();
        }
    }

    /// <summary>Moves into a non-empty element; an empty one is stepped over and false returned.</summary>
    private bool Enter(out int depth)
    {
        depth = xml.Depth;
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return false;
        }

        xml.Read();
        return true;
    }

    /// <summary>Steps over the current node: a whole element, or one other node.</summary>
    private void Next()
    {
        if (xml.NodeType == XmlNodeType.Element)
        {
            xml.Skip();
        }
        else
        {
            xml.Read();
        }
    }

    private bool Is(string localName) =>
        xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, localName) && ReferenceEquals(xml.NamespaceURI, ns);

    private int IntValue(int fallback) =>
        int.TryParse(xml.GetAttribute("val", ns), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
