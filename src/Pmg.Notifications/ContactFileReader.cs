using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Pmg.Forms.Safety;
using Pmg.Forms.Tables;
using Pmg.Pipeline.Notifications;

namespace Pmg.Notifications;

/// <summary>
/// Reads a contacts file into rows and hands them to <see cref="ContactRowParser"/>: .xlsx through Pmg.Forms' vetted
/// path (an address book is outside input like a form), .csv through CsvHelper.
/// </summary>
public static class ContactFileReader
{
    /// <summary>Reads <paramref name="content"/>; the format comes from the extension of <paramref name="fileName"/>. A file that does not open becomes a problem, not an exception.</summary>
    public static ContactImportResult Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName);
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".CSV" or ".TXT" => ContactRowParser.Parse(ReadCsv(content)),
            ".XLSX" => ReadXlsx(content, name),
            _ => Problem($"El archivo «{name}» no es .csv ni .xlsx."),
        };
    }

    /// <summary>
    /// CSV rows (RFC 4180 quotes; the separator detected, ";" or "," as a spreadsheet exports them), numbered by the
    /// line each starts on, blank lines counted.
    /// </summary>
    internal static List<(int Row, IReadOnlyList<string> Cells)> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ","],
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvParser(reader, configuration);
        var rows = new List<(int, IReadOnlyList<string>)>();
        while (csv.Read())
        {
            // RawRow is the line the record ends on; a quoted field may span lines.
            var record = csv.RawRecord.TrimEnd('\r', '\n');
            var first = csv.RawRow - record.Count(c => c == '\n');
            rows.Add((first, csv.Record ?? []));
        }

        return rows;
    }

    private static ContactImportResult ReadXlsx(Stream content, string name)
    {
        // Bounded like a form upload: one byte past the limit is enough to refuse it.
        using var buffer = new MemoryStream();
        var limit = PackageLimits.Default.MaxFileBytes;
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0 && buffer.Length <= limit)
        {
            buffer.Write(chunk, 0, read);
        }

        var sheet = VettedWorkbook.ReadFirstSheet(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), name);
        return sheet.Refusal switch
        {
            null => ContactRowParser.Parse(sheet.Rows.Select(r => (r.Number, r.Cells))),
            { Code: RefusalCodes.FileEmpty or RefusalCodes.NotOoxml or RefusalCodes.FileCorrupt or RefusalCodes.FileTruncated or RefusalCodes.NotAFormFormat } =>
                Problem($"El archivo «{name}» no se pudo abrir como libro de Excel (.xlsx): está dañado o tiene otro formato."),
            { } refusal => Problem(refusal.Message),
        };
    }

    private static ContactImportResult Problem(string reason) => new([], [new ContactRowProblem(1, reason)]);
}
