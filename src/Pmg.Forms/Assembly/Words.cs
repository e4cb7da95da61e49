namespace Pmg.Forms.Assembly;

/// <summary>Joins text continued from one row to the next (a row split at a page break).</summary>
internal static class Words
{
    /// <summary>"first second"; either may be empty.</summary>
    public static string Join(string first, string second) =>
        second.Length == 0 ? first : first.Length == 0 ? second : first + " " + second;
}
