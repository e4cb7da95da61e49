using Azure;
using Azure.Data.Tables;
using Pmg.Pipeline.Notifications;
using Pmg.Storage.Ingestion;

namespace Pmg.Storage.Notifications;

/// <summary>
/// The NotificationLedger table: one row per e-mail, partition = notification id (point reads and ETag-checked
/// replaces), row key "n". Failed rows are found by a filtered scan: a few per year, read by <c>pmg status</c>.
/// </summary>
internal sealed class TableNotificationLedger(StorageLayout layout) : INotificationLedger
{
    private const string Row = "n";

    public async Task<NotificationEntry?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = await layout.NotificationLedger.GetEntityIfExistsAsync<TableEntity>(id, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task<NotificationEntry?> TryAddAsync(NotificationEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await layout.NotificationLedger.AddEntityAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(entry.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Notification {entry.Id} conflicted but cannot be read.", e);
        }
    }

    public async Task<string?> TryReplaceAsync(NotificationEntry entry, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var response = await layout.NotificationLedger.UpdateEntityAsync(ToEntity(entry), new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<NotificationEntry>> GetFailedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"State eq {nameof(NotificationState.Failed)}");
        if (service is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Service eq {service}");
        }

        if (year is { } y)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Year eq {y}");
        }

        var failed = await TableQueries.ListAsync(layout.NotificationLedger, filter, FromEntity, cancellationToken).ConfigureAwait(false);
        return failed.OrderByDescending(e => e.UpdatedAt).ToArray();
    }

    private static TableEntity ToEntity(NotificationEntry entry)
    {
        var entity = Columns(entry);
        if (entry.Message is { } message)
        {
            // A digest lists every activity at risk: split across properties (32K characters each) like diagnostics.
            SubmissionEntities.WriteChunked(entity, "Message", message);
        }

        return entity;
    }

    private static TableEntity Columns(NotificationEntry entry) => new(entry.Id, Row)
    {
        ["Kind"] = entry.Kind.ToString(),
        ["SourceId"] = entry.SourceId,
        ["Service"] = entry.Service,
        ["Year"] = entry.Year,
        ["Region"] = entry.RegionCode,
        ["Recipient"] = entry.Recipient,
        ["Subject"] = entry.Subject,
        ["State"] = entry.State.ToString(),
        ["Attempts"] = entry.Attempts,
        ["UpdatedAt"] = entry.UpdatedAt,
        ["SentAt"] = entry.SentAt,
        ["Error"] = entry.Error is { Length: > 8000 } error ? error[..8000] : entry.Error,
    };

    private static NotificationEntry FromEntity(TableEntity entity) => new()
    {
        Id = entity.PartitionKey,
        Kind = Enum.TryParse<NotificationKind>(entity.GetString("Kind"), out var kind) ? kind : NotificationKind.Digest,
        SourceId = entity.GetString("SourceId") ?? "",
        Service = entity.GetString("Service"),
        Year = entity.GetInt32("Year"),
        RegionCode = entity.GetString("Region"),
        Recipient = entity.GetString("Recipient") ?? "",
        Subject = entity.GetString("Subject") ?? "",
        State = Enum.TryParse<NotificationState>(entity.GetString("State"), out var state) ? state : NotificationState.Pending,
        Attempts = entity.GetInt32("Attempts") ?? 0,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? default,
        SentAt = entity.GetDateTimeOffset("SentAt"),
        Error = entity.GetString("Error"),
        ETag = entity.ETag.ToString(),
        Message = SubmissionEntities.ReadChunked(entity, "Message"),
    };
}
