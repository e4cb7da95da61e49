using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Rules;

namespace Pmg.Forms.Reports;

/// <summary>The workbook's cell styles: indexes into the stylesheet's cell formats.</summary>
internal static class ReportStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Percent = 2;
    public const uint Cumple = 3;
    public const uint NoCumple = 4;
    public const uint Pendiente = 5;
    public const uint Invalido = 6;
    public const uint QuotedText = 7;
    public const uint Title = 8;
    public const uint Bold = 9;

    /// <summary>Built-in number format 10: "0.00%".</summary>
    public const uint PercentFormatId = 10;

    public static uint ForStatus(ProgramStatus status) => status switch
    {
        ProgramStatus.Cumple => Cumple,
        ProgramStatus.NoCumple => NoCumple,
        ProgramStatus.Pendiente => Pendiente,
        _ => Invalido,
    };

    /// <summary>Fill colour (ARGB) of each status style, green / red / amber / grey.</summary>
    public static IReadOnlyDictionary<ProgramStatus, string> StatusFills { get; } = new Dictionary<ProgramStatus, string>
    {
        [ProgramStatus.Cumple] = "FFC6EFCE",
        [ProgramStatus.NoCumple] = "FFFFC7CE",
        [ProgramStatus.Pendiente] = "FFFFEB9C",
        [ProgramStatus.Invalido] = "FFD9D9D9",
    };

    private static readonly (ProgramStatus Status, string Font)[] StatusFonts =
    [
        (ProgramStatus.Cumple, "FF006100"),
        (ProgramStatus.NoCumple, "FF9C0006"),
        (ProgramStatus.Pendiente, "FF9C5700"),
        (ProgramStatus.Invalido, "FF404040"),
    ];

    public static Stylesheet CreateStylesheet()
    {
        // Fonts: 0 regular, 1 bold, 2.. one bold coloured font per status.
        var fonts = new Fonts(new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }));

        // Fills: 0 and 1 are reserved by the format (none, gray125); 2 is the header; 3.. one per status.
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            SolidFill("FFDDEBF7"));

        var cellFormats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, NumberFormatId = PercentFormatId, ApplyNumberFormat = true });

        foreach (var (status, font) in StatusFonts)
        {
            fonts.Append(new Font(new Bold(), new FontSize { Val = 11D }, new Color { Rgb = font }, new FontName { Val = "Calibri" }));
            fills.Append(SolidFill(StatusFills[status]));
            cellFormats.Append(new CellFormat
            {
                FontId = (uint)fonts.ChildElements.Count - 1,
                FillId = (uint)fills.ChildElements.Count - 1,
                BorderId = 0,
                FormatId = 0,
                ApplyFont = true,
                ApplyFill = true,
            });
        }

        cellFormats.Append(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true });

        fonts.Append(new Font(new Bold(), new FontSize { Val = 14D }, new FontName { Val = "Calibri" }));
        cellFormats.Append(new CellFormat { FontId = (uint)fonts.ChildElements.Count - 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true });
        cellFormats.Append(new CellFormat { FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true });

        // Differential formats of the status rules (StatusConditionalFormatting), one per status in StatusFonts order.
        var differentialFormats = new DifferentialFormats();
        foreach (var (status, font) in StatusFonts)
        {
            differentialFormats.Append(new DifferentialFormat(
                new Font(new Bold(), new Color { Rgb = font }),
                new Fill(new PatternFill(new BackgroundColor { Rgb = StatusFills[status] }) { PatternType = PatternValues.Solid })));
        }

        differentialFormats.Count = (uint)differentialFormats.ChildElements.Count;

        fonts.Count = (uint)fonts.ChildElements.Count;
        fills.Count = (uint)fills.ChildElements.Count;
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;

        return new Stylesheet(
            fonts,
            fills,
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            differentialFormats);
    }

    /// <summary>
    /// Excel's own rules colouring a status cell by its text (CUMPLE green, NO CUMPLE red, PENDIENTE amber, INVALIDO
    /// grey), so a status a coordinator types or sorts is coloured too; the word stays, colour is never alone.
    /// </summary>
    public static ConditionalFormatting StatusConditionalFormatting(IEnumerable<string> ranges)
    {
        var formatting = new ConditionalFormatting { SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Join(' ', ranges) } };
        for (var i = 0; i < StatusFonts.Length; i++)
        {
            formatting.Append(new ConditionalFormattingRule(new Formula("\"" + StatusFonts[i].Status.Label() + "\""))
            {
                Type = ConditionalFormatValues.CellIs,
                Operator = ConditionalFormattingOperatorValues.Equal,
                FormatId = (uint)i,
                Priority = i + 1,
            });
        }

        return formatting;
    }

    private static Fill SolidFill(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
}
