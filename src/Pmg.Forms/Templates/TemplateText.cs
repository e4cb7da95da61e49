using System.Globalization;
using Pmg.Domain.Model;

namespace Pmg.Forms.Templates;

/// <summary>The Spanish the template adds to the official form's words: the input help of its cells.</summary>
internal static class TemplateText
{
    // Excel limits an input message's title to 32 characters and its text to 255.
    public const string MarkPromptTitle = "Cumple/no cumple";
    public const string MarkPrompt = "Elija «Cumple» o «No cumple». Déjelo en blanco mientras la actividad no se evalúe.";
    public const string MarkError = "Elija «Cumple» o «No cumple» de la lista, o deje la celda en blanco si la actividad aún no se evalúa.";

    public const string WeightPromptTitle = "Ponderación (%)";
    public const string WeightPrompt = "Porcentaje del programa, por ejemplo 5 %. Las ponderaciones del programa deben sumar 100 %.";
    public const string WeightError = "La ponderación es un porcentaje entre 0 % y 100 %: escriba por ejemplo 5 % o 0,5 %.";

    /// <summary>The region as the form writes it: its name ("Tarapacá").</summary>
    public static string RegionName(Submission content) => content.Region?.Name ?? content.RegionLabel ?? "";

    /// <summary>The file's title property: "PMG Gestión Territorial 2010 · SERNAM · Tarapacá".</summary>
    public static string DocumentTitle(Submission content) =>
        string.Create(CultureInfo.InvariantCulture, $"PMG Gestión Territorial {content.Year} · {content.Service} · {RegionName(content)}");
}
