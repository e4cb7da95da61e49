using System.Globalization;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Text;
using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Notifications;

/// <summary>Writes the digest of activities at risk for one recipient, in Spanish.</summary>
public static class DigestComposer
{
    /// <summary>
    /// Composes the digest. <paramref name="unitKnown"/> false means a unit's digest goes to the region's director
    /// because the unit is not in the address book; the body says so.
    /// </summary>
    public static EmailContent Compose(AlertDigestMessage digest, bool unitKnown = true)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var region = digest.Region.Name;
        var role = digest.Recipient.Role;
        var subject = Subject(digest, unitKnown);
        var body = new EmailBody(subject);

        var greeting = role switch
        {
            AlertRoles.Coordinator => "Estimada coordinación nacional:",
            AlertRoles.Director => "Estimada Dirección Regional:",
            _ when !unitKnown => "Estimada Dirección Regional:",
            _ => $"Estimada unidad «{digest.Recipient.Unit}»:",
        };
        body.Paragraph(greeting);

        if (role == AlertRoles.Unit && !unitKnown)
        {
            body.Paragraph($"Estas alertas son para la unidad «{digest.Recipient.Unit}», que no figura en la libreta de direcciones del PMG de la región de {region}. " +
                "Le llegan a usted como contacto de la región: reenvíelas a la unidad y pida a la coordinación nacional que la agregue a la libreta.");
        }

        var count = digest.Items.Count;
        if (count > 0)
        {
            var whose = role switch
            {
                AlertRoles.Unit => $" a cargo de «{digest.Recipient.Unit}»",
                AlertRoles.Director => " de la región",
                _ => "",
            };
            body.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"La revisión del PMG Gestión Territorial {digest.Year} ({digest.Service}, región de {region}) encontró {Activities(count)} en riesgo{whose}. Para cada una se indica el motivo y qué hacer."));
            body.Heading("Actividades en riesgo");
            var number = 0;
            foreach (var item in digest.Items)
            {
                number++;
                body.Item(
                    number,
                    ProgramName(item.Section),
                    ("Objetivo", item.Objective),
                    ("Actividad", item.Activity),
                    ("Unidad responsable", role == AlertRoles.Unit ? null : item.Unit),
                    ("Motivo", item.ReasonText),
                    ("Texto del avance", item.Quote is { Length: > 0 } quote ? "«" + quote + "»" : null),
                    ("Qué hacer", item.Action));
            }
        }

        if (digest.UnknownUnits.Count > 0)
        {
            body.Heading("Unidades sin contacto en la libreta de direcciones");
            body.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Estas unidades de la región de {region} no están en la libreta; sus alertas se enviaron a la Dirección Regional. Agréguelas con «pmg contacts import»:"));
            body.Bullets(digest.UnknownUnits);
        }

        if (digest.Scores.Count > 0)
        {
            body.Heading($"Resultado de la región de {region} por programa");
            body.Bullets(digest.Scores.Select(s => ProgramName(s.Section) + ": " +
                (s.Performance is { } p ? SpanishNumbers.Fixed(p) + " %" : "sin porcentaje") + " — " + s.Status));
        }

        body.Paragraph("Un programa cumple con un desempeño de 90 % o más. Este correo se generó automáticamente; no responda a esta dirección.");
        return body.Build(subject);
    }

    /// <summary>"[PMG GT 2009] Valparaíso: 3 actividades en riesgo en III.1".</summary>
    public static string Subject(AlertDigestMessage digest, bool unitKnown = true)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"[PMG GT {digest.Year}] {digest.Region.Name}: ");
        var parts = new List<string>();
        if (digest.Items.Count > 0)
        {
            var sections = digest.Items.Select(i => i.Section).Distinct().Order(StringComparer.Ordinal).ToArray();
            parts.Add(Activities(digest.Items.Count) + " en riesgo en " + JoinSpanish(sections));
        }

        if (digest.UnknownUnits.Count > 0)
        {
            parts.Add(digest.UnknownUnits.Count == 1 ? "1 unidad sin contacto" : string.Create(CultureInfo.InvariantCulture, $"{digest.UnknownUnits.Count} unidades sin contacto"));
        }

        if (parts.Count == 0)
        {
            parts.Add("sin actividades en riesgo");
        }

        var subject = prefix + string.Join(" y ", parts);
        if (digest.Recipient.Role == AlertRoles.Unit && !string.IsNullOrWhiteSpace(digest.Recipient.Unit))
        {
            subject += unitKnown ? " (" + digest.Recipient.Unit + ")" : " (para " + digest.Recipient.Unit + ", unidad sin contacto)";
        }

        return SingleLine(subject);
    }

    /// <summary>"III.1 Gestión Territorial" for a section code; the code itself when unknown.</summary>
    public static string ProgramName(string section) =>
        SectionExtensions.TryParseCode(section, out var parsed) ? parsed.Code() + " " + parsed.ShortName() : section;

    internal static string Activities(int count) =>
        count == 1 ? "1 actividad" : string.Create(CultureInfo.InvariantCulture, $"{count} actividades");

    internal static string JoinSpanish(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " y " + items[^1];

    internal static string SingleLine(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(c => !char.IsControl(c)).ToArray())));
}

/// <summary>Writes the receipt of an upload for its uploader, in Spanish.</summary>
public static class ReceiptComposer
{
    /// <summary>Composes the receipt of one upload.</summary>
    public static EmailContent Compose(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var subject = Subject(receipt);
        var body = new EmailBody(subject);
        var file = receipt.BlobName[(receipt.BlobName.LastIndexOf('/') + 1)..];
        var where = Where(receipt);
        body.Paragraph("Estimada/o:");

        switch (receipt.Outcome)
        {
            case "accepted":
                body.Paragraph($"El formulario «{file}»{where} fue aceptado y ya cuenta en el cálculo del PMG Gestión Territorial.");
                body.Paragraph(receipt.Warnings switch
                {
                    0 => "No tiene observaciones.",
                    1 => "Tiene 1 observación: no impide aceptarlo, pero conviene revisarla con «pmg validate» y corregirla en la próxima versión.",
                    _ => string.Create(CultureInfo.InvariantCulture, $"Tiene {receipt.Warnings} observaciones: no impiden aceptarlo, pero conviene revisarlas con «pmg validate» y corregirlas en la próxima versión."),
                });
                if (receipt.Reasons.Count > 0)
                {
                    body.Heading("Errores señalados");
                    body.Bullets(receipt.Reasons);
                }

                break;
            case "failed":
                body.Paragraph($"El formulario «{file}»{where} no se pudo procesar después de varios intentos por un problema técnico, no por su contenido.");
                if (receipt.Reasons.Count > 0)
                {
                    body.Bullets(receipt.Reasons);
                }

                body.Paragraph("Qué hacer: no necesita corregir el archivo. El equipo técnico fue notificado; si en un día hábil no recibe otro aviso, vuelva a subir el mismo archivo.");
                break;
            default:
                body.Paragraph($"El formulario «{file}»{where} fue rechazado y no cuenta en el cálculo. Motivos:");
                body.Bullets(receipt.Reasons.Count > 0 ? receipt.Reasons : ["El archivo no pudo leerse como formulario."]);
                body.Heading("Cómo corregirlo");
                body.Bullets(Fixes(receipt.Reasons));
                break;
        }

        body.Paragraph("Este correo se generó automáticamente; no responda a esta dirección.");
        return body.Build(subject);
    }

    /// <summary>"[PMG GT 2009] Tarapacá: formulario aceptado con 2 observaciones (f.docx)".</summary>
    public static string Subject(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var file = receipt.BlobName[(receipt.BlobName.LastIndexOf('/') + 1)..];
        var year = receipt.Year is { } y ? " " + y.ToString(CultureInfo.InvariantCulture) : "";
        var region = RegionName(receipt.Region) is { } name ? " " + name + ":" : "";
        var what = receipt.Outcome switch
        {
            "accepted" => receipt.Warnings switch
            {
                0 => "formulario aceptado",
                1 => "formulario aceptado con 1 observación",
                _ => string.Create(CultureInfo.InvariantCulture, $"formulario aceptado con {receipt.Warnings} observaciones"),
            },
            "failed" => "formulario no procesado por un error técnico",
            _ => "formulario rechazado",
        };
        return DigestComposer.SingleLine($"[PMG GT{year}]{region} {what} ({file})");
    }

    private static string Where(Receipt receipt)
    {
        var parts = new List<string>();
        if (receipt.Service is { } service)
        {
            parts.Add(service);
        }

        if (RegionName(receipt.Region) is { } region)
        {
            parts.Add("región de " + region);
        }

        if (receipt.Year is { } year)
        {
            parts.Add(year.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    private static string? RegionName(string? code) => code is null ? null : RegionCatalog.FindByCode(code)?.Name ?? code;

    /// <summary>Plain advice matched to the refusal reasons; always ends with how to check before uploading again.</summary>
    private static List<string> Fixes(IReadOnlyList<string> reasons)
    {
        var all = TextNormalizer.Normalize(string.Join(" ", reasons));
        var fixes = new List<string>();
        if (all.Contains("ruta", StringComparison.Ordinal) || all.Contains("carpeta", StringComparison.Ordinal))
        {
            fixes.Add("Suba el archivo a la carpeta servicio/año/región correcta (por ejemplo SERNAM/2009/CL-TA/formulario.docx).");
        }

        if (all.Contains("macro", StringComparison.Ordinal) || all.Contains("cifrad", StringComparison.Ordinal) || all.Contains("docm", StringComparison.Ordinal)
            || all.Contains("xls ", StringComparison.Ordinal) || all.Contains("formato", StringComparison.Ordinal) || all.Contains("dañad", StringComparison.Ordinal)
            || all.Contains("danad", StringComparison.Ordinal) || all.Contains("vacio", StringComparison.Ordinal))
        {
            fixes.Add("Guarde el formulario como documento de Word (.docx) o libro de Excel (.xlsx) sin macros ni contraseña, y vuelva a subirlo.");
        }

        if (all.Contains("region", StringComparison.Ordinal) || all.Contains("ano", StringComparison.Ordinal))
        {
            fixes.Add("Revise que la región y el año escritos en el formulario coincidan con la carpeta a la que lo sube.");
        }

        fixes.Add("Antes de volver a subirlo, compruébelo con «pmg validate ARCHIVO»: muestra los mismos motivos con la celda o fila de cada uno.");
        return fixes;
    }
}
