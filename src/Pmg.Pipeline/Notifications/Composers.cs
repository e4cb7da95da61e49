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
    /// Composes the digest: the deadline and days left (from <paramref name="today"/>, a date in Chile), then per region
    /// its scores, the summary of its units (director, coordinator), the activities told in detail, and a link to the
    /// region's page when <paramref name="links"/> is configured.
    /// </summary>
    public static EmailContent Compose(AlertDigestMessage digest, DateOnly today, PortalLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var role = digest.Recipient.Role;
        var subject = Subject(digest, today);
        var body = new EmailBody(subject);

        body.Paragraph(role switch
        {
            AlertRoles.Coordinator => "Estimada coordinación nacional:",
            AlertRoles.Director => "Estimada Dirección Regional:",
            _ => $"Estimada unidad «{digest.Recipient.Name}»:",
        });
        body.Paragraph(Deadline.Sentence(digest.Year, digest.ClosingDate, today));

        var items = digest.AllItems.Count();
        var whose = role == AlertRoles.Unit ? " a su cargo" : "";
        body.Paragraph(items > 0
            ? string.Create(CultureInfo.InvariantCulture, $"La revisión del PMG Gestión Territorial {digest.Year} ({digest.Service}) encontró {Activities(items)}{whose} en riesgo. Para cada una se indica el motivo y qué hacer.")
            : string.Create(CultureInfo.InvariantCulture, $"La revisión del PMG Gestión Territorial {digest.Year} ({digest.Service}) encontró actividades en riesgo en las unidades de {RegionsPhrase(digest)}; cada unidad con contacto recibió su propio correo."));

        foreach (var part in digest.Regions)
        {
            body.Heading("Región de " + part.Region.Name);
            if (part.Scores.Count > 0)
            {
                body.Table(
                    ["Programa", "Desempeño", "Estado"],
                    part.Scores.Select(s => (IReadOnlyList<string?>)[ProgramName(s.Section), s.Performance is { } p ? SpanishNumbers.Fixed(p) + " %" : "sin porcentaje", s.Status]));
            }

            if (part.Units.Count > 0)
            {
                body.Paragraph("Unidades con actividades en riesgo:");
                body.Table(
                    ["Unidad responsable", "Actividades en riesgo", "Aviso"],
                    part.Units.Select(u => (IReadOnlyList<string?>)[u.Unit, u.Activities.ToString(CultureInfo.InvariantCulture), u.HasContact ? "recibe su propio correo" : UnknownNotice(role)]));
            }

            if (part.Items.Count > 0)
            {
                body.Heading(role == AlertRoles.Unit ? "Actividades en riesgo" : "Actividades en riesgo que le corresponde atender o reenviar");
                var number = 0;
                foreach (var item in part.Items)
                {
                    body.Item(
                        ++number,
                        ProgramName(item.Section),
                        ("Objetivo", item.Objective),
                        ("Actividad", item.Activity),
                        ("Unidad responsable", item.Unit.Length > 0 ? item.Unit : "(sin unidad en el formulario)"),
                        ("Motivo", item.ReasonText),
                        ("Texto del avance", item.Quote is { Length: > 0 } quote ? "«" + quote + "»" : null),
                        ("Qué hacer", item.Action));
                }
            }

            var unknown = part.UnknownUnits.ToArray();
            if (unknown.Length > 0 && role == AlertRoles.Director)
            {
                body.Paragraph(string.Create(CultureInfo.InvariantCulture,
                    $"{(unknown.Length == 1 ? "La unidad" : "Las unidades")} {JoinSpanish(unknown.Select(u => "«" + u + "»").ToArray())} no {(unknown.Length == 1 ? "figura" : "figuran")} en la libreta de direcciones del PMG: sus actividades le llegan a usted. Reenvíelas y pida a la coordinación nacional que agregue sus correos."));
            }
            else if (unknown.Length > 0 && role == AlertRoles.Coordinator)
            {
                body.Paragraph("Sin contacto en la libreta de direcciones (sus alertas van a la Dirección Regional): " + JoinSpanish(unknown.Select(u => "«" + u + "»").ToArray()) + ". Agréguelas a la libreta con sus correos.");
            }

            if (links is not null)
            {
                body.Link("Vea la región en el portal", links.Region(part.Region.Code, digest.Service, digest.Year));
            }
        }

        body.Paragraph("Un programa cumple con un desempeño de 90 % o más. Este correo se generó automáticamente; no responda a esta dirección.");
        return body.Build(subject);
    }

    /// <summary>"[PMG GT 2009] Valparaíso: 3 actividades en riesgo en III.1 — cierre 31-01-2010, quedan 5 días (Encargada regional de VIF)".</summary>
    public static string Subject(AlertDigestMessage digest, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"[PMG GT {digest.Year}] {RegionsPhrase(digest)}: ");
        var items = digest.AllItems.ToArray();
        string what;
        if (items.Length > 0)
        {
            var sections = items.Select(i => i.Section).Distinct().Order(StringComparer.Ordinal).ToArray();
            what = Activities(items.Length) + " en riesgo en " + JoinSpanish(sections);
        }
        else
        {
            var total = digest.Regions.Sum(r => r.Units.Sum(u => u.Activities));
            what = "resumen, " + Activities(total) + " en riesgo";
        }

        var subject = prefix + what + " — " + Deadline.SubjectTag(digest.ClosingDate, today);
        if (digest.Recipient.Role == AlertRoles.Unit && digest.Recipient.Name.Length > 0)
        {
            subject += " (" + digest.Recipient.Name + ")";
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

    private static string RegionsPhrase(AlertDigestMessage digest)
    {
        var names = digest.Regions.Select(r => r.Region.Name).ToArray();
        return names.Length <= 3 ? JoinSpanish(names) : string.Create(CultureInfo.InvariantCulture, $"{names.Length} regiones");
    }

    private static string UnknownNotice(string role) =>
        role == AlertRoles.Director ? "sin contacto: detalle en este correo" : "sin contacto: va a la Dirección Regional";
}

/// <summary>Writes the receipt of an upload for its uploader, in Spanish.</summary>
public static class ReceiptComposer
{
    /// <summary>
    /// Composes the receipt of one upload: what happened, each programme's performance, status and why, the
    /// observations with their locations (the first <see cref="Receipt.MaxObservations"/>, and how many more), and
    /// how to fix them (the portal's pages and the blank form when <paramref name="links"/> is configured). When
    /// <paramref name="closingDate"/> is given, the deadline and days left from <paramref name="today"/>.
    /// </summary>
    public static EmailContent Compose(Receipt receipt, PortalLinks? links = null, DateOnly? closingDate = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var subject = Subject(receipt);
        var body = new EmailBody(subject);
        var file = FileName(receipt);
        var where = Where(receipt);
        body.Paragraph("Estimada/o:");

        switch (receipt.Outcome)
        {
            case "accepted":
                var invalid = receipt.Programs.Where(p => p.Status == "INVALIDO").Select(p => p.Section).ToArray();
                if (receipt.Errors > 0)
                {
                    body.Paragraph(string.Create(CultureInfo.InvariantCulture,
                        $"El formulario «{file}»{where} fue aceptado, pero tiene {Errors(receipt.Errors)} que debe corregir") +
                        (invalid.Length > 0
                            ? $": {DigestComposer.JoinSpanish(invalid)} {(invalid.Length == 1 ? "queda" : "quedan")} INVALIDO y no {(invalid.Length == 1 ? "cumple" : "cumplen")} hasta que envíe una versión corregida."
                            : ". Cuenta en el cálculo con lo que pudo leerse; envíe una versión corregida."));
                }
                else
                {
                    body.Paragraph($"El formulario «{file}»{where} fue aceptado y ya cuenta en el cálculo del PMG Gestión Territorial.");
                }

                if (receipt.Programs.Count > 0)
                {
                    body.Heading("Resultado por programa");
                    body.Table(
                        ["Programa", "Desempeño", "Estado", "Por qué"],
                        receipt.Programs.Select(p => (IReadOnlyList<string?>)[DigestComposer.ProgramName(p.Section), p.Performance is { } v ? SpanishNumbers.Fixed(v) + " %" : "—", p.Status, p.Why]));
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
                break;
        }

        if (receipt.Outcome != "failed")
        {
            Observations(body, receipt, links);
            Fixes(body, receipt, links);
        }

        if (closingDate is { } closing && today is { } day && receipt.Year is { } year && receipt.Outcome != "failed")
        {
            body.Paragraph(Deadline.Sentence(year, closing, day));
        }

        body.Paragraph("Este correo se generó automáticamente; no responda a esta dirección.");
        return body.Build(subject);
    }

    /// <summary>"[PMG GT 2009] Tarapacá: formulario aceptado — III.1 CUMPLE, III.2 CUMPLE — 2 observaciones (f.docx)".</summary>
    public static string Subject(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var year = receipt.Year is { } y ? " " + y.ToString(CultureInfo.InvariantCulture) : "";
        var region = RegionName(receipt.Region) is { } name ? " " + name + ":" : "";
        var what = receipt.Outcome switch
        {
            "accepted" when receipt.Errors > 0 => "formulario aceptado con " + Errors(receipt.Errors) + Statuses(receipt),
            "accepted" => "formulario aceptado" + Statuses(receipt) + (Count(receipt) switch
            {
                0 => "",
                1 => " — 1 observación",
                var n => string.Create(CultureInfo.InvariantCulture, $" — {n} observaciones"),
            }),
            "failed" => "formulario no procesado por un error técnico",
            _ => "formulario rechazado",
        };
        return DigestComposer.SingleLine($"[PMG GT{year}]{region} {what} ({FileName(receipt)})");
    }

    private static string Statuses(Receipt receipt) =>
        receipt.Programs.Count == 0 ? "" : " — " + string.Join(", ", receipt.Programs.Select(p => p.Section + " " + p.Status));

    private static string Errors(int count) => count == 1 ? "1 error" : string.Create(CultureInfo.InvariantCulture, $"{count} errores");

    // Older receipts carried only the warning count.
    private static int Count(Receipt receipt) => Math.Max(receipt.ObservationCount, receipt.Warnings);

    private static void Observations(EmailBody body, Receipt receipt, PortalLinks? links)
    {
        var total = Math.Max(Count(receipt), receipt.Observations.Count);
        if (receipt.Observations.Count == 0)
        {
            if (receipt.Outcome == "accepted")
            {
                body.Paragraph(total == 0 ? "No tiene observaciones." : string.Create(CultureInfo.InvariantCulture, $"Tiene {total} observaciones."));
            }

            return;
        }

        body.Heading(total == 1 ? "Observación" : string.Create(CultureInfo.InvariantCulture, $"Observaciones ({total})"));
        body.Bullets(receipt.Observations.Select(o => (o.Location is { Length: > 0 } at ? at + " — " : "") + o.Severity + ": " + o.Message));
        if (total > receipt.Observations.Count)
        {
            body.Paragraph(string.Create(CultureInfo.InvariantCulture, $"Y {total - receipt.Observations.Count} más") + (links is null ? "." : "; el portal las muestra todas."));
        }
    }

    private static void Fixes(EmailBody body, Receipt receipt, PortalLinks? links)
    {
        var clean = receipt.Outcome == "accepted" && receipt.Errors == 0 && Count(receipt) == 0;
        if (clean)
        {
            if (links is not null && receipt is { Region: { } r, Service: { } s, Year: { } y })
            {
                body.Link("Vea el resultado en el portal", links.Submission(r, receipt.SubmissionId, s, y, FileName(receipt)));
            }

            return;
        }

        body.Heading("Cómo corregirlo");
        var fixes = new List<string>();
        var all = TextNormalizer.Normalize(string.Join(" ", receipt.Reasons));
        if (all.Contains("ruta", StringComparison.Ordinal) || all.Contains("carpeta", StringComparison.Ordinal))
        {
            fixes.Add("Suba el archivo a la carpeta servicio/año/región correcta (por ejemplo SERNAM/2009/CL-TA/formulario.docx).");
        }

        if (all.Contains("macro", StringComparison.Ordinal) || all.Contains("cifrad", StringComparison.Ordinal) || all.Contains("docm", StringComparison.Ordinal)
            || all.Contains("xls ", StringComparison.Ordinal) || all.Contains("formato", StringComparison.Ordinal) || all.Contains("danad", StringComparison.Ordinal)
            || all.Contains("vacio", StringComparison.Ordinal))
        {
            fixes.Add("Guarde el formulario como documento de Word (.docx) o libro de Excel (.xlsx) sin macros ni contraseña, y vuelva a subirlo.");
        }

        if (all.Contains("region", StringComparison.Ordinal) || all.Contains("ano", StringComparison.Ordinal))
        {
            fixes.Add("Revise que la región y el año escritos en el formulario coincidan con los de la región a la que lo sube.");
        }

        fixes.Add(receipt.Outcome == "accepted"
            ? "Corrija cada observación en la celda o fila indicada y suba la versión corregida: reemplaza a esta."
            : "Corrija el archivo y vuelva a subirlo: mientras tanto la región cuenta con su envío anterior, si lo hay.");
        if (links is null)
        {
            fixes.Add("El formulario en blanco de su región, con las listas y fórmulas que evitan estos errores, se lo entrega la coordinación nacional del PMG.");
        }

        body.Bullets(fixes);
        if (links is null)
        {
            return;
        }

        if (receipt is { Region: { } region, Service: { } service, Year: { } year })
        {
            if (receipt.Outcome == "accepted")
            {
                body.Link("Vea cada observación en el portal", links.Submission(region, receipt.SubmissionId, service, year, FileName(receipt)));
            }

            body.Link("Suba la versión corregida en la página de su región", links.Region(region, service, year));
            body.Link("Formulario en blanco de su región (Word)", links.BlankForm(region, service, year, "docx"));
            body.Link("Formulario en blanco de su región (Excel)", links.BlankForm(region, service, year, "xlsx"));
        }
        else
        {
            body.Link("Suba el formulario desde el portal", links.Home);
        }
    }

    private static string FileName(Receipt receipt) => receipt.BlobName[(receipt.BlobName.LastIndexOf('/') + 1)..];

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
}
