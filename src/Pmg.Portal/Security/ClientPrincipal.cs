using System.Text;
using System.Text.Json;

namespace Pmg.Portal.Security;

/// <summary>
/// The signed-in user as App Service Authentication passes it to the app: the header <c>X-MS-CLIENT-PRINCIPAL</c>,
/// base64 JSON <c>{"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}</c>. The platform strips this header from
/// incoming requests and sets it itself, so in Azure it cannot be forged; the app trusts it only there or behind an
/// equivalent proxy (see README).
/// </summary>
/// <param name="Claims">Every claim, in order (type, value).</param>
/// <param name="NameType">The claim type holding the name.</param>
/// <param name="RoleType">The claim type holding roles.</param>
public sealed record ClientPrincipal(IReadOnlyList<KeyValuePair<string, string>> Claims, string NameType, string RoleType)
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string EmailClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    private const string UpnClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";

    /// <summary>The user's Entra object id (claim <c>oid</c>), or null.</summary>
    public string? ObjectId => First(ObjectIdClaim) ?? First("oid");

    /// <summary>The user's display name, falling back to the sign-in name.</summary>
    public string? Name => First("name") ?? First(NameType) ?? Email;

    /// <summary>The sign-in e-mail (preferred_username, email or upn), or null.</summary>
    public string? Email => First("preferred_username") ?? First(EmailClaim) ?? First("email") ?? First(UpnClaim);

    /// <summary>App roles (claim <c>roles</c> or the header's role type).</summary>
    public IReadOnlyList<string> Roles => All(RoleType).Concat(All("roles")).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Security group object ids (claim <c>groups</c>).</summary>
    public IReadOnlyList<string> Groups => All("groups").ToList();

    /// <summary>Decodes the header; null when it is absent or not a client principal.</summary>
    public static ClientPrincipal? TryParse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 64 * 1024)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var list = new List<KeyValuePair<string, string>>();
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind == JsonValueKind.Object
                    && claim.TryGetProperty("typ", out var type) && type.ValueKind == JsonValueKind.String
                    && claim.TryGetProperty("val", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    list.Add(new(type.GetString()!, value.GetString()!));
                }
            }

            return new ClientPrincipal(list, Text(root, "name_typ") ?? "name", Text(root, "role_typ") ?? "roles");
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Encodes claims as App Service Authentication does (for tests and tools that stand in for it).</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> claims)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["auth_typ"] = "aad",
            ["name_typ"] = "name",
            ["role_typ"] = "roles",
            ["claims"] = claims.Select(c => new Dictionary<string, string> { ["typ"] = c.Key, ["val"] = c.Value }).ToList(),
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private string? First(string type) => Claims.FirstOrDefault(c => c.Key == type && c.Value.Length > 0).Value;

    private IEnumerable<string> All(string type) => Claims.Where(c => c.Key == type && c.Value.Length > 0).Select(c => c.Value);
}
