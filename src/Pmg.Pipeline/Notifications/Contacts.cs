using Pmg.Domain.Text;

namespace Pmg.Pipeline.Notifications;

/// <summary>What a contact is in the address book.</summary>
public enum ContactRole
{
    /// <summary>A responsible unit (unidad responsable) of one region.</summary>
    Unit,

    /// <summary>The regional director: the default contact of a region.</summary>
    RegionalDirector,

    /// <summary>The national coordinator of a service (no region).</summary>
    NationalCoordinator,
}

/// <summary>One address book entry: a unit, director or coordinator of a service, with its e-mail addresses.</summary>
/// <param name="Service">The service ("SERNAM").</param>
/// <param name="RegionCode">ISO region code; null for the national coordinator.</param>
/// <param name="Unit">The unit's name as the forms write it (or the role's name for directors and coordinators).</param>
/// <param name="Aliases">Other spellings of the unit used in forms.</param>
/// <param name="Emails">Addresses that receive the unit's e-mail.</param>
/// <param name="Role">Unit, regional director or national coordinator.</param>
public sealed record Contact(string Service, string? RegionCode, string Unit, IReadOnlyList<string> Aliases, IReadOnlyList<string> Emails, ContactRole Role)
{
    /// <summary>The key of the unit's name within its region: normalised, feminine and masculine forms equal.</summary>
    public string Key => ContactNames.Key(Unit);
}

/// <summary>How unit names compare: <see cref="TextNormalizer"/> plus "Encargada"/"Encargado" and similar taken as the same word.</summary>
public static class ContactNames
{
    private static readonly Dictionary<string, string> Feminine = new(StringComparer.Ordinal)
    {
        ["encargada"] = "encargado",
        ["encargadas"] = "encargados",
        ["directora"] = "director",
        ["asesora"] = "asesor",
        ["coordinadora"] = "coordinador",
        ["jefa"] = "jefe",
        ["profesionala"] = "profesional",
        ["secretaria"] = "secretario",
        ["regionala"] = "regional",
    };

    /// <summary>The comparison key of a unit name ("Encargada Regional de VIF" and "encargado regional de vif." give the same key).</summary>
    public static string Key(string? name) =>
        string.Join(' ', TextNormalizer.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Feminine.GetValueOrDefault(w, w)));
}

/// <summary>Reads and writes the address book (table Contacts).</summary>
public interface IContactDirectory
{
    /// <summary>Every contact of a service (all regions and the national coordinator).</summary>
    Task<IReadOnlyList<Contact>> GetAsync(string service, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces contacts (same service, region and unit key replaces).</summary>
    Task SaveAsync(IReadOnlyList<Contact> contacts, CancellationToken cancellationToken = default);
}

/// <summary>Where a unit's e-mail goes.</summary>
/// <param name="Contact">The matched contact, or the region's director when the unit is unknown.</param>
/// <param name="UnitKnown">False when the unit is not in the address book and the e-mail went to the director instead.</param>
public sealed record ContactMatch(Contact Contact, bool UnitKnown);

/// <summary>The address book of one service, in memory: finds a form's unit by normalised name or alias.</summary>
public sealed class ContactBook
{
    private readonly IReadOnlyList<Contact> _contacts;

    /// <summary>Wraps the contacts of one service.</summary>
    public ContactBook(IEnumerable<Contact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        _contacts = contacts.ToArray();
    }

    /// <summary>The contacts held.</summary>
    public IReadOnlyList<Contact> Contacts => _contacts;

    /// <summary>
    /// The unit of a region matching <paramref name="unit"/> by name or alias; null when none does. The director's
    /// entry counts too: forms name "Dirección Regional" or "Directora Regional" as a responsible unit.
    /// </summary>
    public Contact? FindUnit(string regionCode, string? unit)
    {
        var key = ContactNames.Key(unit);
        if (key.Length == 0)
        {
            return null;
        }

        var inRegion = _contacts.Where(c => c.Role != ContactRole.NationalCoordinator && string.Equals(c.RegionCode, regionCode, StringComparison.OrdinalIgnoreCase)).ToArray();
        return inRegion.FirstOrDefault(c => c.Key == key)
            ?? inRegion.FirstOrDefault(c => c.Aliases.Any(a => ContactNames.Key(a) == key));
    }

    /// <summary>The region's director (its default contact), or null when the address book has none.</summary>
    public Contact? Director(string regionCode) =>
        _contacts.FirstOrDefault(c => c.Role == ContactRole.RegionalDirector && string.Equals(c.RegionCode, regionCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>The national coordinator, or null.</summary>
    public Contact? Coordinator() => _contacts.FirstOrDefault(c => c.Role == ContactRole.NationalCoordinator);

    /// <summary>Where a unit's e-mail goes: the unit when known, else the region's director; null when neither is in the book.</summary>
    public ContactMatch? Resolve(string regionCode, string? unit) =>
        FindUnit(regionCode, unit) is { } found ? new ContactMatch(found, UnitKnown: true)
        : Director(regionCode) is { } director ? new ContactMatch(director, UnitKnown: false)
        : null;

    /// <summary>The units among <paramref name="units"/> that the region's address book does not know (distinct, in order).</summary>
    public IReadOnlyList<string> UnknownUnits(string regionCode, IEnumerable<string> units) =>
        units.Where(u => !string.IsNullOrWhiteSpace(u) && FindUnit(regionCode, u) is null)
            .DistinctBy(ContactNames.Key)
            .ToArray();
}
