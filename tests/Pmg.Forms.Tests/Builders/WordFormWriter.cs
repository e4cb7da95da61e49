using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pmg.Domain.Model;

namespace Pmg.Forms.Tests.Builders;

/// <summary>Renders a <see cref="FormBuilder"/> as a Word document, the way regions fill it in.</summary>
internal static class WordFormWriter
{
    public static byte[] Write(FormBuilder form)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Paragraph("FORMATOS DE LA ETAPA 3: IMPLEMENTACIÓN DEL PROGRAMA DE TRABAJO" + (form.Year is { } y ? " GT " + y : "")));
            if (form.Service is { } service)
            {
                body.Append(Paragraph("Servicio: " + service));
            }

            foreach (var text in form.Paragraphs)
            {
                body.Append(Paragraph(text));
            }

            foreach (var section in form.Sections)
            {
                body.Append(Paragraph(form.Heading(section.Section)));
                if (section.Region is { } region)
                {
                    body.Append(new Table(new TableRow(Cell(FormCell.Text("REGIÓN (1)")), Cell(FormCell.Text(region)))));
                }

                body.Append(new Paragraph());
                foreach (var table in ObjectivesTables(section))
                {
                    body.Append(table);
                    body.Append(new Paragraph());
                }

                if (section.PerformanceLabel is { } label)
                {
                    body.Append(new Table(
                        new TableRow(Cell(FormCell.Text(label)), Cell(section.PerformanceValue)),
                        new TableRow(Cell(FormCell.Text("Desempeño Anual Servicio (CUMPLE /NO CUMPLE) (12)")), Cell(FormCell.Blank))));
                    body.Append(new Paragraph());
                }

                body.Append(Paragraph("Notas Actividad " + section.Section.Code() + ": ver instructivo."));
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static List<Table> ObjectivesTables(SectionBuilder section)
    {
        var table = new Table();
        var tables = new List<Table> { table };
        if (section.IsObjectivesTable)
        {
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new GridSpan { Val = 3 }), Paragraph("Control de Resultados")),
                new TableCell(new TableCellProperties(new GridSpan { Val = 6 }), Paragraph("Control Operacional"))));
        }

        table.Append(HeaderRow(section));
        var rows = section.OutputRows;
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var pageBreak in section.PageBreaks.Where(b => b.AfterRows == r))
            {
                table = new Table();
                tables.Add(table);
                if (pageBreak.RepeatHeader)
                {
                    table.Append(HeaderRow(section));
                }
            }

            var row = new TableRow();
            for (var c = 0; c < rows[r].Length; c++)
            {
                var startsMerge = !rows[r][c].Merged && r + 1 < rows.Count && rows[r + 1][c].Merged;
                var cell = Cell(rows[r][c], startsMerge);
                row.Append(rows[r][c].InContentControl ? new SdtCell(new SdtProperties(), new SdtContentCell(cell)) : cell);
            }

            table.Append(row);
        }

        return tables;
    }

    private static TableRow HeaderRow(SectionBuilder section) => new(section.OutputTitles.Select(t => Cell(FormCell.Text(t))));

    private static TableCell Cell(FormCell cell, bool startsMerge = false)
    {
        var result = new TableCell();
        if (cell.Merged || startsMerge)
        {
            result.Append(new TableCellProperties(new VerticalMerge { Val = cell.Merged ? MergedCellValues.Continue : MergedCellValues.Restart }));
        }

        if (cell.AsRuns)
        {
            // Alternate bold so the runs really are separate, as Word leaves them after edits.
            result.Append(new Paragraph(cell.Lines.Select((text, i) => Run(text, bold: i % 2 == 1))));
        }
        else if (cell.AsNestedTable)
        {
            result.Append(new Table(cell.Lines.Select(line => new TableRow(new TableCell(Paragraph(line))))));
            result.Append(new Paragraph());
        }
        else if (cell.AsBreaks)
        {
            var paragraph = new Paragraph();
            for (var i = 0; i < cell.Lines.Count; i++)
            {
                if (i > 0)
                {
                    paragraph.Append(new Run(new Break()));
                }

                paragraph.Append(Run(cell.Lines[i], bold: false));
            }

            result.Append(paragraph);
        }
        else if (cell.Merged || cell.WordLines.Count == 0)
        {
            result.Append(new Paragraph());
        }
        else
        {
            result.Append(cell.WordLines.Select(Paragraph));
        }

        return result;
    }

    private static Paragraph Paragraph(string text) => new(Run(text, bold: false));

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
