using System.Globalization;
using System.Xml;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Forms.Excel;
using Pmg.Forms.Layout;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Tables;

/// <summary>
/// Reads the first worksheet of an uploaded workbook that is not a form (the address book) through the same vetted
/// path as the forms: <see cref="PackageInspector"/>'s checks (zip bombs, macros, encryption, DTDs, lying sizes), the
/// sheet caps, and the forward-only secure XML reader. Bad input is a refusal, never an exception.
/// </summary>
public static class VettedWorkbook
{
    /// <summary>The first worksheet's rows as cell texts, or the refusal (a Spanish diagnostic naming the file).</summary>
    public static SheetReadResult ReadFirstSheet(ReadOnlyMemory<byte> content, string fileName, PackageLimits? limits = null)
    {
        var (verdict, package) = PackageInspector.Vet(content, fileName, limits ?? PackageLimits.Default);
        if (verdict.Refusal is { } refusal || package is null)
        {
            return new SheetReadResult([], verdict.Refusal ?? Refusals.Corrupt(fileName, "su contenido no se pudo leer como libro de Excel"));
        }

        using (package)
        {
            if (package.Format != FormFormat.Excel)
            {
                return new SheetReadResult([], Refusals.Corrupt(package.FileName, "no es un libro de Excel (.xlsx)"));
            }

            try
            {
                var sheet = ExcelLayoutReader.Read(package).Blocks.OfType<LayoutTable>().FirstOrDefault();
                return new SheetReadResult(sheet is null ? [] : sheet.Rows.Select(Row).ToArray(), null);
            }
            catch (PackageRefusedException refused)
            {
                return new SheetReadResult([], refused.Refusal);
            }
            catch (XmlException)
            {
                return new SheetReadResult([], Refusals.Corrupt(package.FileName, $"la parte «{package.PartBeingRead}» no es XML válido"));
            }
        }
    }

    // Cells land at their column (gaps are empty); a cell's lines keep their breaks; the row number is the sheet's.
    private static SheetRow Row(LayoutRow row, int index)
    {
        var cells = new List<string>();
        foreach (var cell in row.Cells)
        {
            while (cells.Count < cell.Column)
            {
                cells.Add("");
            }

            cells.Add(string.Join('\n', cell.Lines));
        }

        var number = row.Cells.Select(c => RowNumber(c.Reference)).FirstOrDefault(n => n > 0);
        return new SheetRow(number > 0 ? number : index + 1, cells);
    }

    private static int RowNumber(string? reference)
    {
        var digits = new string((reference ?? "").SkipWhile(char.IsAsciiLetter).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
    }
}

/// <summary>A worksheet read through <see cref="VettedWorkbook"/>.</summary>
/// <param name="Rows">Its non-empty rows, in order.</param>
/// <param name="Refusal">Why the file was refused; null when it was read.</param>
public sealed record SheetReadResult(IReadOnlyList<SheetRow> Rows, Diagnostic? Refusal);

/// <summary>One worksheet row.</summary>
/// <param name="Number">Its row number in the sheet (1-based).</param>
/// <param name="Cells">Cell texts by column (A = 0); a cell with line breaks keeps them as "\n".</param>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);
