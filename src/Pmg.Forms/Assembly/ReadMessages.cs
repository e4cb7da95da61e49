using System.Globalization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Text;

namespace Pmg.Forms.Assembly;

/// <summary>The Spanish diagnostics a regional user reads about the content of the form, each pointing at its cell.</summary>
internal static class ReadMessages
{
    public static Diagnostic NoForm(string file) => Diagnostic.Error(
        ReadCodes.NoForm,
        $"El archivo «{file}» no contiene un formulario de la Etapa 3: no se encontró ninguna sección III.1 a III.4 con su tabla (por ejemplo «Actividad III. 1.» seguida de la tabla de objetivos). Verifique que envió el formulario correcto.",
        SourceLocation.Document);

    public static Diagnostic TableMissing(Section section) => Diagnostic.Warning(
        ReadCodes.TableMissing,
        $"La sección {section.Code()} no tiene la tabla de objetivos (encabezados «Objetivos específicos» y «Meta anual o actividades comprometidas»); la sección no se evaluó.",
        new SourceLocation(section));

    public static Diagnostic WeightUnreadable(string raw, SourceLocation location) => Diagnostic.Error(
        ReadCodes.WeightUnreadable,
        $"No se pudo leer la ponderación «{Quote(raw)}» en {location}: escríbala como porcentaje, por ejemplo «5%» o «0,5%».",
        location);

    public static Diagnostic WeightLeadingZero(string raw, decimal points, SourceLocation location) => Diagnostic.Info(
        ReadCodes.WeightLeadingZero,
        $"La ponderación «{Quote(raw)}» en {location} tiene un cero a la izquierda y se leyó como {Number(points)} %.",
        location);

    public static Diagnostic WeightCountMismatch(int weights, int activities, SourceLocation location) => Diagnostic.Warning(
        ReadCodes.WeightCountMismatch,
        $"En {location} hay {weights} {(weights == 1 ? "ponderación" : "ponderaciones")} para {activities} actividades: cada actividad debe tener su ponderación, en el mismo orden que las actividades.",
        location);

    public static Diagnostic ComplianceUnrecognised(string raw, SourceLocation location) => Diagnostic.Error(
        ReadCodes.ComplianceUnrecognised,
        $"El valor «{Quote(raw)}» en {location} no es un cumplimiento reconocido: escriba «Sí», «No», «Cumple» o «No cumple», o déjelo en blanco si aún no se evalúa.",
        location);

    public static Diagnostic EarnedUnreadable(string raw, SourceLocation location) => Diagnostic.Warning(
        ReadCodes.EarnedUnreadable,
        $"No se pudo leer la ponderación ganada «{Quote(raw)}» en {location}; se ignora y se calcula a partir del cumplimiento.",
        location);

    public static Diagnostic DeclaredPerformanceUnreadable(string raw, SourceLocation location) => Diagnostic.Warning(
        ReadCodes.DeclaredPerformanceUnreadable,
        $"No se pudo leer el desempeño anual declarado «{Quote(raw)}» en {location}: escríbalo como porcentaje, por ejemplo «95%» o «95,5%»; se ignora y se usa el calculado.",
        location);

    public static Diagnostic RegionUnknown(string? label, SourceLocation location) => Diagnostic.Error(
        ReadCodes.RegionUnknown,
        string.IsNullOrWhiteSpace(label)
            ? "El formulario no indica la región (fila «REGIÓN») y no se recibió en la ruta del archivo: indique la región en el formulario."
            : $"No se reconoce la región «{Quote(label)}» en {location}: escriba el nombre de la región, por ejemplo «Tarapacá» o «Región de la Araucanía».",
        location);

    public static Diagnostic RegionUnreadable(string label, SourceLocation location)
    {
        var foreign = Confusables.NonSpanishCharacters(label);
        if (foreign.Count == 0)
        {
            return Diagnostic.Error(
                ReadCodes.RegionUnreadable,
                $"No se reconoce la región «{Quote(label)}» en {location}: escriba el nombre de la región, por ejemplo «Tarapacá» o «Región de la Araucanía», y vuelva a enviar el formulario.",
                location);
        }

        var characters = string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? ", …" : "");
        var notSpanish = foreign.Count == 1 ? "que no es una letra del español" : "que no son letras del español";
        var looksLike = RegionCatalog.TryResolve(Confusables.Skeleton(label), out var imitated)
            ? $" Se ve como «{imitated.Name}», pero está escrita con letras de otro alfabeto (por ejemplo, copiadas de otro documento): escriba la región de nuevo con el teclado y vuelva a enviar el formulario."
            : " Escriba el nombre de la región solo con letras del español, por ejemplo «Tarapacá», y vuelva a enviar el formulario.";
        return Diagnostic.Error(
            ReadCodes.RegionUnreadable,
            $"No se reconoce la región «{Quote(label)}» en {location}: contiene {characters}, {notSpanish}.{looksLike}",
            location);
    }

    public static Diagnostic RegionFromPath(Region region) => Diagnostic.Info(
        ReadCodes.RegionFromPath,
        $"El formulario no indica la región (fila «REGIÓN»): se tomó la región a la que se envió, {region.Name} ({region.Code}).",
        SourceLocation.Document);

    public static Diagnostic RegionMismatch(string documentRegion, string expectedRegion, SourceLocation location) => Diagnostic.Error(
        ReadCodes.RegionMismatch,
        $"El formulario indica la región {documentRegion} en {location}, pero el archivo se envió para la región {expectedRegion}. Verifique que envió el formulario de su región.",
        location);

    public static Diagnostic YearMissing() => Diagnostic.Error(
        ReadCodes.YearMissing,
        "El formulario no indica el año (por ejemplo «Programa de Trabajo de Gestión Territorial 2009») y no se recibió en la ruta del archivo.",
        SourceLocation.Document);

    public static Diagnostic YearMismatch(int documentYear, int expectedYear) => Diagnostic.Error(
        ReadCodes.YearMismatch,
        $"El formulario corresponde al año {documentYear.ToString(CultureInfo.InvariantCulture)}, pero el archivo se envió para el año {expectedYear.ToString(CultureInfo.InvariantCulture)}. Verifique que envió el formulario del año correcto.",
        SourceLocation.Document);

    public static Diagnostic ServiceMismatch(string documentService, string expectedService) => Diagnostic.Error(
        ReadCodes.ServiceMismatch,
        $"El formulario indica el servicio «{Quote(documentService)}», pero el archivo se envió para el servicio «{Quote(expectedService)}».",
        SourceLocation.Document);

    public static Diagnostic TrackedChanges() => Diagnostic.Info(
        ReadCodes.TrackedChanges,
        "El documento tiene cambios sin aceptar (control de cambios): se leyó la versión final, con lo insertado y sin lo eliminado. Acepte o rechace los cambios antes de enviarlo.",
        SourceLocation.Document);

    public static Diagnostic FormulaNotCalculated(string formula, SourceLocation location)
    {
        var where = location with { Cell = null };
        var what = formula.Length == 0 ? "una fórmula" : $"la fórmula «={Quote(formula)}»";
        return Diagnostic.Error(
            ReadCodes.FormulaNotCalculated,
            $"La celda {location.Cell} ({where}) tiene {what} sin su valor calculado (el archivo se guardó sin calcular): ábralo en Excel y guárdelo de nuevo para que la fórmula tenga valor.",
            location);
    }

    public static Diagnostic SummaryWeightMismatch(string label, DeclaredValue declared, decimal computed) => Diagnostic.Warning(
        ReadCodes.SummaryTotalMismatch,
        $"La fila «{Quote(label)}» en {declared.Location} declara una ponderación total de {Quote(declared.Raw)}, pero las ponderaciones de sus actividades suman {SpanishNumbers.Format(computed, 4)} %: se usa la suma de las actividades (la fila de total no se cuenta como actividad).",
        declared.Location);

    public static Diagnostic SummaryEarnedMismatch(string label, DeclaredValue declared, decimal computed) => Diagnostic.Warning(
        ReadCodes.SummaryTotalMismatch,
        $"La fila «{Quote(label)}» en {declared.Location} declara una ponderación ganada total de {Quote(declared.Raw)}, pero la calculada según el cumplimiento de sus actividades es {SpanishNumbers.Format(computed, 4)} %: se usa la calculada.",
        declared.Location);

    /// <summary>"1", "0,5", "11,11": points as a Chilean reader writes them.</summary>
    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Quote(string? text) => TextNormalizer.Shorten(text, 80);
}
