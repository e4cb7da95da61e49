namespace Pmg.Domain.Model;

/// <summary>A section of the Etapa 3 form: the three programmes and the progress analysis.</summary>
public enum Section
{
    /// <summary>III.1 Programa de Trabajo de Gestión Territorial (diseño, acceso y distribución).</summary>
    III1 = 1,

    /// <summary>III.2 Programa de Complementariedad Territorial.</summary>
    III2 = 2,

    /// <summary>III.3 Mejoras a los Sistemas de Información y provisión de información al GORE.</summary>
    III3 = 3,

    /// <summary>III.4 Análisis del avance.</summary>
    III4 = 4,
}

/// <summary>Codes and names of <see cref="Section"/> as the form writes them.</summary>
public static class SectionExtensions
{
    /// <summary>The programme sections, in form order.</summary>
    public static IReadOnlyList<Section> Programs { get; } = [Section.III1, Section.III2, Section.III3];

    /// <summary>"III.1", "III.2", …</summary>
    public static string Code(this Section section) => section switch
    {
        Section.III1 => "III.1",
        Section.III2 => "III.2",
        Section.III3 => "III.3",
        Section.III4 => "III.4",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    /// <summary>Parses "III.1", "III. 1", "iii.1" or "III1".</summary>
    public static bool TryParseCode(string? text, out Section section)
    {
        section = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray()).ToUpperInvariant();
        switch (compact)
        {
            case "III1": section = Section.III1; return true;
            case "III2": section = Section.III2; return true;
            case "III3": section = Section.III3; return true;
            case "III4": section = Section.III4; return true;
            default: return false;
        }
    }

    /// <summary>The short Spanish name used in reports.</summary>
    public static string ShortName(this Section section) => section switch
    {
        Section.III1 => "Gestión Territorial",
        Section.III2 => "Complementariedad Territorial",
        Section.III3 => "Sistemas de Información",
        Section.III4 => "Análisis del avance",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
