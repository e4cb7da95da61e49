using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Recalculation;

namespace Pmg.Storage;

/// <summary>AlertLedger rows: PK <c>{service}|{year}|{region}</c>, RK the item's hash; written in transactions of ≤ 100.</summary>
internal sealed class TableAlertLedger(ComplianceTables tables) : IAlertLedger
{
    public async Task<IReadOnlyList<AlertLedgerEntry>> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(service, year, regionCode)}");
        var entries = new List<AlertLedgerEntry>();
        await foreach (var e in tables.AlertLedger.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
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
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
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
            await tables.AlertLedger.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Partition(string service, int year, string regionCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{service}|{year}|{regionCode}");
}

/// <summary>Sends alert digests as JSON on the alerts queue, trimming items so a message fits 64 KiB after Base64.</summary>
internal sealed class StorageAlertQueue(StorageLayout layout) : IAlertQueue
{
    private const int MaxJsonBytes = 45_000;

    public async Task EnqueueAsync(AlertDigestMessage digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var json = AlertDigestJson.Serialize(digest);
        for (var keep = digest.Items.Count / 2; System.Text.Encoding.UTF8.GetByteCount(json) > MaxJsonBytes && keep >= 1; keep /= 2)
        {
            // A region with hundreds of items: the first ones are sent; the report lists them all.
            json = AlertDigestJson.Serialize(digest with { Items = digest.Items.Take(keep).ToArray() });
        }

        await layout.Alerts.SendMessageAsync(json, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Uploads report workbooks to the reports container.</summary>
internal sealed class BlobReportStore(StorageLayout layout) : IReportStore
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = XlsxContentType } };
        await layout.Reports.GetBlobClient(name).UploadAsync(new BinaryData(content), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReport>> ListAsync(string service, int year, CancellationToken cancellationToken = default)
    {
        var folder = string.Create(CultureInfo.InvariantCulture, $"{service}/{year}/");
        var reports = new List<StoredReport>();
        try
        {
            await foreach (var blob in layout.Reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder, cancellationToken).ConfigureAwait(false))
            {
                reports.Add(new StoredReport(blob.Name, blob.Name[folder.Length..], blob.Properties.LastModified ?? DateTimeOffset.MinValue, blob.Properties.ContentLength ?? 0));
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return [];
        }

        // Timestamped names sort by time; latest.xlsx, the copy of the newest, comes first.
        return reports.OrderBy(r => r.FileName == "latest.xlsx" ? 0 : 1).ThenByDescending(r => r.FileName, StringComparer.Ordinal).ToList();
    }

    public async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await layout.Reports.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
