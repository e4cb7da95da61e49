namespace Pmg.Pipeline.Json;

/// <summary><c>pmg report --json</c> (public contract; src/Pmg.Cli/README.md).</summary>
/// <param name="Regions">Each file's region and programme results.</param>
/// <param name="National">The national result per programme.</param>
/// <param name="Observations">Every file's diagnostics and the report's own findings.</param>
public sealed record ReportJson(IReadOnlyList<RegionEntryJson> Regions, IReadOnlyList<NationalJson> National, IReadOnlyList<ObservationJson> Observations);

/// <summary>A file's region, whether it counts nationally, when it was written, and its programme results.</summary>
/// <param name="Region">ISO code, or null when unresolved.</param>
/// <param name="File">The file name.</param>
/// <param name="CountsNationally">False when another form of the same region and year counts instead (the most recent, or the one preferred).</param>
/// <param name="ModifiedAt">The file's last-write time, when known.</param>
/// <param name="Programs">Programme results.</param>
public sealed record RegionEntryJson(string? Region, string File, bool CountsNationally, DateTimeOffset? ModifiedAt, IReadOnlyList<RegionProgramJson> Programs);

/// <summary>A programme's performance and status in a region.</summary>
/// <param name="Section">"III.1".</param>
/// <param name="Performance">Two decimals, or null.</param>
/// <param name="Status">Status label.</param>
public sealed record RegionProgramJson(string Section, decimal? Performance, string Status);

/// <summary>A programme's national result.</summary>
/// <param name="Section">"III.1".</param>
/// <param name="Status">Status label.</param>
/// <param name="Regions">Regions counted.</param>
/// <param name="Complying">Regions that comply.</param>
public sealed record NationalJson(string Section, string Status, int Regions, int Complying);

/// <summary>A report observation (duplicates, unknown regions, every file's diagnostics).</summary>
/// <param name="File">The file.</param>
/// <param name="Region">ISO code, or null.</param>
/// <param name="Severity">"error", "warning" or "info".</param>
/// <param name="Code">Stable code.</param>
/// <param name="Message">Spanish message.</param>
/// <param name="Location">Spanish location, or null.</param>
public sealed record ObservationJson(string File, string? Region, string Severity, string Code, string Message, string? Location);
