using System.Globalization;
using System.Text;
using System.Xml;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Text;
using Pmg.Forms.Layout;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Excel;

/// <summary>
/// Turns a workbook into the neutral layout: per sheet, its name as a paragraph and its rows as one table.
/// Shared and inline strings are read, line breaks split a cell into lines, vertically merged ranges mark the
/// covered cells as continuing the one above, and numbers keep whether they are shown as a percentage. A formula is
/// read by the value Excel cached for it; one saved without that value is marked, never read as 0.
/// Each vetted part (workbook, styles, shared strings, sheets) is read in one forward-only pass (no DOM), by element
/// name in the Open XML SpreadsheetML namespace; the sheet caps are enforced while the rows are read.
/// </summary>
internal static class ExcelLayoutReader
{
    // DocumentFormat.OpenXml's namespaces for the default (x:) and r: prefixes.
    private const string S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Built-in number formats 9 ("0%") and 10 ("0.00%").
    private static readonly HashSet<uint> PercentBuiltIns = [9, 10];

    // The sheet's size in Excel: 1,048,576 rows by 16,384 columns (XFD).
    private const uint MaxRows = 1_048_576;
    private const int MaxColumns = 16_384;

    /// <summary>Reads every worksheet of a vetted workbook, in tab order; XML errors surface as <see cref="XmlException"/>.</summary>
    public static FormLayout Read(VettedPackage package)
    {
        var blocks = new List<LayoutBlock>();
        if (package.MainPart is not { } workbook || !package.TryGetPart(workbook, out var workbookBytes))
        {
            return new FormLayout(FormFormat.Excel, blocks);
        }

        var budget = new ReadBudget(package.FileName, package.Limits);
        var relationships = package.RelationshipsFrom(workbook);
        var sharedStrings = ReadSharedStrings(package, Target(relationships, "/sharedStrings"), budget);
        var percentStyles = ReadPercentStyles(package, Target(relationships, "/styles"));
        var text = new StringBuilder();
        var hiddenSheets = new List<string>();

        // A part is read once however many times workbook.xml lists it (a hostile workbook lists one hundreds of times).
        var partsRead = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, id, hidden) in ReadSheetList(package, workbook, workbookBytes))
        {
            if (id is null || FindById(relationships, id) is not { } relationship
                || !relationship.Type.EndsWith("/worksheet", StringComparison.Ordinal)
                || relationship.Target is not { } part || !package.TryGetPart(part, out var sheetBytes) || sheetBytes.IsEmpty
                || !partsRead.Add(part))
            {
                continue;
            }

            if (hidden)
            {
                // Not what the office sees and signs: never scored, and the notice names it.
                hiddenSheets.Add(name);
                continue;
            }

            var guard = new SheetGuard(package.FileName, part, package.Limits);
            budget.Cell();
            blocks.Add(new LayoutParagraph(name));
            blocks.Add(ReadSheet(package, part, sheetBytes, guard, budget, sharedStrings, percentStyles, text));
        }

        return new FormLayout(FormFormat.Excel, blocks) { Notices = HiddenSheetsNotice(hiddenSheets) };
    }

    private static Diagnostic[] HiddenSheetsNotice(List<string> sheets) => sheets.Count switch
    {
        0 => [],
        1 => [Diagnostic.Warning(
            ReadCodes.HiddenContentIgnored,
            $"El libro tiene la hoja oculta «{Quote(sheets[0])}», que no se ve al abrirlo: no se leyó ni se evaluó. Si es parte del formulario, muéstrela (clic derecho en una pestaña › Mostrar) y vuelva a enviarlo.",
            SourceLocation.Document)],
        _ => [Diagnostic.Warning(
            ReadCodes.HiddenContentIgnored,
            $"El libro tiene {sheets.Count.ToString(CultureInfo.InvariantCulture)} hojas ocultas ({string.Join(", ", sheets.Take(10).Select(n => "«" + Quote(n) + "»"))}{(sheets.Count > 10 ? ", …" : "")}), que no se ven al abrirlo: no se leyeron ni se evaluaron. Si son parte del formulario, muéstrelas (clic derecho en una pestaña › Mostrar) y vuelva a enviarlo.",
            SourceLocation.Document)],
    };

    private static string Quote(string name) => TextNormalizer.Shorten(name, 40);

    private static PackageRelationship? FindById(IReadOnlyList<PackageRelationship> relationships, string id)
    {
        foreach (var relationship in relationships)
        {
            if (relationship.Id == id)
            {
                return relationship;
            }
        }

        return null;
    }

    private static string? Target(IReadOnlyList<PackageRelationship> relationships, string typeSuffix)
    {
        foreach (var relationship in relationships)
        {
            if (relationship.Type.EndsWith(typeSuffix, StringComparison.Ordinal))
            {
                return relationship.Target;
            }
        }

        return null;
    }

    /// <summary>workbook.xml's sheets/sheet: name, relationship id and whether it is hidden or very hidden, in tab order.</summary>
    private static List<(string Name, string? Id, bool Hidden)> ReadSheetList(VettedPackage package, string part, ReadOnlyMemory<byte> bytes)
    {
        var sheets = new List<(string, string?, bool)>();
        using var xml = package.OpenXml(part, bytes);
        var sheet = xml.NameTable.Add("sheet");
        var ns = xml.NameTable.Add(S);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, sheet) && ReferenceEquals(xml.NamespaceURI, ns))
            {
                sheets.Add((xml.GetAttribute("name") ?? "", xml.GetAttribute("id", R), xml.GetAttribute("state") is "hidden" or "veryHidden"));
            }
        }

        return sheets;
    }

    private static List<string> ReadSharedStrings(VettedPackage package, string? part, ReadBudget budget)
    {
        var strings = new List<string>();
        if (part is null || !package.TryGetPart(part, out var bytes))
        {
            return strings;
        }

        using var xml = package.OpenXml(part, bytes);
        var names = new SpreadsheetNames(xml.NameTable);
        var text = new StringBuilder();
        xml.Read();
        while (!xml.EOF)
        {
            if (names.Is(xml, names.Si))
            {
                var item = ItemText(xml, names, text);
                budget.Text(item.Length);
                strings.Add(item);
            }
            else
            {
                xml.Read();
            }
        }

        return strings;
    }

    private static LayoutTable ReadSheet(
        VettedPackage package, string part, ReadOnlyMemory<byte> bytes, SheetGuard guard, ReadBudget budget, List<string> sharedStrings, HashSet<uint> percentStyles, StringBuilder text)
    {
        // Row and cell references are optional in SpreadsheetML: without them a row follows the previous one and a
        // cell the previous cell.
        var cellsByRow = new SortedDictionary<int, SortedDictionary<int, LayoutCell>>();
        var merges = new List<string?>();
        var rowNumber = 0;
        var lastColumn = -1;
        using var xml = package.OpenXml(part, bytes);
        var names = new SpreadsheetNames(xml.NameTable);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            if (ReferenceEquals(xml.LocalName, names.Row))
            {
                guard.Row();
            }
            else if (ReferenceEquals(xml.LocalName, names.C))
            {
                guard.Cell();
            }

            if (names.Is(xml, names.Row))
            {
                rowNumber = uint.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index is > 0 and <= MaxRows
                    ? (int)index
                    : rowNumber + 1;
                lastColumn = Math.Max(lastColumn, ReadRow(xml, names, guard, budget, rowNumber, cellsByRow, sharedStrings, percentStyles, text));
            }
            else
            {
                if (names.Is(xml, names.MergeCell))
                {
                    merges.Add(xml.GetAttribute("ref"));
                }

                xml.Read();
            }
        }

        // The sheet's real extent is where its cells are; a merged range (A1:XFD1048576) is clipped to it before any
        // work proportional to its area, and that work counts against the read's budget.
        var lastRow = cellsByRow.Count > 0 ? cellsByRow.Keys.Max() : 0;
        foreach (var merge in merges)
        {
            ApplyMerge(merge, cellsByRow, lastRow, lastColumn, budget);
        }

        var rows = new List<LayoutRow>(cellsByRow.Count);
        foreach (var cells in cellsByRow.Values)
        {
            rows.Add(new LayoutRow([.. cells.Values]));
        }

        return new LayoutTable(rows);
    }

    /// <summary>Reads a row's own &lt;c&gt; children; leaves the reader after the row. Returns the last column it holds a cell in (-1: none).</summary>
    private static int ReadRow(
        XmlReader xml, SpreadsheetNames names, SheetGuard guard, ReadBudget budget, int rowNumber, SortedDictionary<int, SortedDictionary<int, LayoutCell>> cellsByRow,
        List<string> sharedStrings, HashSet<uint> percentStyles, StringBuilder text)
    {
        var lastColumn = -1;
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return lastColumn;
        }

        var depth = xml.Depth;
        var column = -1;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            if (!names.Is(xml, names.C))
            {
                // Only the row's own cells are read; the caps still count anything named row or c.
                CountSkipped(xml, names, guard);
                continue;
            }

            guard.Cell();
            var written = xml.GetAttribute("r");
            column = TryParseReference(written, out var writtenRow, out var referenced) ? referenced : column + 1;
            if (column >= MaxColumns)
            {
                CountSkipped(xml, names, guard, counted: true);
                continue;
            }

            // The cell's own "G9" when it is the canonical reference of where the cell lands (it almost always is).
            var reference = writtenRow == rowNumber && IsCanonical(written) ? written! : Reference(rowNumber, column);
            budget.Cell();
            Row(cellsByRow, rowNumber)[column] = ReadCell(xml, names, guard, budget, reference, column, sharedStrings, percentStyles, text);
            lastColumn = Math.Max(lastColumn, column);
        }

        xml.Read();
        return lastColumn;
    }

    /// <summary>Steps over an element the reader does not use, counting any row or c inside it against the caps.</summary>
    private static void CountSkipped(XmlReader xml, SpreadsheetNames names, SheetGuard guard, bool counted = false)
    {
        var depth = xml.Depth;
        do
        {
            if (xml.NodeType == XmlNodeType.Element && !counted)
            {
                if (ReferenceEquals(xml.LocalName, names.Row))
                {
                    guard.Row();
                }
                else if (ReferenceEquals(xml.LocalName, names.C))
                {
                    guard.Cell();
                }
            }

            counted = false;
            xml.Read();
        }
        while (xml.Depth > depth);
    }

    // A range spanning columns widens its top-left cell; rows below the first continue it, like Word's vMerge.
    private static void ApplyMerge(
        string? range, SortedDictionary<int, SortedDictionary<int, LayoutCell>> cellsByRow, int lastRow, int lastColumn, ReadBudget budget)
    {
        var corners = range?.Split(':');
        if (corners is not { Length: 2 }
            || !TryParseReference(corners[0], out var top, out var left)
            || !TryParseReference(corners[1], out var bottom, out var right)
            || bottom < top || right < left || top > lastRow || left > lastColumn)
        {
            return;
        }

        bottom = Math.Min(bottom, lastRow);
        right = Math.Min(right, lastColumn);
        budget.MergedCells((long)(bottom - top + 1) * (right - left + 1), range!);

        for (var row = top; row <= bottom; row++)
        {
            var cells = Row(cellsByRow, row);
            for (var column = left + 1; column <= right; column++)
            {
                cells.Remove(column);
            }

            var reference = Reference(row, left);
            var existing = cells.GetValueOrDefault(left) ?? new LayoutCell([], left) { Reference = reference };
            cells[left] = existing with { Span = right - left + 1, ContinuesAbove = row > top };
        }
    }

    private static SortedDictionary<int, LayoutCell> Row(SortedDictionary<int, SortedDictionary<int, LayoutCell>> cellsByRow, int row)
    {
        if (!cellsByRow.TryGetValue(row, out var cells))
        {
            cells = [];
            cellsByRow[row] = cells;
        }

        return cells;
    }

    /// <summary>Reads one &lt;c&gt;: its type, style, value (&lt;v&gt;) or inline string (&lt;is&gt;); leaves the reader after it.</summary>
    private static LayoutCell ReadCell(
        XmlReader xml, SpreadsheetNames names, SheetGuard guard, ReadBudget budget, string reference, int column, List<string> sharedStrings, HashSet<uint> percentStyles, StringBuilder text)
    {
        var type = xml.GetAttribute("t");
        uint? style = uint.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        string? raw = null;
        string? inline = null;
        string? formula = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            xml.Read();
            while (xml.Depth > depth)
            {
                if (raw is null && names.Is(xml, names.V))
                {
                    raw = ElementText(xml, text);
                }
                else if (inline is null && names.Is(xml, names.Is_))
                {
                    inline = ItemText(xml, names, text);
                }
                else if (formula is null && names.Is(xml, names.F))
                {
                    formula = ElementText(xml, text);
                }
                else if (xml.NodeType == XmlNodeType.Element)
                {
                    CountSkipped(xml, names, guard);
                }
                else
                {
                    xml.Read();
                }
            }
        }

        xml.Read();
        var uncalculated = formula is not null && raw is null && inline is null ? formula.Trim() : null;
        raw ??= "";
        decimal? number = null;
        string value;
        switch (type)
        {
            case "s":
                value = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count
                    ? sharedStrings[index]
                    : "";

                // Each cell's copy counts: one huge string referenced by many cells is refused, not multiplied.
                budget.SharedText(value.Length);
                break;
            case "inlineStr":
                value = inline ?? "";
                budget.Text(value.Length);
                break;
            case "str" or "b" or "e":
                value = raw;
                budget.Text(value.Length);
                break;
            default:
                if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) && Math.Abs(parsed) < 1e15)
                {
                    // Through double: (decimal) keeps 15 significant digits, so "0.10000000000000001" is 0.1 as Excel shows it.
                    number = (decimal)parsed;
                }

                value = raw;
                budget.Text(value.Length);
                break;
        }

        var percent = number is not null && style is { } styleIndex && percentStyles.Contains(styleIndex);
        if (number is { } shown)
        {
            value = percent ? Display(shown * 100m) + "%" : Display(shown);
        }

        return new LayoutCell(SplitLines(value), column)
        {
            Reference = reference,
            Number = number,
            PercentFormatted = percent,
            UncalculatedFormula = uncalculated,
        };
    }

    /// <summary>The text content of a leaf element (v, t); leaves the reader after it.</summary>
    private static string ElementText(XmlReader xml, StringBuilder text)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        xml.Read();
        if (xml.NodeType is XmlNodeType.Text && xml.Depth == depth + 1)
        {
            // The common case, a single text node: no builder needed.
            var single = xml.Value;
            xml.Read();
            if (xml.Depth == depth)
            {
                xml.Read();
                return single;
            }

            text.Clear().Append(single);
        }
        else
        {
            text.Clear();
        }

        while (xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA)
            {
                text.Append(xml.Value);
            }

            xml.Read();
        }

        xml.Read();
        return text.ToString();
    }

    /// <summary>Rich text (si, is): the runs' texts concatenated; phonetic hints (rPh) are not part of the value. Leaves the reader after it.</summary>
    private static string ItemText(XmlReader xml, SpreadsheetNames names, StringBuilder text)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        // Usually one <t>: its string is the value, with no builder.
        string? only = null;
        StringBuilder? builder = null;
        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (names.Is(xml, names.RPh))
            {
                xml.Skip();
            }
            else if (names.Is(xml, names.T))
            {
                var run = ElementText(xml, text);
                if (only is null && builder is null)
                {
                    only = run;
                }
                else
                {
                    builder ??= new StringBuilder(only);
                    builder.Append(run);
                }
            }
            else
            {
                xml.Read();
            }
        }

        xml.Read();
        return builder?.ToString() ?? only ?? "";
    }

    private static string Display(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string[] SplitLines(string text) =>
        text.AsSpan().IndexOfAny('\n', '\r') < 0
            ? [text]
            : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r');

    private static HashSet<uint> ReadPercentStyles(VettedPackage package, string? part)
    {
        var result = new HashSet<uint>();
        if (part is null || !package.TryGetPart(part, out var bytes))
        {
            return result;
        }

        var percentFormats = new HashSet<uint>(PercentBuiltIns);
        var cellFormats = new List<uint?>();
        var cellFormatsSeen = false;
        using var xml = package.OpenXml(part, bytes);
        var names = new SpreadsheetNames(xml.NameTable);
        while (xml.Read())
        {
            if (names.Is(xml, names.NumFmt))
            {
                if (uint.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && IsPercentCode(xml.GetAttribute("formatCode")))
                {
                    percentFormats.Add(id);
                }
            }
            else if (names.Is(xml, names.CellXfs) && !cellFormatsSeen && !xml.IsEmptyElement)
            {
                // Only cellXfs' own xf children index cells' s attribute (not cellStyleXfs').
                cellFormatsSeen = true;
                var depth = xml.Depth;
                xml.Read();
                while (xml.Depth > depth)
                {
                    if (names.Is(xml, names.Xf))
                    {
                        cellFormats.Add(uint.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null);
                        xml.Skip();
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
            }
        }

        for (var index = 0; index < cellFormats.Count; index++)
        {
            if (cellFormats[index] is { } id && percentFormats.Contains(id))
            {
                result.Add((uint)index);
            }
        }

        return result;
    }

    // A "%" inside quotes or escaped with a backslash is literal text, not a percent format.
    private static bool IsPercentCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '\\':
                    i++;
                    break;
                case '%' when !quoted:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Parses "G9" into 1-based row 9 and 0-based column 6.</summary>
    internal static bool TryParseReference(string? reference, out int row, out int column)
    {
        row = 0;
        column = -1;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        var letters = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            letters = (letters * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            if (letters > MaxColumns)
            {
                return false;
            }
        }

        if (i == 0 || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) || row < 1)
        {
            return false;
        }

        column = letters - 1;
        return true;
    }

    // Upper-case letters then digits without a leading zero, as Reference writes it.
    private static bool IsCanonical(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || !char.IsAsciiLetterUpper(reference[0]))
        {
            return false;
        }

        var i = 0;
        while (i < reference.Length && char.IsAsciiLetterUpper(reference[i]))
        {
            i++;
        }

        return i < reference.Length && reference[i] is >= '1' and <= '9' && reference.AsSpan(i).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>"G9" from 1-based row 9 and 0-based column 6.</summary>
    internal static string Reference(int row, int column)
    {
        Span<char> letters = stackalloc char[8];
        var start = letters.Length;
        var n = column + 1;
        while (n > 0)
        {
            letters[--start] = (char)('A' + ((n - 1) % 26));
            n = (n - 1) / 26;
        }

        Span<char> reference = stackalloc char[24];
        letters[start..].CopyTo(reference);
        var length = letters.Length - start;
        row.TryFormat(reference[length..], out var digits, default, CultureInfo.InvariantCulture);
        return new string(reference[..(length + digits)]);
    }

    /// <summary>The SpreadsheetML names, atomised in one reader's name table so they compare by reference.</summary>
    private sealed class SpreadsheetNames(XmlNameTable table)
    {
        public string Ns { get; } = table.Add(S);

        public string Row { get; } = table.Add("row");

        public string C { get; } = table.Add("c");

        public string V { get; } = table.Add("v");

        public string Is_ { get; } = table.Add("is");

        public string T { get; } = table.Add("t");

        public string F { get; } = table.Add("f");

        public string RPh { get; } = table.Add("rPh");

        public string Si { get; } = table.Add("si");

        public string MergeCell { get; } = table.Add("mergeCell");

        public string NumFmt { get; } = table.Add("numFmt");

        public string CellXfs { get; } = table.Add("cellXfs");

        public string Xf { get; } = table.Add("xf");

        public bool Is(XmlReader xml, string localName) =>
            xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, localName) && ReferenceEquals(xml.NamespaceURI, Ns);
    }
}
