using System.Globalization;
using Azure.Data.Tables;
using Pmg.Pipeline.Compliance;

namespace Pmg.Storage.Compliance;

/// <summary>AlertLedger rows: PK <c>{service}|{year}|{region}</c>, RK the item's hash; written in transactions of ≤ 100.</summary>
internal sealed class TableAlertLedger(StorageLayout layout) : IAlertLedger
{
    public async Task<IReadOnlyList<AlertLedgerEntry>> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(service, year, regionCode)}");
        var entries = new List<AlertLedgerEntry>();
        await foreach (var e in layout.AlertLedger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AlertLedgerEntry(
                e.RowKey,
                e.GetString("Fingerprint") ?? "",
                e.GetDateTimeOffset("LastAlertedAt") ?? default,
                e.GetBoolean("Resolved") ?? false,
                e.GetString("Unit") ?? "",
                e.GetString("Activity") ?? ""));
        }

        return entries;
    }

    public async Task SaveAsync(string service, int year, string regionCode, IReadOnlyList<AlertLedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var partition = Partition(service, year, regionCode);
        foreach (var chunk in entries.DistinctBy(e => e.Key).Chunk(100))
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, e.Key)
            {
                ["Fingerprint"] = e.Fingerprint,
                ["LastAlertedAt"] = e.LastAlertedAt,
                ["Resolved"] = e.Resolved,
                ["Unit"] = e.Unit.Length > 1000 ? e.Unit[..1000] : e.Unit,
                ["Activity"] = e.Activity.Length > 1000 ? e.Activity[..1000] : e.Activity,
            })).ToList();
            await layout.AlertLedger.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Partition(string service, int year, string regionCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{service}|{year}|{regionCode}");
}
