using System.Globalization;
using Pmg.Domain.Text;

namespace Pmg.Portal.Pages;

/// <summary>How pages write numbers, statuses and outcomes in Spanish (as <c>pmg</c> does: "96,00 %").</summary>
public static class Spanish
{
    /// <summary>"96,00 %", or "—" without a performance.</summary>
    public static string Performance(decimal? performance) => performance is { } p ? SpanishNumbers.Fixed(p) + " %" : "—";

    /// <summary>A weight or count with a decimal comma: "7,35".</summary>
    public static string Number(decimal value) => SpanishNumbers.Format(value);

    /// <summary>An integer.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("es-CL"));

    /// <summary>"Error", "Advertencia", "Aviso".</summary>
    public static string Severity(string severity) => severity switch
    {
        "error" => "Error",
        "warning" => "Advertencia",
        _ => "Aviso",
    };

    /// <summary>"Aceptado", "Rechazado", "Fallido".</summary>
    public static string Outcome(string outcome) => outcome switch
    {
        "accepted" => "Aceptado",
        "failed" => "Fallido",
        _ => "Rechazado",
    };

    /// <summary>The CSS modifier of a status label ("cumple", "no-cumple", "pendiente", "invalido", "sin-datos").</summary>
    public static string StatusClass(string? status) => status switch
    {
        "CUMPLE" => "cumple",
        "NO CUMPLE" => "no-cumple",
        "PENDIENTE" => "pendiente",
        "INVALIDO" => "invalido",
        _ => "sin-datos",
    };

    /// <summary>"1 observación" / "3 observaciones" and the like.</summary>
    public static string Plural(int count, string one, string many) => count == 1 ? "1 " + one : Count(count) + " " + many;
}
