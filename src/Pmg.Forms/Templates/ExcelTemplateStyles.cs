using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pmg.Forms.Templates;

/// <summary>
/// The template workbook's cell styles (indexes into cellXfs). Everything the office does not fill is locked
/// (the default); only the input styles unlock their cells, so that sheet protection guards titles and formulas.
/// </summary>
internal static class ExcelTemplateStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint Label = 2;
    public const uint FixedValue = 3;
    public const uint Header = 4;
    public const uint Control = 5;
    public const uint InputText = 6;
    public const uint InputPercent = 7;
    public const uint InputMark = 8;
    public const uint Computed = 9;
    public const uint Note = 10;
    public const uint Category = 11;

    /// <summary>The differential format that paints a programme total other than 100 %.</summary>
    public const uint TotalOutOfLineFormat = 0;

    /// <summary>Built-in number format 10: "0.00%".</summary>
    private const uint PercentFormatId = 10;

    public static Stylesheet Create()
    {
        // Fonts: 0 regular, 1 bold, 2 bold title, 3 italic notes.
        var fonts = new Fonts(
            Font(bold: false, italic: false, size: 11),
            Font(bold: true, italic: false, size: 11),
            Font(bold: true, italic: false, size: 12),
            Font(bold: false, italic: true, size: 9));

        // Fills: 0 and 1 are reserved (none, gray125); 2 titles of the tables; 3 what the office cannot change.
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFDDEBF7"),
            Solid("FFF2F2F2"));

        // Borders: 0 none, 1 thin all round.
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()));

        var formats = new CellFormats(
            Format(font: 0, fill: 0, border: 0),
            Format(font: 2, fill: 0, border: 0),
            Format(font: 1, fill: 0, border: 0, alignment: Top(wrap: true)),
            Format(font: 1, fill: 3, border: 1, alignment: Top(wrap: true)),
            Format(font: 1, fill: 2, border: 1, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }),
            Format(font: 1, fill: 2, border: 1, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }),
            Format(font: 0, fill: 0, border: 1, alignment: Top(wrap: true), unlocked: true),
            Format(font: 0, fill: 0, border: 1, alignment: Top(wrap: false), unlocked: true, numberFormat: PercentFormatId),
            Format(font: 0, fill: 0, border: 1, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Top }, unlocked: true),
            Format(font: 1, fill: 3, border: 1, alignment: Top(wrap: false), numberFormat: PercentFormatId),
            Format(font: 3, fill: 0, border: 0),
            Format(font: 1, fill: 3, border: 1, alignment: Top(wrap: true)));

        var differential = new DifferentialFormats(
            new DifferentialFormat(
                new Font(new Bold(), new Color { Rgb = "FF9C0006" }),
                new Fill(new PatternFill(new BackgroundColor { Rgb = "FFFFC7CE" }) { PatternType = PatternValues.Solid })));

        return new Stylesheet(
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }),
            differential);
    }

    private static Font Font(bool bold, bool italic, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static Alignment Top(bool wrap) => new() { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null };

    private static CellFormat Format(uint font, uint fill, uint border, Alignment? alignment = null, bool unlocked = false, uint numberFormat = 0)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
            ApplyBorder = border != 0 ? true : null,
        };

        if (alignment is not null)
        {
            format.Append(alignment);
            format.ApplyAlignment = true;
        }

        if (unlocked)
        {
            format.Append(new Protection { Locked = false });
            format.ApplyProtection = true;
        }

        return format;
    }
}
