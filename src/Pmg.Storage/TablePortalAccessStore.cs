using Azure;
using Azure.Data.Tables;
using Pmg.Pipeline.Access;

namespace Pmg.Storage;

/// <summary>
/// PortalAccess: PK the Entra object id of a user or group, RK the region code. A user's regions are one point query
/// per id (the user's own and each of its groups'), and listing a region is a filtered scan, fine for the few hundred
/// grants a service has.
/// </summary>
internal sealed class TablePortalAccessStore(StorageLayout layout) : IPortalAccessStore
{
    private TableClient Table => layout.PortalAccess;

    public async Task GrantAsync(PortalAccessGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var entity = new TableEntity(grant.PrincipalId, grant.RegionCode)
        {
            ["Kind"] = grant.Kind.ToString(),
            ["Label"] = grant.Label,
            ["GrantedBy"] = grant.GrantedBy,
            ["GrantedAt"] = grant.GrantedAt,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RevokeAsync(string principalId, string regionCode, CancellationToken cancellationToken = default)
    {
        // DeleteEntity succeeds on a missing row too: look first, so "there was none" can be said.
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(principalId, regionCode, ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue)
        {
            return false;
        }

        await Table.DeleteEntityAsync(principalId, regionCode, ETag.All, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<PortalAccessGrant>> ListAsync(string? regionCode = null, CancellationToken cancellationToken = default)
    {
        var filter = regionCode is null ? null : TableClient.CreateQueryFilter($"RowKey eq {regionCode}");
        var grants = new List<PortalAccessGrant>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            grants.Add(FromEntity(entity));
        }

        return grants.OrderBy(g => g.RegionCode, StringComparer.Ordinal).ThenBy(g => g.PrincipalId, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlySet<string>> RegionsForAsync(IReadOnlyCollection<string> principalIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principalIds);
        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in principalIds.Distinct(StringComparer.Ordinal))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id}");
            await foreach (var entity in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                regions.Add(entity.RowKey);
            }
        }

        return regions;
    }

    private static PortalAccessGrant FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        Enum.TryParse<PrincipalKind>(entity.GetString("Kind"), out var kind) ? kind : PrincipalKind.User,
        entity.RowKey,
        entity.GetString("Label") ?? "",
        entity.GetString("GrantedBy") ?? "",
        entity.GetDateTimeOffset("GrantedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue);
}
