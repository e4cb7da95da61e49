namespace Pmg.Domain.Rules;

/// <summary>The status of a programme in a region, or nationally.</summary>
public enum ProgramStatus
{
    /// <summary>Some activity is not yet marked (or an expected region has not reported before the closing date).</summary>
    Pendiente,

    /// <summary>Performance ≥ 90.00.</summary>
    Cumple,

    /// <summary>Performance below 90.00.</summary>
    NoCumple,

    /// <summary>The weights do not add up (rule 1).</summary>
    Invalido,
}

/// <summary>Spanish labels of <see cref="ProgramStatus"/>.</summary>
public static class ProgramStatusExtensions
{
    /// <summary>"CUMPLE", "NO CUMPLE", "PENDIENTE", "INVALIDO".</summary>
    public static string Label(this ProgramStatus status) => status switch
    {
        ProgramStatus.Cumple => "CUMPLE",
        ProgramStatus.NoCumple => "NO CUMPLE",
        ProgramStatus.Pendiente => "PENDIENTE",
        ProgramStatus.Invalido => "INVALIDO",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Parses a label written by <see cref="Label"/>.</summary>
    public static ProgramStatus ParseLabel(string label) => label switch
    {
        "CUMPLE" => ProgramStatus.Cumple,
        "NO CUMPLE" => ProgramStatus.NoCumple,
        "PENDIENTE" => ProgramStatus.Pendiente,
        "INVALIDO" => ProgramStatus.Invalido,
        _ => throw new FormatException("Unknown status label: " + label),
    };
}
