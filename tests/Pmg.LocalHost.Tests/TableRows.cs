using Azure.Data.Tables;

namespace Pmg.LocalHost.Tests;

/// <summary>Reads raw table rows, as a coordinator's report or the storage explorer would see them.</summary>
internal static class TableRows
{
    public static async Task<List<TableEntity>> RowsAsync(TableClient table, string partition) =>
        await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();
}
