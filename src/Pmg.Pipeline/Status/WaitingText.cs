using System.Globalization;

namespace Pmg.Pipeline.Status;

/// <summary>How long an upload has waited, in the Spanish both the CLI and the portal show ("hace 3 min").</summary>
public static class WaitingText
{
    /// <summary>"hace 40 s", "hace 3 min", "hace 2 h", "hace 5 días" (rounded down).</summary>
    public static string Ago(long seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"hace {Math.Max(0, seconds)} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"hace {seconds / 60} min"),
        < 86400 => string.Create(CultureInfo.InvariantCulture, $"hace {seconds / 3600} h"),
        < 2 * 86400 => "hace 1 día",
        _ => string.Create(CultureInfo.InvariantCulture, $"hace {seconds / 86400} días"),
    };
}
