using System.Text;

namespace Pmg.Domain.Model;

/// <summary>
/// Where a value came from in the submitted file, so a message can point at the cell:
/// section, 1-based table row (header excluded), column title, and for workbooks the cell reference.
/// </summary>
public sealed record SourceLocation(Section? Section, int? Row = null, string? Column = null, string? Cell = null)
{
    /// <summary>A location for the document as a whole.</summary>
    public static SourceLocation Document { get; } = new((Section?)null);

    /// <summary>The same row, another column.</summary>
    public SourceLocation WithColumn(string column, string? cell = null) => this with { Column = column, Cell = cell };

    /// <summary>Spanish, as a regional user reads it: "III.1, fila 4, Ponderación (%)" (plus "celda G9" for workbooks).</summary>
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Section is { } section)
        {
            parts.Add(section.Code());
        }

        if (Row is { } row)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fila {row}"));
        }

        if (!string.IsNullOrEmpty(Column))
        {
            parts.Add(Column);
        }

        if (!string.IsNullOrEmpty(Cell))
        {
            parts.Add("celda " + Cell);
        }

        return parts.Count == 0 ? "documento" : string.Join(", ", parts);
    }
}

/// <summary>A value read from the form together with where it was read.</summary>
public sealed record Sourced<T>(T Value, SourceLocation Location);
