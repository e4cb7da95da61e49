using Pmg.Domain.Model;

namespace Pmg.Domain.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Informational notice (e.g. a weight read as "01%").</summary>
    Info,

    /// <summary>Something to fix that does not invalidate the programme.</summary>
    Warning,

    /// <summary>The file is refused or a programme is INVALIDO.</summary>
    Error,
}

/// <summary>A finding about a submitted form: a stable code, a Spanish message, and where it points.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location = null)
{
    /// <summary>An error.</summary>
    public static Diagnostic Error(string code, string message, SourceLocation? location = null) => new(Severity.Error, code, message, location);

    /// <summary>A warning.</summary>
    public static Diagnostic Warning(string code, string message, SourceLocation? location = null) => new(Severity.Warning, code, message, location);

    /// <summary>A notice.</summary>
    public static Diagnostic Info(string code, string message, SourceLocation? location = null) => new(Severity.Info, code, message, location);

    /// <summary>"error|warning|info" as the JSON contract spells it.</summary>
    public string SeverityName => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
