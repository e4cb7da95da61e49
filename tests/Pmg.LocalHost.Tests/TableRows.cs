using Azure.Data.Tables;

namespace Pmg.LocalHost.Tests;

/// <summary>Reads raw table rows, as a coordinator's report or the storage explorer would see them.</summary>
internal static class LocalHostTestContextRows
{
    public static async Task<List<TableEntity>> RegionalResultsAsync(LocalHostTestContext host, string partition) =>
        await host.Layout.RegionalResults.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();
}
