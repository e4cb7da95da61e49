using System.Globalization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;

namespace Pmg.Forms.Safety;

/// <summary>The Spanish refusal messages a regional user reads, each naming the file and saying what to do.</summary>
internal static class Refusals
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CL");

    private const string SaveAgain = "Ábralo en Word o Excel, guárdelo de nuevo como .docx o .xlsx y vuelva a enviarlo.";

    public static Diagnostic Empty(string file) =>
        Refuse(RefusalCodes.FileEmpty, $"El archivo «{file}» está vacío (0 bytes). Vuelva a adjuntar el formulario.");

    public static Diagnostic TooLarge(string file, long bytes, long max) =>
        Refuse(RefusalCodes.FileTooLarge, $"El archivo «{file}» pesa {Megabytes(bytes)}; el máximo es {Megabytes(max)}. Elimine imágenes u objetos incrustados y vuelva a enviarlo.");

    /// <summary>An upload whose length is unknown and was counted only up to <paramref name="counted"/> bytes.</summary>
    public static Diagnostic TooLargeAtLeast(string file, long counted, long max) =>
        Refuse(RefusalCodes.FileTooLarge, $"El archivo «{file}» pesa más de {Megabytes(counted)}; el máximo es {Megabytes(max)}. Elimine imágenes u objetos incrustados y vuelva a enviarlo.");

    public static Diagnostic Truncated(string file, string detail) =>
        Refuse(RefusalCodes.FileTruncated, $"El archivo «{file}» está incompleto (truncado): {detail}. Probablemente la copia o la subida se interrumpió; vuelva a enviarlo completo.");

    public static Diagnostic Corrupt(string file, string detail) =>
        Refuse(RefusalCodes.FileCorrupt, $"El archivo «{file}» está dañado: {detail}. {SaveAgain}");

    public static Diagnostic NotOoxml(string file, string looksLike) =>
        Refuse(RefusalCodes.NotOoxml, $"El archivo «{file}» no es un documento Word (.docx) ni Excel (.xlsx): parece {looksLike}. Envíe el formulario en formato .docx o .xlsx.");

    public static Diagnostic LegacyOrEncrypted(string file, string what) =>
        Refuse(RefusalCodes.LegacyOrEncrypted, $"El archivo «{file}» {what}. Ábralo y guárdelo como .docx o .xlsx sin contraseña, y vuelva a enviarlo.");

    public static Diagnostic Macros(string file) =>
        Refuse(RefusalCodes.MacroEnabled, $"El archivo «{file}» contiene macros (VBA), que no se aceptan por seguridad. Guárdelo como documento .docx o libro .xlsx sin macros y vuelva a enviarlo.");

    public static Diagnostic Dtd(string file, string part) =>
        Refuse(RefusalCodes.DtdForbidden, $"El archivo «{file}» contiene una declaración DTD o de entidades (<!DOCTYPE>/<!ENTITY>) en la parte «{part}», que no se acepta por seguridad. {SaveAgain}");

    public static Diagnostic Bomb(string file, string detail) =>
        Refuse(RefusalCodes.ZipBomb, $"El archivo «{file}» fue rechazado por seguridad: {detail}. Un formulario real no se comporta así; guárdelo de nuevo desde Word o Excel y vuelva a enviarlo.");

    public static Diagnostic SheetRows(string file, string part, int max) =>
        Refuse(RefusalCodes.SheetTooLarge, $"La hoja «{part}» del archivo «{file}» tiene más de {Count(max)} filas, el máximo permitido. Elimine las filas sobrantes y vuelva a enviarlo.");

    public static Diagnostic SheetCells(string file, string part, long max) =>
        Refuse(RefusalCodes.SheetTooLarge, $"La hoja «{part}» del archivo «{file}» tiene más de {Count(max)} celdas, el máximo permitido. Elimine las filas y columnas sobrantes y vuelva a enviarlo.");

    public static Diagnostic NotAForm(string file, string what) =>
        Refuse(RefusalCodes.NotAFormFormat, $"El archivo «{file}» {what}, no un documento Word (.docx) ni un libro Excel (.xlsx). Envíe el formulario en uno de esos formatos.");

    public static Diagnostic BinaryWorkbook(string file) =>
        Refuse(RefusalCodes.NotAFormFormat, $"El archivo «{file}» es un libro binario de Excel (.xlsb), aunque su nombre diga otra cosa; ese formato no se acepta. En Excel use Archivo › Guardar como y elija «Libro de Excel (*.xlsx)», y vuelva a enviarlo.");

    public static Diagnostic OpenDocument(string file, string what, string saveAs) =>
        Refuse(RefusalCodes.NotOoxml, $"El archivo «{file}» es {what} en formato OpenDocument (LibreOffice u OpenOffice), no un documento Word (.docx) ni un libro Excel (.xlsx). Ábralo en LibreOffice, use Archivo › Guardar como, elija el tipo «{saveAs}» y vuelva a enviarlo.");

    public static Diagnostic TooMuchText(string file, long max) =>
        Refuse(RefusalCodes.ContentTooLarge, $"El archivo «{file}» contiene más de {Count(max)} caracteres de texto, muchísimo más que cualquier formulario; se rechazó sin terminar de leerlo. Verifique que envió el formulario correcto.");

    public static Diagnostic TooMuchSharedText(string file, long max) =>
        Refuse(RefusalCodes.ContentTooLarge, $"Las celdas del archivo «{file}» repiten textos que suman más de {Count(max)} caracteres, muchísimo más que cualquier formulario; se rechazó sin terminar de leerlo. Verifique que envió el formulario correcto.");

    public static Diagnostic TooManyCells(string file, long max) =>
        Refuse(RefusalCodes.ContentTooLarge, $"El archivo «{file}» tiene más de {Count(max)} celdas y párrafos, muchísimo más que cualquier formulario; se rechazó sin terminar de leerlo. Elimine las filas y columnas sobrantes y vuelva a enviarlo.");

    public static Diagnostic MergedTooLarge(string file, string range, long max) =>
        Refuse(RefusalCodes.ContentTooLarge, $"Las celdas combinadas del archivo «{file}» (por ejemplo «{range}») abarcan más de {Count(max)} celdas con contenido; se rechazó sin terminar de leerlo. Separe esas celdas combinadas y vuelva a enviarlo.");

    public static Diagnostic Unreadable(string file) =>
        Refuse(RefusalCodes.FormUnreadable, $"El archivo «{file}» no se pudo leer por un error inesperado del lector; el equipo técnico quedó avisado. {SaveAgain}");

    /// <summary>"1.234.567" as Chilean readers write it.</summary>
    public static string Count(long value) => value.ToString("N0", Spanish);

    /// <summary>"20 MB", "20,5 MB".</summary>
    public static string Megabytes(long bytes) =>
        (bytes / (1024m * 1024m)).ToString("0.#", Spanish) + " MB";

    private static Diagnostic Refuse(string code, string message) => Diagnostic.Error(code, message, SourceLocation.Document);
}

/// <summary>Unwinds the inspection from deep inside a stream or XML read once a refusal is certain.</summary>
internal sealed class PackageRefusedException(Diagnostic refusal) : Exception(refusal.Message)
{
    public Diagnostic Refusal { get; } = refusal;
}
