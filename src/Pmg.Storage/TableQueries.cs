using Azure;
using Azure.Data.Tables;

namespace Pmg.Storage;

/// <summary>Reads of tables that may not exist yet (a fresh account or prefix read by <c>pmg status</c> before anything was written).</summary>
internal static class TableQueries
{
    /// <summary>Every row matching <paramref name="filter"/>, mapped; empty when the table does not exist.</summary>
    public static async Task<List<T>> ListAsync<T>(TableClient table, string? filter, Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(entity));
            }
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // Nothing was ever written under this name: nothing to list.
        }

        return rows;
    }

    /// <summary>One partition's rows.</summary>
    public static Task<List<T>> PartitionAsync<T>(TableClient table, string partition, Func<TableEntity, T> map, CancellationToken cancellationToken) =>
        ListAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), map, cancellationToken);

    /// <summary>
    /// A filter on a service and/or year: one partition (<c>{service}|{year}</c>) when both are known, else the stored
    /// Service or Year property (rows filed under "_" keep theirs); <paramref name="extra"/> is and-ed on.
    /// </summary>
    public static string? ServiceYearFilter(string? service, int? year, string? extra = null)
    {
        var parts = new List<string>();
        switch (service, year)
        {
            case ({ } s, { } y):
                parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {Pipeline.Ingestion.SubmissionKeys.Partition(s, y)}"));
                break;
            case ({ } s, null):
                parts.Add(TableClient.CreateQueryFilter($"Service eq {s}"));
                break;
            case (null, { } y):
                parts.Add(TableClient.CreateQueryFilter($"Year eq {y}"));
                break;
        }

        if (extra is not null)
        {
            parts.Add(extra);
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}
