using Azure.Data.Tables;
using Pmg.Pipeline;

namespace Pmg.Storage;

/// <summary>Status queries over CurrentSubmissions and Submissions.</summary>
internal sealed class TableSubmissionQueries(StorageLayout layout, ISubmissionLedger ledger) : ISubmissionQueries
{
    public async Task<SubmissionStatusReport> GetStatusAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default)
    {
        var current = new List<SubmissionRecord>();
        await foreach (var entity in layout.CurrentSubmissions.QueryAsync<TableEntity>(Filter(service, year, null), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var pointer = TableCurrentSubmissionStore.FromEntity(entity);
            if (await ledger.FindAsync(SubmissionKeys.Partition(pointer.Service, pointer.Year), pointer.SubmissionId, cancellationToken).ConfigureAwait(false) is { } record)
            {
                current.Add(record);
            }
        }

        var problems = new List<SubmissionRecord>();
        var problemFilter = Filter(service, year, "Outcome ne 'Accepted' and RowKey lt '" + SubmissionEntities.MarkerPrefix + "'");
        await foreach (var entity in layout.Submissions.QueryAsync<TableEntity>(problemFilter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            problems.Add(SubmissionEntities.FromEntity(entity));
        }

        return new SubmissionStatusReport(
            current.OrderBy(r => r.Service, StringComparer.Ordinal).ThenBy(r => r.Year).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ToArray(),
            problems.OrderByDescending(r => r.UploadedAt).ToArray());
    }

    public async Task<IReadOnlyList<SubmissionRecord>> GetHistoryAsync(string service, int year, CancellationToken cancellationToken = default)
    {
        var partition = SubmissionKeys.Partition(service, year);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {SubmissionEntities.MarkerPrefix}");
        var history = new List<SubmissionRecord>();
        await foreach (var entity in layout.Submissions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            history.Add(SubmissionEntities.FromEntity(entity));
        }

        return history;
    }

    private static string? Filter(string? service, int? year, string? extra)
    {
        var parts = new List<string>();
        if (service is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"Service eq {service}"));
        }

        if (year is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"Year eq {year.Value}"));
        }

        if (extra is not null)
        {
            parts.Add(extra);
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}
