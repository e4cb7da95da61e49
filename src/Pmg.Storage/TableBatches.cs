using Azure.Data.Tables;

namespace Pmg.Storage;

/// <summary>Writes rows of one partition in entity-group transactions.</summary>
internal static class TableBatches
{
    private const int MaxBatch = 100;
    private const long MaxBatchBytes = 3L * 1024 * 1024;

    /// <summary>Upserts (replace) the rows, cutting a transaction at 100 entities or about 3 MiB, whichever comes first (the limits are 100 and 4 MiB).</summary>
    public static Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken) =>
        SubmitAsync(table, entities, TableTransactionActionType.UpsertReplace, cancellationToken);

    /// <summary>Submits the rows with <paramref name="action"/>, in as few transactions as the limits allow.</summary>
    public static async Task SubmitAsync(TableClient table, IEnumerable<TableEntity> entities, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        var batch = new List<TableTransactionAction>(MaxBatch);
        var bytes = 0L;
        foreach (var entity in entities)
        {
            var size = EstimatedBytes(entity);
            if (batch.Count == MaxBatch || (batch.Count > 0 && bytes + size > MaxBatchBytes))
            {
                await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
                batch = new List<TableTransactionAction>(MaxBatch);
                bytes = 0;
            }

            batch.Add(new TableTransactionAction(action, entity));
            bytes += size;
        }

        if (batch.Count > 0)
        {
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    // JSON on the wire: the SDK escapes every non-ASCII character as \uXXXX (6 bytes), plus names and overhead.
    private static long EstimatedBytes(TableEntity entity) =>
        entity.Sum(p => p.Key.Length + 16L + (p.Value is string text ? text.Sum(c => c < 128 ? 1L : 6L) : 32L));
}
