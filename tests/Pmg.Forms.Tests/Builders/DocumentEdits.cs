using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pmg.Forms.Tests.Builders;

/// <summary>Opens a generated document again and edits it in place, as an office's word processor or spreadsheet leaves it.</summary>
internal static class DocumentEdits
{
    public static byte[] Apply(byte[] bytes, IReadOnlyList<Action<WordprocessingDocument>> edits)
    {
        if (edits.Count == 0)
        {
            return bytes;
        }

        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            foreach (var edit in edits)
            {
                edit(document);
            }

            document.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }

    public static byte[] Apply(byte[] bytes, IReadOnlyList<Action<SpreadsheetDocument>> edits)
    {
        if (edits.Count == 0)
        {
            return bytes;
        }

        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            foreach (var edit in edits)
            {
                edit(document);
            }

            foreach (var sheet in document.WorkbookPart!.WorksheetParts)
            {
                sheet.Worksheet.Save();
            }

            document.WorkbookPart.SharedStringTablePart?.SharedStringTable.Save();
            document.WorkbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Word: the run whose text is exactly <paramref name="text"/>.</summary>
    public static W.Run Run(WordprocessingDocument document, string text) =>
        (W.Run)document.MainDocumentPart!.Document.Body!.Descendants<W.Text>().First(t => t.Text == text).Parent!;

    /// <summary>Word: the table row holding a run whose text is exactly <paramref name="text"/>.</summary>
    public static W.TableRow Row(WordprocessingDocument document, string text) =>
        Run(document, text).Ancestors<W.TableRow>().First();

    /// <summary>Word: replaces <paramref name="element"/> by <paramref name="wrapper"/>, which takes the element inside.</summary>
    public static void Wrap(OpenXmlElement element, Func<OpenXmlElement, OpenXmlElement> wrapper)
    {
        var parent = element.Parent!;
        var placeholder = new W.BookmarkEnd { Id = "0" };
        parent.ReplaceChild(placeholder, element);
        parent.ReplaceChild(wrapper(element), placeholder);
    }

    /// <summary>Excel: the cell at <paramref name="reference"/> of the first sheet (III.1 in generated forms).</summary>
    public static Cell Cell(SpreadsheetDocument document, string reference, int sheet = 0) =>
        Worksheet(document, sheet).Descendants<Cell>().First(c => c.CellReference?.Value == reference);

    public static Worksheet Worksheet(SpreadsheetDocument document, int sheet = 0)
    {
        var workbook = document.WorkbookPart!;
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().ElementAt(sheet).Id!.Value!;
        return ((WorksheetPart)workbook.GetPartById(id)).Worksheet;
    }

    /// <summary>Excel: the text a shared-string cell shows.</summary>
    public static string SharedText(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
            .ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText;
}
