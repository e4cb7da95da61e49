using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Pipeline.Notifications;

namespace Pmg.Notifications;

/// <summary>Reads a contacts file (.csv or .xlsx, first sheet) into rows and hands them to <see cref="ContactRowParser"/>.</summary>
public static class ContactFileReader
{
    /// <summary>Reads <paramref name="content"/>; the format comes from the extension of <paramref name="fileName"/>. A file that does not open becomes a problem, not an exception.</summary>
    public static ContactImportResult Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        try
        {
            return extension switch
            {
                ".CSV" or ".TXT" => ContactRowParser.Parse(ReadCsv(content)),
                ".XLSX" => ContactRowParser.Parse(ReadXlsx(content)),
                _ => new ContactImportResult([], [new ContactRowProblem(1, $"El archivo «{Path.GetFileName(fileName)}» no es .csv ni .xlsx.")]),
            };
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException or System.Xml.XmlException)
        {
            return new ContactImportResult([], [new ContactRowProblem(1, $"El archivo «{Path.GetFileName(fileName)}» no se pudo abrir como libro de Excel (.xlsx): está dañado o tiene otro formato.")]);
        }
    }

    /// <summary>CSV rows (RFC 4180 quotes; ";" or "," as separator, whichever the title row uses), numbered from 1.</summary>
    internal static List<(int Row, IReadOnlyList<string> Cells)> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = reader.ReadToEnd();
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';

        var rows = new List<(int, IReadOnlyList<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var row = 1;
        var rowStart = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        row++;
                    }

                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add((rowStart, cells));
                cells = [];
                row++;
                rowStart = row;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString().TrimEnd('\r'));
            rows.Add((rowStart, cells));
        }

        return rows;
    }

    /// <summary>Rows of the first worksheet with their Excel row numbers; cells placed by their column letters.</summary>
    internal static List<(int Row, IReadOnlyList<string> Cells)> ReadXlsx(Stream content)
    {
        using var document = SpreadsheetDocument.Open(content, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];

        var rows = new List<(int, IReadOnlyList<string>)>();
        var number = 0;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            number = row.RowIndex?.Value is { } index ? (int)index : number + 1;
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(CellText(cell, shared));
                column++;
            }

            rows.Add((number, cells));
        }

        return rows;
    }

    private static string CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        return cell.CellValue?.Text ?? "";
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(index - 1, 0);
    }
}
