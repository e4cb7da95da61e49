using Pmg.Domain.Regions;

namespace Pmg.Cli.Output;

/// <summary>Region names as a table cell shows them: the official name, or its usual short form when that is long.</summary>
internal static class RegionNames
{
    private static readonly Dictionary<string, string> Short = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CL-LI"] = "O'Higgins",
        ["CL-AI"] = "Aysén",
        ["CL-MA"] = "Magallanes",
        ["CL-RM"] = "Metropolitana",
    };

    /// <summary>"Tarapacá (CL-TA)", "O'Higgins (CL-LI)": at most 26 characters, so a name column never needs to wrap.</summary>
    public static string Label(string code, string name) => $"{(Short.TryGetValue(code, out var shortName) ? shortName : name)} ({code})";

    /// <summary><see cref="Label(string, string)"/> of a region.</summary>
    public static string Label(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return Label(region.Code, region.Name);
    }
}
