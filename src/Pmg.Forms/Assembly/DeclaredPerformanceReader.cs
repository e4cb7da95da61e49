using System.Text.RegularExpressions;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Domain.Text;
using Pmg.Forms.Layout;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Assembly;

/// <summary>The "Desempeño Anual Región (%)" a programme declares: as written, in points, and where its value is.</summary>
internal sealed record DeclaredPerformance(string Raw, decimal? Points, SourceLocation Location);

/// <summary>
/// Finds the "Desempeño Anual Región … (%) (n)" line that follows a programme's objectives table (a paragraph, a table
/// row or a sheet row; normalised text, note numbers ignored) and reads its value: written after the label in the same
/// paragraph or cell ("… (%) = 95%"), or in the cell next to it. Values read as weights do: "95%", "95,5 %", "95", or an
/// Excel number with a percent format (0.955 is 95.5 points).
/// </summary>
internal static partial class DeclaredPerformanceReader
{
    private const string Label = FormVocabulary.RegionalPerformanceKey;

    /// <summary>The declared performance after the header at <paramref name="headerIndex"/>; null when the section has no such line.</summary>
    public static DeclaredPerformance? Read(SectionContent content, int headerIndex, List<Diagnostic> diagnostics)
    {
        for (var i = headerIndex + 1; i < content.Items.Count; i++)
        {
            var item = content.Items[i];
            var found = item.Row is { } row ? FromRow(content.Section, row, diagnostics) : FromParagraph(content.Section, item.Paragraph);
            if (found is null)
            {
                continue;
            }

            if (found.Points is null && found.Raw.Length > 0)
            {
                diagnostics.Add(ReadMessages.DeclaredPerformanceUnreadable(found.Raw, found.Location));
            }

            return found;
        }

        return null;
    }

    private static DeclaredPerformance? FromParagraph(Section section, string? paragraph)
    {
        if (string.IsNullOrWhiteSpace(paragraph) || !IsLabel(paragraph))
        {
            return null;
        }

        return FromText(Inline(paragraph), new SourceLocation(section, null, Columns.DeclaredPerformance));
    }

    private static DeclaredPerformance? FromRow(Section section, LayoutRow row, List<Diagnostic> diagnostics)
    {
        if (row.FirstFilled is not { } label || !label.CouldStartWith("d") || !label.NormalizedText.StartsWith(Label, StringComparison.Ordinal))
        {
            return null;
        }

        var inline = Inline(label.Text);
        if (inline.Length > 0)
        {
            return FromText(inline, new SourceLocation(section, null, Columns.DeclaredPerformance, label.Reference));
        }

        // The next cell with text, else the blank cell right of the label (so the location still names it).
        var value = row.FilledAfter(label) ?? row.CellAt(label.Column + label.Span);
        var location = new SourceLocation(section, null, Columns.DeclaredPerformance, value?.Reference);
        if (value?.UncalculatedFormula is { } formula)
        {
            diagnostics.Add(ReadMessages.FormulaNotCalculated(formula, location));
        }

        if (value?.Number is { } number)
        {
            var raw = value.PercentFormatted ? ReadMessages.Number(number * 100m) + "%" : ReadMessages.Number(number);
            return new DeclaredPerformance(raw, WeightParser.FromNumber(number, value.PercentFormatted).Points, location);
        }

        return FromText(value?.Text ?? "", location);
    }

    private static DeclaredPerformance FromText(string raw, SourceLocation location) =>
        new(raw, WeightParser.Parse(raw).Points, location);

    private static bool IsLabel(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.Length > 0 && (start[0] is 'D' or 'd') && TextNormalizer.Normalize(text).StartsWith(Label, StringComparison.Ordinal);
    }

    // What follows the label in the same paragraph or cell: after its "(%)" and note numbers, or after "=" or ":".
    private static string Inline(string label)
    {
        var match = TextPatterns.Match(AfterPercentPattern(), label);
        if (!match.Success)
        {
            match = TextPatterns.Match(AfterSignPattern(), label);
        }

        return match.Success ? match.Groups["value"].Value.Trim() : "";
    }

    [GeneratedRegex(@"\(\s*%\s*\)\s*(?:\(\s*\d+\s*\)\s*)*[=:]?\s*(?<value>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TextPatterns.TimeoutMilliseconds)]
    private static partial Regex AfterPercentPattern();

    [GeneratedRegex(@"[=:]\s*(?<value>[^=:]*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TextPatterns.TimeoutMilliseconds)]
    private static partial Regex AfterSignPattern();
}
