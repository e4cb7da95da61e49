using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage.Ingestion;

/// <summary>CurrentSubmissions: PK <c>{service}|{year}</c>, RK region code; switched with ETag-checked updates.</summary>
internal sealed class TableCurrentSubmissionStore(StorageLayout layout) : ICurrentSubmissionStore
{
    private TableClient Table => layout.CurrentSubmissions;

    public async Task<CurrentSubmission?> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(SubmissionKeys.Partition(service, year), regionCode, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task<IReadOnlyList<CurrentSubmission>> ListAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        await TableQueries.ListAsync(Table, TableQueries.ServiceYearFilter(service, year), FromEntity, cancellationToken).ConfigureAwait(false);

    public async Task<bool> TryAddAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(pointer), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(CurrentSubmission pointer, string etag, CancellationToken cancellationToken = default)
    {
        try
        {
            await Table.UpdateEntityAsync(ToEntity(pointer), new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(CurrentSubmission pointer) => new(SubmissionKeys.Partition(pointer.Service, pointer.Year), pointer.RegionCode)
    {
        ["Service"] = pointer.Service,
        ["Year"] = pointer.Year,
        ["SubmissionId"] = pointer.SubmissionId,
        ["BlobName"] = pointer.BlobName,
        ["BlobVersion"] = pointer.BlobVersion,
        ["UploadedAt"] = pointer.UploadedAt,
        ["UploadedTicks"] = pointer.UploadedAt.UtcTicks,
        ["RecordedTicks"] = pointer.RecordedAt?.UtcTicks,
    };

    private static CurrentSubmission FromEntity(TableEntity entity) => new(
        entity.GetString("Service"),
        entity.GetInt32("Year") ?? int.Parse(entity.PartitionKey[(entity.PartitionKey.IndexOf('|') + 1)..], CultureInfo.InvariantCulture),
        entity.RowKey,
        entity.GetString("SubmissionId"),
        entity.GetString("BlobName"),
        entity.GetString("BlobVersion"),
        new DateTimeOffset(entity.GetInt64("UploadedTicks") ?? 0, TimeSpan.Zero))
    {
        RecordedAt = entity.GetInt64("RecordedTicks") is { } recorded ? new DateTimeOffset(recorded, TimeSpan.Zero) : null,
        ETag = entity.ETag.ToString(),
    };
}
