namespace Pmg.Domain.Model;

/// <summary>The objectives table's column titles as shown to users in locations (note numbers removed).</summary>
public static class Columns
{
    /// <summary>Objetivo específico.</summary>
    public const string Objective = "Objetivo específico";

    /// <summary>Indicador.</summary>
    public const string Indicator = "Indicador";

    /// <summary>Resultado anual del indicador.</summary>
    public const string AnnualResult = "Resultado anual del indicador";

    /// <summary>Meta anual o actividades comprometidas.</summary>
    public const string Activity = "Meta anual o actividades comprometidas";

    /// <summary>Unidad responsable.</summary>
    public const string Unit = "Unidad responsable";

    /// <summary>Medio de verificación.</summary>
    public const string Means = "Medio de verificación";

    /// <summary>Ponderación (%).</summary>
    public const string Weight = "Ponderación (%)";

    /// <summary>Cumple/no cumple.</summary>
    public const string Compliance = "Cumple/no cumple";

    /// <summary>Ponderación ganada.</summary>
    public const string Earned = "Ponderación ganada";

    /// <summary>The row below the objectives table that declares the regional performance (note 11).</summary>
    public const string DeclaredPerformance = "Desempeño Anual Región (%)";
}
