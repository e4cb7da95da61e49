using System.Globalization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Regions;

namespace Pmg.Pipeline.Ingestion;

/// <summary>A parsed blob name <c>{service}/{year}/{region}/{file}</c>.</summary>
/// <param name="Service">The service, spelled as configured.</param>
/// <param name="Year">The year.</param>
/// <param name="Region">The region (ISO code or any spelling the catalogue resolves).</param>
/// <param name="FileName">The file name.</param>
public sealed record BlobPath(string Service, int Year, Region Region, string FileName)
{
    /// <summary>
    /// Parses a blob name. On failure returns null with a refusal diagnostic; <paramref name="service"/> and
    /// <paramref name="year"/> are still set when those segments were readable, so the refusal is filed under them.
    /// </summary>
    public static BlobPath? TryParse(string blobName, PmgOptions options, out Diagnostic? refusal, out string? service, out int? year)
    {
        ArgumentNullException.ThrowIfNull(options);
        refusal = null;
        service = null;
        year = null;
        var parts = (blobName ?? "").Split('/');
        if (parts.Length != 4 || parts.Any(string.IsNullOrWhiteSpace))
        {
            refusal = Diagnostic.Error(
                IngestionCodes.PathInvalid,
                $"La ruta «{blobName}» no sigue el formato servicio/año/región/archivo (por ejemplo SERNAM/2009/CL-TA/formulario.docx).");
            return null;
        }

        if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear) && parts[1].Length == 4)
        {
            year = parsedYear;
        }

        var known = options.FindService(parts[0]);
        service = known ?? (IsKeySafe(parts[0]) ? parts[0] : null);
        if (year is null)
        {
            refusal = Diagnostic.Error(IngestionCodes.PathInvalid, $"El año «{parts[1]}» de la ruta no es un año de cuatro dígitos.");
            return null;
        }

        if (known is null)
        {
            refusal = Diagnostic.Error(
                IngestionCodes.ServiceUnknown,
                $"El servicio «{parts[0]}» de la ruta no está entre los servicios configurados ({string.Join(", ", options.KnownServices)}).");
            return null;
        }

        if (!TryRegion(parts[2], out var region))
        {
            refusal = Diagnostic.Error(IngestionCodes.RegionUnknown, $"La región «{parts[2]}» de la ruta no corresponde a ninguna región de Chile.");
            return null;
        }

        if (!region.ExistedIn(year.Value))
        {
            refusal = Diagnostic.Error(
                IngestionCodes.RegionNotInYear,
                string.Create(CultureInfo.InvariantCulture, $"La región {region.Name} ({region.Code}) no existía en {year}."));
            return null;
        }

        return new BlobPath(known, year.Value, region, parts[3]);
    }

    private static bool TryRegion(string text, out Region region)
    {
        if (RegionCatalog.FindByCode(text.ToUpperInvariant()) is { } byCode)
        {
            region = byCode;
            return true;
        }

        return RegionCatalog.TryResolve(text, out region);
    }

    // Table keys forbid / \ # ? and control characters and hold at most 1 KiB; '|' separates key parts.
    private static bool IsKeySafe(string text) =>
        text.Length <= 100 && text.IndexOfAny(['\\', '#', '?', '|']) < 0 && !text.Any(char.IsControl);
}
