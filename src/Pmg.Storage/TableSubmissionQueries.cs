using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Pmg.Domain.Model;
using Pmg.Pipeline;

namespace Pmg.Storage;

/// <summary>Status queries over CurrentSubmissions and Submissions.</summary>
internal sealed class TableSubmissionQueries(StorageLayout layout, ISubmissionLedger ledger, IOptions<PmgOptions> options) : ISubmissionQueries
{
    public async Task<SubmissionStatusReport> GetStatusAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default)
    {
        // Keys hold the service as configured ("SERNAM"); accept any casing from a command line.
        service = service is null ? null : options.Value.FindService(service) ?? service;
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
        service = options.Value.FindService(service) ?? service;
        var partition = SubmissionKeys.Partition(service, year);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {SubmissionEntities.MarkerPrefix}");
        var history = new List<SubmissionRecord>();
        await foreach (var entity in layout.Submissions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            history.Add(SubmissionEntities.FromEntity(entity));
        }

        return history;
    }

    public async Task<SubmissionContent> GetContentAsync(string submissionId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {submissionId}");
        var activities = new List<StoredActivity>();
        await foreach (var e in layout.Activities.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (TableSubmissionContentStore.IsProgramRow(e))
            {
                continue;
            }

            activities.Add(new StoredActivity(
                e.GetString("Section") ?? "",
                e.GetInt32("ObjectiveIndex") ?? 0,
                e.GetString("Objective") ?? "",
                e.GetString("Text") ?? "",
                e.GetString("Unit") ?? "",
                e.GetString("Means") ?? "",
                e.GetString("Weight") is { } weight ? decimal.Parse(weight, NumberStyles.Number, CultureInfo.InvariantCulture) : null,
                Enum.TryParse<Compliance>(e.GetString("Compliance"), out var compliance) ? compliance : Compliance.Unrecognised,
                e.GetString("RawCompliance") ?? "",
                e.GetString("Location") ?? ""));
        }

        var progress = new List<StoredProgressRow>();
        await foreach (var e in layout.ProgressRows.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            progress.Add(new StoredProgressRow(
                e.GetString("Program") ?? "",
                e.GetString("Objective") ?? "",
                e.GetString("Progress") ?? "",
                e.GetString("AuthorityMeasures") ?? "",
                e.GetString("Recommendations") ?? "",
                e.GetString("Responsible") ?? "",
                e.GetString("Location") ?? ""));
        }

        // Row keys sort in form order: "{section}|{index:D4}" and "{index:D4}".
        return new SubmissionContent(activities, progress);
    }

    // One partition when both service and year are known; otherwise a filter on the stored Service/Year properties.
    private static string? Filter(string? service, int? year, string? extra)
    {
        var parts = new List<string>();
        if (service is not null && year is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {SubmissionKeys.Partition(service, year)}"));
        }
        else if (service is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"Service eq {service}"));
        }
        else if (year is not null)
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
