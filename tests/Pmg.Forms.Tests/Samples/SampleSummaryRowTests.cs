using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Rules;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pmg.Forms.Tests.Samples;

/// <summary>Tarapacá's year-end form with a "TOTAL" row added under III.1's table, as offices add it: it scores as the clean form.</summary>
public sealed class SampleSummaryRowTests
{
    private const string Sample = "cierre-2009-CL-TA";

    [Theory]
    [InlineData(FormFormat.Word)]
    [InlineData(FormFormat.Excel)]
    public async Task ReadAsync_SampleWithATotalRow_ScoresAndReportsLikeTheCleanForm(FormFormat format)
    {
        var clean = await ReadAsync(File.ReadAllBytes(Path(format)), format);

        var withTotal = await ReadAsync(WithTotalRow(format, "100%", "96%"), format);

        var expected = FormRules.Evaluate(clean.Submission!);
        var actual = FormRules.Evaluate(withTotal.Submission!);
        Assert.Equal(
            expected.Submission.Program(Section.III1)!.Activities.Select(a => (a.Text, a.Weight, a.Compliance)),
            actual.Submission.Program(Section.III1)!.Activities.Select(a => (a.Text, a.Weight, a.Compliance)));
        Assert.Equal(expected.Programs, actual.Programs);
        Assert.Equal(96m, actual.Program(Section.III1)!.Performance);
        Assert.Equal(clean.Diagnostics.Concat(expected.Diagnostics).Select(d => d.Message), withTotal.Diagnostics.Concat(actual.Diagnostics).Select(d => d.Message));
    }

    [Theory]
    [InlineData(FormFormat.Word, "III.1, fila 20, Ponderación ganada")]
    [InlineData(FormFormat.Excel, "III.1, fila 20, Ponderación ganada, celda I26")]
    public async Task ReadAsync_SampleWithATotalRowThatDisagrees_WarnsAtItsCellAndScoresTheActivities(FormFormat format, string location)
    {
        var read = await ReadAsync(WithTotalRow(format, "100%", "100%"), format);

        var warning = Assert.Single(read.Diagnostics, d => d.Code == ReadCodes.SummaryTotalMismatch);
        Assert.Equal(location, warning.Location?.ToString());
        Assert.Equal(
            $"La fila «TOTAL» en {location} declara una ponderación ganada total de 100%, pero la calculada según el cumplimiento de sus actividades es 96 %: se usa la calculada.",
            warning.Message);
        Assert.Equal(ProgramStatus.Cumple, FormRules.Evaluate(read.Submission!).Program(Section.III1)!.Status);
    }

    private static string Path(FormFormat format) => SharedSamples.Form(Sample + (format == FormFormat.Word ? ".docx" : ".xlsx"));

    private static async Task<FormReadResult> ReadAsync(byte[] bytes, FormFormat format)
    {
        using var stream = new MemoryStream(bytes);
        return await new FormReader().ReadAsync(stream, Sample + (format == FormFormat.Word ? ".docx" : ".xlsx"), new FormReadOptions { Service = "SERNAM" });
    }

    private static byte[] WithTotalRow(FormFormat format, string weight, string earned)
    {
        using var stream = new MemoryStream();
        stream.Write(File.ReadAllBytes(Path(format)));
        if (format == FormFormat.Word)
        {
            using var document = WordprocessingDocument.Open(stream, isEditable: true);
            var table = document.MainDocumentPart!.Document.Body!.Descendants<W.Table>()
                .First(t => t.InnerText.Contains("Ponderación ganada", StringComparison.Ordinal));
            var last = table.Elements<W.TableRow>().Last();
            var total = (W.TableRow)last.CloneNode(deep: true);
            var cells = total.Elements<W.TableCell>().ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                cells[i].RemoveAllChildren<W.Paragraph>();
                var text = i == 0 ? "TOTAL" : i == cells.Count - 3 ? weight : i == cells.Count - 1 ? earned : "";
                cells[i].Append(new W.Paragraph(new W.Run(new W.Text(text))));
            }

            last.InsertAfterSelf(total);
            document.MainDocumentPart.Document.Save();
        }
        else
        {
            using var document = SpreadsheetDocument.Open(stream, isEditable: true);
            var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!);
            var data = part.Worksheet.GetFirstChild<SheetData>()!;
            var before = data.Elements<Row>().First(r => r.RowIndex!.Value == 27);
            before.InsertBeforeSelf(new Row(Text("A26", "TOTAL"), Text("G26", weight), Text("I26", earned)) { RowIndex = 26 });
            part.Worksheet.Save();
        }

        return stream.ToArray();
    }

    private static Cell Text(string reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };
}
