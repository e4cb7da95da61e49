using System.Text.RegularExpressions;

namespace Pmg.Forms.Assembly;

/// <summary>
/// How the assembler runs its patterns over document text, which is hostile: every pattern is compiled with
/// <see cref="RegexOptions.NonBacktracking"/> (linear in the text, whatever it holds — a heading of a million spaces
/// included) and carries <see cref="TimeoutMilliseconds"/> as a second line; a timeout reads as no match.
/// </summary>
internal static class TextPatterns
{
    /// <summary>The match timeout of every pattern applied to document text.</summary>
    public const int TimeoutMilliseconds = 2000;

    /// <summary>The pattern's match, or <see cref="Match.Empty"/> when it timed out.</summary>
    public static Match Match(Regex pattern, string text)
    {
        try
        {
            return pattern.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return System.Text.RegularExpressions.Match.Empty;
        }
    }
}
