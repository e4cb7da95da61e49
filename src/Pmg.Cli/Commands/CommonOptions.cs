using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Pmg.Cli.Commands;

/// <summary>Options several commands share, each parsed with a Spanish message of its own (never a .NET type name).</summary>
internal static class CommonOptions
{
    /// <summary>What a year must look like, said the same way by every command.</summary>
    public static string YearProblem(string text) =>
        $"el año «{text}» no es válido: debe ser un número de cuatro dígitos, p. ej. 2009.";

    /// <summary>
    /// <c>--year</c> as a four-digit number. System.CommandLine's own conversion would report "abc" against the type
    /// <c>System.Nullable`1[System.Int32]</c>; this parser says what a year must be instead.
    /// </summary>
    public static Option<int?> Year(string description) => new("--year")
    {
        HelpName = "AÑO",
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value.Trim();
            if (TryParseYear(text) is { } year)
            {
                return year;
            }

            result.AddError(YearProblem(text));
            return null;
        },
    };

    /// <summary>The year given to <paramref name="option"/>, or null when absent or not a year (the parser has said why).</summary>
    public static int? YearOrNull(CommandResult result, Option<int?> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(option) is { Tokens: [.., var last] } ? TryParseYear(last.Value.Trim()) : null;
    }

    /// <summary>Whether <paramref name="option"/> was given on the command line.</summary>
    public static bool IsGiven(CommandResult result, Option option)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetResult(option) is { Implicit: false };
    }

    private static int? TryParseYear(string text) =>
        text.Length == 4 && text.All(char.IsAsciiDigit) && text[0] != '0'
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
}
