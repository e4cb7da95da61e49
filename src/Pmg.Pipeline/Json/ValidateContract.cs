namespace Pmg.Pipeline.Json;

/// <summary>One file in <c>pmg validate --json</c> (public contract; src/Pmg.Cli/README.md).</summary>
/// <param name="File">The file name.</param>
/// <param name="Accepted">Whether it was read as a form.</param>
/// <param name="Format">"docx", "xlsx" or null.</param>
/// <param name="Service">The service the form states, or null.</param>
/// <param name="Year">The year, or null.</param>
/// <param name="Region">The region, or null.</param>
/// <param name="Programs">Each programme's counts, weights, performance and status.</param>
/// <param name="ProgressRows">III.4 rows read, or null.</param>
/// <param name="Diagnostics">Every diagnostic.</param>
public sealed record ValidateFileJson(
    string File,
    bool Accepted,
    string? Format,
    string? Service,
    int? Year,
    RegionJson? Region,
    IReadOnlyList<ProgramJson> Programs,
    int? ProgressRows,
    IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>A region's ISO code and Spanish name.</summary>
/// <param name="Code">"CL-TA".</param>
/// <param name="Name">"Tarapacá".</param>
public sealed record RegionJson(string Code, string Name);

/// <summary>A programme's counts, weights, performance and status.</summary>
/// <param name="Section">"III.1".</param>
/// <param name="Objectives">Objectives.</param>
/// <param name="Activities">Activities.</param>
/// <param name="WeightTotal">Sum of weights in points, always two decimals (7.35, 2.50, 100.00).</param>
/// <param name="EarnedWeight">Earned weight in points, always two decimals.</param>
/// <param name="Performance">Two decimals, or null.</param>
/// <param name="Status">"CUMPLE", "NO CUMPLE", "PENDIENTE" or "INVALIDO".</param>
public sealed record ProgramJson(string Section, int Objectives, int Activities, decimal WeightTotal, decimal EarnedWeight, decimal? Performance, string Status);

/// <summary>A diagnostic: severity "error|warning|info", code, Spanish message, Spanish location.</summary>
/// <param name="Severity">"error", "warning" or "info".</param>
/// <param name="Code">Stable code.</param>
/// <param name="Message">Spanish message.</param>
/// <param name="Location">"III.1, fila 4, Ponderación (%)", or null for the file as a whole.</param>
public sealed record DiagnosticJson(string Severity, string Code, string Message, string? Location);
