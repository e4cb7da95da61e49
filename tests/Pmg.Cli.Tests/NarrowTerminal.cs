namespace Pmg.Cli.Tests;

/// <summary>What a standard 80-column terminal must show: no line wider, and names and addresses never cut.</summary>
internal static class NarrowTerminal
{
    public const int Width = 80;

    /// <summary>
    /// Every line of <paramref name="screen"/> fits in 80 columns, and each of <paramref name="whole"/> (a region name,
    /// an e-mail address) stands whole on some line.
    /// </summary>
    public static void AssertReadable(string screen, params string[] whole)
    {
        var lines = screen.ReplaceLineEndings("\n").Split('\n');
        var wide = lines.Where(l => l.Length > Width).ToList();
        Assert.True(wide.Count == 0, "lines wider than 80 columns:\n" + string.Join("\n", wide));
        foreach (var text in whole)
        {
            Assert.True(lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"«{text}» is not whole on any line:\n{screen}");
        }
    }
}
