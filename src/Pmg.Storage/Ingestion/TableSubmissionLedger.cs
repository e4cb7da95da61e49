using Azure;
using Azure.Data.Tables;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage.Ingestion;

/// <summary>
/// The Submissions table: per upload a ledger row (newest first) and an id marker row in the same partition,
/// inserted together in one entity-group transaction, so a second delivery of the same blob version fails with 409.
/// </summary>
internal sealed class TableSubmissionLedger(StorageLayout layout) : ISubmissionLedger
{
    private TableClient Table => layout.Submissions;

    public async Task<SubmissionRecord?> TryAddAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.Add, SubmissionEntities.ToEntity(record, SubmissionEntities.LedgerRowKey(record))),
            new(TableTransactionActionType.Add, SubmissionEntities.ToEntity(record, SubmissionEntities.MarkerRowKey(record.Id))),
        ];
        try
        {
            await Table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return await FindAsync(record.Partition, record.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Submission {record.Id} conflicted but its marker row is missing.", e);
        }
    }

    public async Task MarkCompletedAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.UpdateMerge, Completed(record, SubmissionEntities.LedgerRowKey(record)), ETag.All),
            new(TableTransactionActionType.UpdateMerge, Completed(record, SubmissionEntities.MarkerRowKey(record.Id)), ETag.All),
        ];
        await Table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SubmissionRecord?> FindAsync(string partition, string submissionId, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(partition, SubmissionEntities.MarkerRowKey(submissionId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } entity ? SubmissionEntities.FromEntity(entity) : null;
    }

    public async Task ReplaceAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.UpsertReplace, SubmissionEntities.ToEntity(record, SubmissionEntities.LedgerRowKey(record))),
            new(TableTransactionActionType.UpsertReplace, SubmissionEntities.ToEntity(record, SubmissionEntities.MarkerRowKey(record.Id))),
        ];
        await Table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReplaceFailedAsync(SubmissionRecord failed, SubmissionRecord retried, CancellationToken cancellationToken = default)
    {
        var batch = new List<TableTransactionAction>();
        var failedRow = SubmissionEntities.LedgerRowKey(failed);
        var retriedRow = SubmissionEntities.LedgerRowKey(retried);
        if (failedRow != retriedRow)
        {
            // The failure was filed at the time it was recorded; the retried upload is filed at its upload time.
            batch.Add(new(TableTransactionActionType.Delete, new TableEntity(failed.Partition, failedRow), ETag.All));
        }

        batch.Add(new(TableTransactionActionType.UpsertReplace, SubmissionEntities.ToEntity(retried, retriedRow)));
        batch.Add(new(TableTransactionActionType.UpsertReplace, SubmissionEntities.ToEntity(retried, SubmissionEntities.MarkerRowKey(retried.Id))));
        await Table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SubmissionRecord>> ListProblemsAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default)
    {
        var filter = TableQueries.ServiceYearFilter(service, year, "Outcome ne 'Accepted' and RowKey lt '" + SubmissionEntities.MarkerPrefix + "'");
        var problems = await TableQueries.ListAsync(Table, filter, SubmissionEntities.FromEntity, cancellationToken).ConfigureAwait(false);
        return problems.OrderByDescending(r => r.UploadedAt).ToArray();
    }

    public async Task<IReadOnlyList<SubmissionRecord>> ListAsync(string service, int year, CancellationToken cancellationToken = default)
    {
        // Row keys start with inverted ticks, so the partition reads newest first; the id markers sort after them.
        var filter = TableQueries.ServiceYearFilter(service, year, "RowKey lt '" + SubmissionEntities.MarkerPrefix + "'");
        return await TableQueries.ListAsync(Table, filter, SubmissionEntities.FromEntity, cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity Completed(SubmissionRecord record, string rowKey) =>
        new(record.Partition, rowKey) { ["Completed"] = true };
}
