namespace Pmg.Pipeline.Access;

/// <summary>
/// The mapping from a Microsoft Entra user or group (its object id) to the regions it may upload for and see in the
/// portal: the table <c>PortalAccess</c>, managed by ops with <c>pmg access grant|revoke|list</c>.
/// </summary>
public interface IPortalAccessStore
{
    /// <summary>Adds (or refreshes) one grant; granting twice is harmless.</summary>
    Task GrantAsync(PortalAccessGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Removes one grant; false when there was none.</summary>
    Task<bool> RevokeAsync(string principalId, string regionCode, CancellationToken cancellationToken = default);

    /// <summary>Every grant, or those of one region, ordered by region then principal.</summary>
    Task<IReadOnlyList<PortalAccessGrant>> ListAsync(string? regionCode = null, CancellationToken cancellationToken = default);

    /// <summary>The region codes granted to any of <paramref name="principalIds"/> (a user's object id and its groups').</summary>
    Task<IReadOnlySet<string>> RegionsForAsync(IReadOnlyCollection<string> principalIds, CancellationToken cancellationToken = default);
}

/// <summary>Whether a grant names a user or a group.</summary>
public enum PrincipalKind
{
    /// <summary>One Entra user (its object id).</summary>
    User,

    /// <summary>An Entra security group: every member gets the region.</summary>
    Group,
}

/// <summary>One region granted to one Entra user or group.</summary>
/// <param name="PrincipalId">The user's or group's object id (a GUID, lower case).</param>
/// <param name="Kind">User or group.</param>
/// <param name="RegionCode">The region's ISO code (CL-TA).</param>
/// <param name="Label">Who it is, for people reading the list (an e-mail or a group name); may be empty.</param>
/// <param name="GrantedBy">Who granted it (the operator's name or e-mail), may be empty.</param>
/// <param name="GrantedAt">When.</param>
public sealed record PortalAccessGrant(string PrincipalId, PrincipalKind Kind, string RegionCode, string Label, string GrantedBy, DateTimeOffset GrantedAt)
{
    /// <summary>The canonical form of an object id: trimmed, lower case; null when it is not a GUID.</summary>
    public static string? NormalizePrincipalId(string? text) =>
        Guid.TryParse(text?.Trim(), out var id) ? id.ToString("D") : null;
}
