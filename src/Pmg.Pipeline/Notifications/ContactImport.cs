using System.Globalization;
using Pmg.Domain.Regions;
using Pmg.Domain.Text;

namespace Pmg.Pipeline.Notifications;

/// <summary>A row of a contacts file that could not be used.</summary>
/// <param name="Row">The row number in the file (1 = the header row).</param>
/// <param name="Reason">Why, in Spanish.</param>
public sealed record ContactRowProblem(int Row, string Reason);

/// <summary>The contacts read from a file, and the rows that could not be used.</summary>
/// <param name="Contacts">Valid contacts.</param>
/// <param name="Problems">Unusable rows with their reasons.</param>
public sealed record ContactImportResult(IReadOnlyList<Contact> Contacts, IReadOnlyList<ContactRowProblem> Problems);

/// <summary>
/// Turns the rows of a contacts sheet (.csv or .xlsx, read by an adapter) into contacts. Columns are found by
/// their title (case and accents ignored): servicio, región, unidad, alias, correos, rol. Aliases and addresses
/// are separated by ";" (or "|"; addresses also by ","). Bad rows become problems with their row number, never exceptions.
/// </summary>
public static class ContactRowParser
{
    private static readonly Dictionary<string, string[]> Titles = new()
    {
        ["service"] = ["servicio"],
        ["region"] = ["region", "codigo region", "region iso"],
        ["unit"] = ["unidad", "unidad responsable", "nombre", "cargo"],
        ["aliases"] = ["alias", "aliases", "otros nombres"],
        ["emails"] = ["correos", "correo", "email", "emails", "correo electronico", "correos electronicos"],
        ["role"] = ["rol", "tipo"],
    };

    /// <summary>Parses rows (the first non-empty one holds the titles). <paramref name="rows"/> are (row number, cells).</summary>
    public static ContactImportResult Parse(IEnumerable<(int Row, IReadOnlyList<string> Cells)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var contacts = new List<Contact>();
        var problems = new List<ContactRowProblem>();
        Dictionary<string, int>? columns = null;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var (rowNumber, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (columns is null)
            {
                columns = FindColumns(cells);
                var missing = new[] { "service", "unit", "emails", "role" }.Where(k => !columns.ContainsKey(k)).ToArray();
                if (missing.Length > 0 || !columns.ContainsKey("region"))
                {
                    problems.Add(new ContactRowProblem(rowNumber,
                        "La fila de títulos debe tener las columnas Servicio, Región, Unidad, Alias, Correos y Rol; faltan: " +
                        string.Join(", ", new[] { "service", "region", "unit", "emails", "role" }.Where(k => !columns.ContainsKey(k)).Select(SpanishTitle)) + "."));
                    return new ContactImportResult(contacts, problems);
                }

                continue;
            }

            var contact = ParseRow(rowNumber, cells, columns, problems);
            if (contact is null)
            {
                continue;
            }

            var key = contact.Service.ToUpperInvariant() + "|" + contact.RegionCode + "|" + contact.Role + "|" + (contact.Role == ContactRole.Unit ? contact.Key : "");
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new ContactRowProblem(rowNumber, string.Create(CultureInfo.InvariantCulture,
                    $"«{contact.Unit}» ya aparece en la fila {first} para {Where(contact)}; se usa la fila {first}.")));
                continue;
            }

            seen[key] = rowNumber;
            contacts.Add(contact);
        }

        if (columns is null)
        {
            problems.Add(new ContactRowProblem(1, "El archivo está vacío: no tiene fila de títulos ni contactos."));
        }

        return new ContactImportResult(contacts, problems);
    }

    private static Contact? ParseRow(int row, IReadOnlyList<string> cells, Dictionary<string, int> columns, List<ContactRowProblem> problems)
    {
        string Cell(string key) => columns.TryGetValue(key, out var i) && i < cells.Count ? (cells[i] ?? "").Trim() : "";

        var reasons = new List<string>();
        var service = Cell("service");
        if (service.Length == 0)
        {
            reasons.Add("falta el servicio");
        }
        else if (service.IndexOfAny(['/', '\\', '#', '?', '|']) >= 0)
        {
            reasons.Add($"el servicio «{service}» contiene caracteres no permitidos (/ \\ # ? |)");
        }

        var roleText = Cell("role");
        var role = ParseRole(roleText);
        if (role is null)
        {
            reasons.Add(roleText.Length == 0
                ? "falta el rol (unidad, director regional o coordinador nacional)"
                : $"el rol «{roleText}» no es unidad, director regional ni coordinador nacional");
        }

        var regionText = Cell("region");
        string? regionCode = null;
        if (role is not ContactRole.NationalCoordinator)
        {
            if (regionText.Length == 0)
            {
                reasons.Add("falta la región");
            }
            else if ((RegionCatalog.FindByCode(regionText.ToUpperInvariant()) ?? (RegionCatalog.TryResolve(regionText, out var r) ? r : null)) is { } region)
            {
                regionCode = region.Code;
            }
            else
            {
                reasons.Add($"la región «{regionText}» no corresponde a ninguna región de Chile");
            }
        }

        var unit = Cell("unit");
        if (unit.Length == 0)
        {
            if (role == ContactRole.Unit)
            {
                reasons.Add("falta el nombre de la unidad");
            }
            else
            {
                unit = role == ContactRole.RegionalDirector ? "Dirección Regional" : "Coordinación Nacional";
            }
        }

        var emails = Split(Cell("emails"), [';', ',', '|', ' ', '\n']);
        if (emails.Count == 0)
        {
            reasons.Add("falta al menos un correo");
        }

        foreach (var email in emails.Where(e => !IsEmail(e)))
        {
            reasons.Add($"«{email}» no es una dirección de correo válida");
        }

        if (reasons.Count > 0)
        {
            var text = string.Join("; ", reasons);
            problems.Add(new ContactRowProblem(row, char.ToUpperInvariant(text[0]) + text[1..] + "."));
            return null;
        }

        var aliases = Split(Cell("aliases"), [';', '|', '\n']);
        return new Contact(service, regionCode, unit, aliases, emails.Select(e => e.ToLowerInvariant()).Distinct().ToArray(), role!.Value);
    }

    /// <summary>Reads a role as written: "unidad", "director regional"/"directora regional"/"director", "coordinador nacional"/"coordinadora".</summary>
    public static ContactRole? ParseRole(string? text) => ContactNames.Key(text) switch
    {
        "unidad" or "unidad responsable" => ContactRole.Unit,
        "director regional" or "director" or "direccion regional" => ContactRole.RegionalDirector,
        "coordinador nacional" or "coordinador" or "coordinacion nacional" => ContactRole.NationalCoordinator,
        _ => null,
    };

    /// <summary>Whether <paramref name="text"/> is a plain e-mail address (local@domain.tld, no display name).</summary>
    public static bool IsEmail(string text) =>
        System.Net.Mail.MailAddress.TryCreate(text, out var parsed)
        && string.Equals(parsed.Address, text, StringComparison.OrdinalIgnoreCase)
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !parsed.Host.EndsWith('.');

    private static Dictionary<string, int> FindColumns(IReadOnlyList<string> cells)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var title = TextNormalizer.Normalize(cells[i]);
            foreach (var (key, names) in Titles)
            {
                if (!columns.ContainsKey(key) && names.Contains(title))
                {
                    columns[key] = i;
                }
            }
        }

        return columns;
    }

    private static List<string> Split(string text, char[] separators) =>
        text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Where(Contact contact) => contact.RegionCode is { } code ? "la región " + code : "el servicio " + contact.Service;

    private static string SpanishTitle(string key) => key switch
    {
        "service" => "Servicio",
        "region" => "Región",
        "unit" => "Unidad",
        "emails" => "Correos",
        "role" => "Rol",
        _ => key,
    };
}
