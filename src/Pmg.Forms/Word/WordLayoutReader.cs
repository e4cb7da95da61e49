using System.Globalization;
using System.Text;
using System.Xml;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Text;
using Pmg.Forms.Assembly;
using Pmg.Forms.Layout;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Word;

/// <summary>
/// Turns a Word document into the neutral layout: body paragraphs and tables, runs joined, formatting ignored.
/// Tracked changes read as the final view (insertions in, deletions, moved-away text and deleted rows out, with a
/// notice); content controls and custom XML are read through, nested to any depth, in one loop (no recursion on the
/// document's depth); an untouched content control's prompt is no text; hidden text (w:vanish) and hidden rows are
/// left out with a notice, and every character and cell counts against the read's <see cref="ReadBudget"/>.
/// One forward-only pass over the vetted word/document.xml (no DOM): WordprocessingML is read by element name in
/// the Open XML main namespace, the same elements the Open XML SDK's typed classes stand for.
/// </summary>
internal sealed class WordLayoutReader
{
    // DocumentFormat.OpenXml's namespace for the w: prefix.
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // Word's own grid has at most 63 columns; a larger span or offset is hostile and is clipped, not honoured.
    private const int MaxGridColumns = 64;

    // How much hidden text the notice quotes.
    private const int HiddenQuoteLength = 120;

    private readonly XmlReader xml;
    private readonly ReadBudget budget;
    private readonly StringBuilder line = new();
    private readonly StringBuilder hidden = new();
    private int hiddenRuns;
    private int hiddenRows;

    // The content controls and custom XML being read through, innermost last: the depth of each one's content and
    // whether the text around it was already a placeholder's. A list on the heap, not the call stack.
    private readonly List<(int Depth, bool OuterPlaceholder)> wrappers = [];

    // The placeholder state of the content control whose properties were read last, for its w:sdtContent.
    private bool pendingPlaceholder;

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
    private readonly string sdtEndPr;
    private readonly string customXmlPr;
    private readonly string vanish;
    private readonly string specVanish;
    private readonly string r;
    private readonly string rStyle;
    private readonly string pStyle;

    // The ids of the styles that hide their text (WordHiddenStyles): a run or paragraph in one of them is hidden too.
    private readonly IReadOnlySet<string> hiddenStyles;
    private readonly string hiddenRow;

    // Inside the content of a control that still shows its placeholder: its text is Word's prompt, not read.
    private bool inPlaceholder;

    // Whether any tracked change (insertion, deletion, move, inserted or deleted row) was met.
    private bool trackedChanges;

    private WordLayoutReader(XmlReader xml, ReadBudget budget, IReadOnlySet<string> hiddenStyles)
    {
        this.xml = xml;
        this.budget = budget;
        this.hiddenStyles = hiddenStyles;
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
        sdtEndPr = names.Add("sdtEndPr");
        customXmlPr = names.Add("customXmlPr");
        vanish = names.Add("vanish");
        specVanish = names.Add("specVanish");
        r = names.Add("r");
        rStyle = names.Add("rStyle");
        pStyle = names.Add("pStyle");
        hiddenRow = names.Add("hidden");
    }

    /// <summary>Reads the main document part of a vetted package; XML errors surface as <see cref="XmlException"/>.</summary>
    public static FormLayout Read(VettedPackage package)
    {
        var blocks = new List<LayoutBlock>();
        if (package.MainPart is not { } main || !package.TryGetPart(main, out var bytes))
        {
            return new FormLayout(FormFormat.Word, blocks);
        }

        var hiddenStyles = WordHiddenStyles.Read(package, main);
        using var xml = package.OpenXml(main, bytes);
        var reader = new WordLayoutReader(xml, new ReadBudget(package.FileName, package.Limits), hiddenStyles);
        reader.ReadDocument(blocks);
        return new FormLayout(FormFormat.Word, blocks) { Notices = [.. reader.Notices()] };
    }

    private IEnumerable<Diagnostic> Notices()
    {
        if (trackedChanges)
        {
            yield return ReadMessages.TrackedChanges();
        }

        if (hiddenRuns == 0 && hiddenRows == 0)
        {
            yield break;
        }

        // What was hidden is not what the office sees and signs: it was left out, and the notice says what it said.
        var what = (hiddenRuns, hiddenRows) switch
        {
            (> 0, > 0) => "texto y filas de tabla ocultos",
            (> 0, _) => "texto oculto",
            _ => "filas de tabla ocultas",
        };
        var quote = TextNormalizer.Shorten(hidden.ToString(), HiddenQuoteLength);
        yield return Diagnostic.Warning(
            ReadCodes.HiddenContentIgnored,
            $"El documento tiene {what} (formato «Oculto» de Word), que no se ve al abrirlo: no se leyó ni se evaluó"
            + (quote.Length > 0 ? $" («{quote}»)." : ".")
            + " Si ese contenido es parte del formulario, quite el formato oculto y vuelva a enviarlo.",
            SourceLocation.Document);
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

    // Content controls (w:sdt) and custom XML wrap paragraphs and tables, nested to any depth: the loop walks through
    // them (StepThroughWrapper), never by recursion, so no depth of nesting can exhaust the stack.
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
                        budget.Cell();
                        blocks.Add(new LayoutParagraph(text));
                    }
                }
                else if (Is(tbl))
                {
                    blocks.Add(ReadTable());
                }
                else if (!StepThroughWrapper())
                {
                    Next();
                }
            }

            xml.Read();
        }
    }

    /// <summary>
    /// Walks through a wrapper of block, row or cell content so the caller's loop reads its content as its own: steps
    /// into w:sdt, w:sdtContent and w:customXml, over their properties (noting whether a control still shows its
    /// placeholder), and out of a content control's content (restoring the placeholder state around it). False when
    /// the current node is none of these.
    /// </summary>
    private bool StepThroughWrapper()
    {
        while (wrappers.Count > 0 && xml.Depth < wrappers[^1].Depth)
        {
            // Left without meeting its end (cannot happen in well-formed XML; kept so the state never leaks).
            inPlaceholder = wrappers[^1].OuterPlaceholder;
            wrappers.RemoveAt(wrappers.Count - 1);
        }

        if (xml.NodeType == XmlNodeType.EndElement)
        {
            if (wrappers.Count > 0 && xml.Depth == wrappers[^1].Depth && ReferenceEquals(xml.LocalName, sdtContent))
            {
                inPlaceholder = wrappers[^1].OuterPlaceholder;
                wrappers.RemoveAt(wrappers.Count - 1);
                xml.Read();
                return true;
            }

            return false;
        }

        if (Is(sdt))
        {
            pendingPlaceholder = false;
            xml.Read();
            return true;
        }

        if (Is(sdtPr))
        {
            pendingPlaceholder = ShowsPlaceholder();
            return true;
        }

        if (Is(sdtContent))
        {
            if (!xml.IsEmptyElement)
            {
                wrappers.Add((xml.Depth, inPlaceholder));
                inPlaceholder |= pendingPlaceholder;
            }

            pendingPlaceholder = false;
            xml.Read();
            return true;
        }

        if (Is(customXml))
        {
            xml.Read();
            return true;
        }

        if (Is(sdtEndPr) || Is(customXmlPr))
        {
            xml.Skip();
            return true;
        }

        return false;
    }

    private LayoutTable ReadTable()
    {
        var rows = new List<LayoutRow>();
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
                else if (!StepThroughWrapper())
                {
                    Next();
                }
            }

            xml.Read();
        }

        return new LayoutTable(rows);
    }

    // A row; null when it is deleted with changes tracked (the final view has no such row) or hidden (w:trPr/w:hidden:
    // read for the notice only).
    private LayoutRow? ReadRow()
    {
        var cells = rowCells;
        cells.Clear();
        var column = 0;
        var deleted = false;
        var rowHidden = false;
        var propertiesSeen = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(trPr) && !propertiesSeen)
                {
                    propertiesSeen = true;
                    (column, deleted, rowHidden) = ReadRowProperties();
                }
                else if (Is(tc))
                {
                    var cell = ReadCell(column);
                    cells.Add(cell);
                    column += cell.Span;
                }
                else if (!StepThroughWrapper())
                {
                    Next();
                }
            }

            xml.Read();
        }

        if (rowHidden && !deleted)
        {
            hiddenRows++;
            foreach (var cell in cells)
            {
                NoteHidden(" " + string.Join(' ', cell.Lines));
            }
        }

        return deleted || rowHidden ? null : new LayoutRow([.. cells]);
    }

    // w:trPr: the columns skipped before the first cell (w:gridBefore), whether the row is a tracked insertion or
    // deletion, and whether Word hides it.
    private (int GridBefore, bool Deleted, bool Hidden) ReadRowProperties()
    {
        var before = 0;
        var seen = false;
        var deleted = false;
        var rowHidden = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(gridBefore) && !seen)
                {
                    seen = true;
                    before = Math.Clamp(IntValue(0), 0, MaxGridColumns);
                }
                else if (Is(del) || Is(ins))
                {
                    trackedChanges = true;
                    deleted |= Is(del);
                }
                else if (Is(hiddenRow))
                {
                    rowHidden |= IsOn();
                }

                Next();
            }

            xml.Read();
        }

        return (before, deleted, rowHidden);
    }

    // A cell's lines: its paragraphs, and the paragraphs of tables nested in it in document order, read in one loop;
    // content controls are read through, unless they still show their placeholder.
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
                else if (Is(p))
                {
                    ReadParagraph(lines);
                }
                else if (!StepThroughWrapper())
                {
                    xml.Read();
                }
            }

            xml.Read();
        }

        budget.Cell();
        return new LayoutCell(CellLines(lines), column, span) { ContinuesAbove = continues };
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
                    span = Math.Clamp(IntValue(1), 1, MaxGridColumns);
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
        var paragraphHidden = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(r))
                {
                    // A run: hidden by its own properties (w:vanish, or a character style that hides), else by its
                    // paragraph's style; a hidden run is left out. Its properties, when it has any, come first.
                    var runDepth = xml.Depth;
                    if (Enter(out _) && SkipsToContent(runDepth) && (Is(rPr) ? HidesRun(paragraphHidden) : paragraphHidden))
                    {
                        SkipHiddenRun(runDepth);
                    }
                }
                else if (Is(rPr))
                {
                    // Run properties outside a w:r (none in valid WordprocessingML): nothing to read.
                    xml.Skip();
                }
                else if (Is(pPr))
                {
                    // Properties hold the paragraph's style and tab stops, no text; a hidden paragraph mark hides no text.
                    // Only this paragraph's own: a text box's paragraphs (inside a run's drawing) do not restyle it.
                    if (xml.Depth == depth + 1)
                    {
                        paragraphHidden = ParagraphStyleHides();
                    }
                    else
                    {
                        xml.Skip();
                    }
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

    // Steps over whitespace and comments between a run's start and its first child (indented XML); true while still
    // inside the run.
    private bool SkipsToContent(int runDepth)
    {
        while (xml.Depth > runDepth && xml.NodeType is XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.Comment or XmlNodeType.ProcessingInstruction)
        {
            xml.Read();
        }

        return xml.Depth > runDepth;
    }

    // Reads a run's properties (leaving the reader after them): whether they hide the run. Its own w:vanish or
    // w:specVanish decides when present, on or off; else its character style (w:rStyle); else the paragraph's style.
    private bool HidesRun(bool paragraphHidden)
    {
        bool? direct = null;
        var styled = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(vanish) || Is(specVanish))
                {
                    direct = (direct ?? false) || IsOn();
                }
                else if (Is(rStyle))
                {
                    styled = xml.GetAttribute("val", ns) is { } style && hiddenStyles.Contains(style);
                }

                Next();
            }

            xml.Read();
        }

        return direct ?? (styled || paragraphHidden);
    }

    // Reads a paragraph's properties (leaving the reader after them): whether its style (w:pStyle) hides its text.
    private bool ParagraphStyleHides()
    {
        var hides = false;
        if (Enter(out var depth))
        {
            while (xml.Depth > depth)
            {
                if (Is(pStyle))
                {
                    hides = xml.GetAttribute("val", ns) is { } style && hiddenStyles.Contains(style);
                }

                Next();
            }

            xml.Read();
        }

        return hides;
    }

    // After a hidden run's properties: steps over the rest of the run, keeping its text for the notice only.
    private void SkipHiddenRun(int runDepth)
    {
        hiddenRuns++;
        if (hidden.Length > 0)
        {
            hidden.Append(' ');
        }

        var inText = false;
        var textDepth = 0;
        while (xml.Depth > runDepth)
        {
            if (Is(t) && !xml.IsEmptyElement)
            {
                inText = true;
                textDepth = xml.Depth;
            }
            else if (inText && xml.Depth <= textDepth)
            {
                inText = false;
            }
            else if (inText && xml.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA)
            {
                NoteHidden(xml.Value);
            }

            xml.Read();
        }
    }

    // Keeps the start of what was hidden, enough to quote it in the notice.
    private void NoteHidden(string text)
    {
        var room = (HiddenQuoteLength * 2) - hidden.Length;
        if (room > 0)
        {
            hidden.Append(text.AsSpan(0, Math.Min(text.Length, room)));
        }
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

        budget.Text(text.Length);

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

    // An on/off property: on unless w:val says false, 0 or off.
    private bool IsOn() => xml.GetAttribute("val", ns) is not ("false" or "0" or "off");

    private int IntValue(int fallback) =>
        int.TryParse(xml.GetAttribute("val", ns), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
