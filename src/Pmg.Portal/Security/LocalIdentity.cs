using Pmg.Domain.Regions;

namespace Pmg.Portal.Security;

/// <summary>
/// The identity a developer picks in local mode, kept in the cookie <c>pmg-local</c>: <c>coordinator</c> or
/// <c>uploader:CL-TA[,CL-VS]</c>. Meaningful only when <see cref="PortalOptions.LocalMode"/> is on.
/// </summary>
public static class LocalIdentity
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "pmg-local";

    /// <summary>The cookie value of a coordinator.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>The cookie value of an uploader of the given regions.</summary>
    public static string Uploader(params string[] regionCodes) => "uploader:" + string.Join(',', regionCodes);

    /// <summary>The user a cookie value stands for; null when it names none.</summary>
    public static PortalUser? Parse(string? value)
    {
        if (string.Equals(value, Coordinator, StringComparison.Ordinal))
        {
            return new PortalUser("local-coordinator", "Coordinación nacional (modo local)", "coordinacion@example.org",
                new HashSet<string>(StringComparer.Ordinal) { PortalRoles.Coordinator }, new HashSet<string>(StringComparer.Ordinal), IsLocal: true);
        }

        if (value is not null && value.StartsWith("uploader:", StringComparison.Ordinal))
        {
            var regions = value["uploader:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(RegionCatalog.FindByCode).OfType<Region>().ToList();
            if (regions.Count > 0)
            {
                var first = regions[0];
                return new PortalUser(
                    "local-uploader-" + string.Join('-', regions.Select(r => r.Code)),
                    "Oficina regional de " + string.Join(", ", regions.Select(r => r.Name)) + " (modo local)",
                    "oficina." + first.Code[3..].ToLowerInvariant() + "@example.org",
                    new HashSet<string>(StringComparer.Ordinal) { PortalRoles.Uploader },
                    regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal),
                    IsLocal: true);
            }
        }

        return null;
    }
}
