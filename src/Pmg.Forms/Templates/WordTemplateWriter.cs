using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Forms.Assembly;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Templates;

/// <summary>
/// Writes a form as a Word document laid out as the seed: per section its heading, the "REGIÓN (1)" table, the
/// objectives table with the seed's titles and notes, the performance lines and the notes; every compliance cell a
/// dropdown content control offering «Cumple» and «No cumple» (placeholder "Elija un elemento." until chosen).
/// </summary>
internal sealed class WordTemplateWriter
{
    // Letter, landscape, half-inch margins: 14,400 twips of usable width, as the nine columns need.
    private const int PageWidth = 15840;
    private const int PageHeight = 12240;
    private const int Margin = 720;
    private const int TableWidth = PageWidth - (2 * Margin);

    private const string PlaceholderStyle = "PlaceholderText";
    private const string HeaderFill = "DDEBF7";
    private const string FixedFill = "F2F2F2";

    private static readonly int[] ProgramWidths = Scale([40, 30, 22, 40, 22, 22, 14, 20, 14]);
    private static readonly int[] ProgressWidths = Scale([26, 45, 45, 35, 35, 25]);
    private static readonly int[] BodyWidths = Scale([1, 1, 1, 1, 1]);
    private static readonly int[] LabelWidths = [2700, 5400];
    private static readonly int[] PerformanceWidths = Scale([3, 1]);

    private readonly Submission content;
    private readonly TemplateLayout layout;
    private int nextControlId = 1;

    private WordTemplateWriter(Submission content, TemplateLayout layout)
    {
        this.content = content;
        this.layout = layout;
    }

    public static void Write(Stream output, Submission content, TemplateLayout layout)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Creator = "Pmg";
        document.PackageProperties.Title = TemplateText.DocumentTitle(content);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = CreateStyles();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
        main.Document = new Document(new Body(new WordTemplateWriter(content, layout).Blocks()));
    }

    private IEnumerable<OpenXmlElement> Blocks()
    {
        yield return Paragraph(FormVocabulary.DocumentTitle(content.Year), bold: true, size: 24, centered: true);
        yield return new Paragraph(Run(FormVocabulary.ServiceLabel, bold: true), Run(" " + content.Service));
        foreach (var section in SectionExtensions.Programs)
        {
            foreach (var block in Program(content.Program(section) ?? new WorkProgram { Section = section }))
            {
                yield return block;
            }
        }

        foreach (var block in Progress())
        {
            yield return block;
        }

        yield return new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 360, Footer = 360, Gutter = 0 });
    }

    private IEnumerable<OpenXmlElement> Program(WorkProgram program)
    {
        foreach (var block in Heading(program.Section))
        {
            yield return block;
        }

        if (program.Section == Section.III2)
        {
            yield return Body(program.CoordinatingBody);
            yield return Paragraph("");
        }

        yield return ObjectivesTable(program);
        yield return Paragraph("");
        yield return Table(
            PerformanceWidths,
            Row(FixedCell(FormVocabulary.RegionalPerformanceLabel(program.Section, content.Year), PerformanceWidths[0], bold: true), Cell([TemplateCells.Percent(program.DeclaredPerformance)], PerformanceWidths[1])),
            Row(FixedCell(FormVocabulary.ServicePerformanceLabel(program.Section, content.Year), PerformanceWidths[0], bold: true), Cell([], PerformanceWidths[1])));
        foreach (var note in Notes(program.Section))
        {
            yield return note;
        }
    }

    // The heading (a new page after the first section) and the "REGIÓN (1)" table.
    private IEnumerable<OpenXmlElement> Heading(Section section)
    {
        var heading = Paragraph(FormVocabulary.Heading(section, content.Year), bold: true, size: 22);
        if (section != Section.III1)
        {
            heading.PrependChild(new ParagraphProperties(new PageBreakBefore()));
        }

        yield return heading;
        yield return Table(LabelWidths, Row(FixedCell(FormVocabulary.RegionLabel, LabelWidths[0], bold: true), FixedCell(TemplateText.RegionName(content), LabelWidths[1], bold: true)));
        yield return Paragraph("");
    }

    private Table Body(CoordinatingBody? body)
    {
        var columns = FormVocabulary.BodyTableOrder;
        var titles = columns.Select((kind, i) => HeaderCell(
            FormVocabulary.WithNote(string.Format(CultureInfo.InvariantCulture, FormVocabulary.Printed(kind), content.Year), i + 2), BodyWidths[i]));
        IReadOnlyList<string>[] values = body is null
            ? [[], [], [], [], []]
            : [[body.Name], [body.Problem], [body.Territories], [body.Institutions], body.Products];
        return Table(BodyWidths, HeaderRow(titles), Row(values.Select((lines, i) => Cell(lines, BodyWidths[i]))));
    }

    private Table ObjectivesTable(WorkProgram program)
    {
        var note = FormVocabulary.FirstObjectivesNote(program.Section);
        var control = HeaderRow(
        [
            HeaderCell(FormVocabulary.ResultsControl, ProgramWidths[..3].Sum(), span: 3),
            HeaderCell(FormVocabulary.OperationalControl, ProgramWidths[3..].Sum(), span: 6),
        ]);
        var titles = HeaderRow(FormVocabulary.ObjectivesTableOrder.Select((kind, i) =>
            HeaderCell(FormVocabulary.WithNote(FormVocabulary.Printed(kind), note + i), ProgramWidths[i])));
        var rows = ObjectivesTablePlan.Rows(program, layout).Select(ObjectivesRow);
        return Table(ProgramWidths, [control, titles, .. rows]);
    }

    private TableRow ObjectivesRow(PlannedRow planned)
    {
        if (planned.Kind == PlannedRowKind.Category)
        {
            return Row(ProgramWidths.Select((width, i) => FixedCell(i == 0 ? planned.Category! : "", width, bold: true)));
        }

        var cells = new List<TableCell>(9);
        for (var i = 0; i < FormVocabulary.ObjectivesTableOrder.Count; i++)
        {
            var kind = FormVocabulary.ObjectivesTableOrder[i];
            var cell = kind == ColumnKind.Compliance
                ? new TableCell([CellProperties(ProgramWidths[i]), .. MarkParagraphs(planned)])
                : Cell(TemplateCells.Lines(planned, kind), ProgramWidths[i]);
            if (i < 3 && planned.ObjectiveSpan > 1)
            {
                cell.TableCellProperties!.VerticalMerge = new VerticalMerge { Val = MergedCellValues.Restart };
            }
            else if (i < 3 && planned.ContinuesObjective)
            {
                cell.TableCellProperties!.VerticalMerge = new VerticalMerge { Val = MergedCellValues.Continue };
            }

            cells.Add(cell);
        }

        return Row(cells);
    }

    // One dropdown per activity (at least one, so an empty row can be marked too), in line with the activities.
    private IEnumerable<Paragraph> MarkParagraphs(PlannedRow planned)
    {
        var marks = planned.Activities.Count == 0 ? [""] : planned.Activities.Select(TemplateCells.Mark).ToList();
        foreach (var mark in marks)
        {
            yield return new Paragraph(Dropdown(mark));
        }
    }

    /// <summary>A dropdown content control offering «Cumple» and «No cumple»; blank shows Word's placeholder.</summary>
    private SdtRun Dropdown(string mark)
    {
        var placeholder = mark.Length == 0;
        var properties = new SdtProperties(
            new SdtAlias { Val = FormVocabulary.Printed(ColumnKind.Compliance) },
            new Tag { Val = "pmg-cumplimiento" },
            new SdtId { Val = nextControlId++ });
        if (placeholder)
        {
            properties.Append(new ShowingPlaceholder());
        }

        properties.Append(new SdtContentDropDownList(
            new ListItem { DisplayText = ComplianceVocabulary.CompliedLabel, Value = ComplianceVocabulary.CompliedLabel },
            new ListItem { DisplayText = ComplianceVocabulary.NotCompliedLabel, Value = ComplianceVocabulary.NotCompliedLabel }));
        var run = placeholder
            ? new Run(new RunProperties(new RunStyle { Val = PlaceholderStyle }), new Text(FormVocabulary.DropdownPlaceholder))
            : new Run(new Text(mark) { Space = SpaceProcessingModeValues.Preserve });
        return new SdtRun(properties, new SdtContentRun(run));
    }

    private IEnumerable<OpenXmlElement> Progress()
    {
        foreach (var block in Heading(Section.III4))
        {
            yield return block;
        }

        var columns = FormVocabulary.ProgressTableOrder;
        var header = HeaderRow(columns.Select((kind, i) => HeaderCell(FormVocabulary.WithNote(FormVocabulary.Printed(kind), FormVocabulary.ProgressNote(kind)), ProgressWidths[i])));
        var rows = new List<TableRow> { header };
        var previous = "";
        foreach (var progress in content.ProgressRows)
        {
            // The programme is written once and left blank below, as the seed does.
            var program = progress.Program == previous ? "" : progress.Program;
            previous = progress.Program;
            string[] values = [program, progress.Objective, progress.Progress, progress.AuthorityMeasures, progress.Recommendations, progress.Responsible];
            rows.Add(Row(values.Select((value, i) => Cell(value.Length == 0 ? [] : [value], ProgressWidths[i]))));
        }

        var spare = content.ProgressRows.Count == 0 ? ObjectivesTablePlan.BlankRows : ObjectivesTablePlan.SpareRows;
        for (var i = 0; i < spare; i++)
        {
            rows.Add(Row(ProgressWidths.Select(width => Cell([], width))));
        }

        yield return Table(ProgressWidths, [.. rows]);
        foreach (var note in Notes(Section.III4))
        {
            yield return note;
        }
    }

    private static IEnumerable<Paragraph> Notes(Section section) =>
        FormNotes.For(section).Select((note, i) => Paragraph(note, bold: i == 0, size: 16, italic: i > 0));

    private static Table Table(int[] widths, params TableRow[] rows)
    {
        var properties = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }));
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));
        return new Table([properties, grid, .. rows]);
    }

    private static TableRow Row(params IEnumerable<TableCell> cells) => new(cells);

    // A title row repeated at the top of every page the table runs onto.
    private static TableRow HeaderRow(IEnumerable<TableCell> cells) => new([new TableRowProperties(new TableHeader()), .. cells]);

    private static TableCell HeaderCell(string text, int width, int span = 1)
    {
        var properties = CellProperties(width);
        if (span > 1)
        {
            properties.GridSpan = new GridSpan { Val = span };
        }

        properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeaderFill };
        properties.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center };
        return new TableCell(properties, Paragraph(text, bold: true, centered: true));
    }

    private static TableCell FixedCell(string text, int width, bool bold)
    {
        var properties = CellProperties(width);
        properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = FixedFill };
        return new TableCell(properties, Paragraph(text, bold: bold));
    }

    /// <summary>A cell with one paragraph per line (an empty paragraph when there is none).</summary>
    private static TableCell Cell(IReadOnlyList<string> lines, int width)
    {
        var cell = new TableCell(CellProperties(width));
        if (lines.Count == 0)
        {
            cell.Append(Paragraph(""));
        }

        foreach (var line in lines)
        {
            cell.Append(Paragraph(line));
        }

        return cell;
    }

    private static TableCellProperties CellProperties(int width) =>
        new(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });

    private static Paragraph Paragraph(string text, bool bold = false, int? size = null, bool centered = false, bool italic = false)
    {
        // Spacing comes from the document defaults (none after a paragraph); only centring is set here.
        var paragraph = centered ? new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center })) : new Paragraph();
        if (text.Length > 0)
        {
            paragraph.Append(Run(text, bold, size, italic));
        }

        return paragraph;
    }

    // Line breaks inside a text (a value read from several lines) become w:br, which the readers read as new lines.
    private static Run Run(string text, bool bold = false, int? size = null, bool italic = false)
    {
        var run = new Run();
        if (bold || size is not null || italic)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            if (size is { } halfPoints)
            {
                properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            }

            run.Append(properties);
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static Styles CreateStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new FontSize { Val = "18" },
                new FontSizeComplexScript { Val = "18" },
                new Languages { Val = "es-CL" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(new StyleName { Val = "Placeholder Text" }, new UIPriority { Val = 99 }, new SemiHidden(), new StyleRunProperties(new Color { Val = "808080" }))
        {
            Type = StyleValues.Character,
            StyleId = PlaceholderStyle,
        });

    // Column widths in twips from relative widths, summing exactly to the table's width.
    private static int[] Scale(int[] relative)
    {
        var total = relative.Sum();
        var widths = relative.Select(r => TableWidth * r / total).ToArray();
        widths[^1] += TableWidth - widths.Sum();
        return widths;
    }
}
