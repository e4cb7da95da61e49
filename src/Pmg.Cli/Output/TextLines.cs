using System.Text;
using Pmg.Domain.Regions;
using Spectre.Console;

namespace Pmg.Cli.Output;

/// <summary>
/// Sentences for people, wrapped at word boundaries to the console's width by us rather than by the terminal, so
/// that a region name of several words ("Libertador General Bernardo O'Higgins") or an e-mail address is never cut
/// across two lines.
/// </summary>
internal static class TextLines
{
    // Longest first, so that "Arica y Parinacota" wins over a shorter name inside it.
    private static readonly string[] Unbreakable = RegionCatalog.All
        .Select(r => r.Name)
        .Where(n => n.Contains(' ', StringComparison.Ordinal))
        .OrderByDescending(n => n.Length)
        .ToArray();

    /// <summary>Writes <paramref name="text"/> wrapped to the console's width, each line after the first indented too.</summary>
    public static void Write(IAnsiConsole console, string text, int indent = 0, Style? style = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        foreach (var line in Wrap(text, Math.Max(20, console.Profile.Width), indent))
        {
            console.Write(new Text(line + Environment.NewLine, style ?? Style.Plain));
        }
    }

    /// <summary>Writes <paramref name="label"/> and then the items, each kept whole, separated by ", ".</summary>
    public static void WriteList(IAnsiConsole console, string label, IEnumerable<string> items, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(console);
        var width = Math.Max(20, console.Profile.Width);
        var pad = new string(' ', indent);
        var line = new StringBuilder(pad + label);
        var first = true;
        foreach (var item in items)
        {
            var piece = (first ? " " : ", ") + item;
            if (!first && line.Length + piece.Length + 1 > width)
            {
                console.WriteLine(line.Append(',').ToString());
                line.Clear().Append(pad).Append("  ").Append(item);
            }
            else
            {
                line.Append(piece);
            }

            first = false;
        }

        console.WriteLine(line.Append('.').ToString());
    }

    /// <summary>
    /// The lines of <paramref name="text"/> at most <paramref name="width"/> wide (a single word longer than that
    /// stands alone on its line), region names kept whole.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pad = new string(' ', indent);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder(pad);
            foreach (var word in Words(paragraph))
            {
                if (line.Length > indent && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(pad);
                }

                if (line.Length > indent)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    // Words separated by spaces, except that a region name of several words is one word.
    private static IEnumerable<string> Words(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == ' ')
            {
                position++;
                continue;
            }

            var name = Unbreakable.FirstOrDefault(n => string.CompareOrdinal(text, position, n, 0, n.Length) == 0);
            var end = name is null ? text.IndexOf(' ', position) : position + name.Length;
            if (end < 0)
            {
                end = text.Length;
            }
            else if (name is not null)
            {
                // Punctuation after the name ("O'Higgins,") stays with it.
                var next = text.IndexOf(' ', end);
                end = next < 0 ? text.Length : next;
            }

            yield return text[position..end];
            position = end;
        }
    }
}
