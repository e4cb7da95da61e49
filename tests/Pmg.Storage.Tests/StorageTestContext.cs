using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Storage.Ingestion;
using Pmg.Testing;

namespace Pmg.Storage.Tests;

/// <summary>
/// One test's world: the application wired as a host wires it (<see cref="StorageWorld"/>) over its own tables,
/// containers and queues (a unique prefix), so tests run in parallel and never see each other's data; and the reads a
/// test asserts on, through the real adapters.
/// </summary>
internal sealed class StorageTestContext : IAsyncDisposable
{
    private readonly StorageWorld _world;

    private StorageTestContext(StorageWorld world) => _world = world;

    public IServiceProvider Services => _world.Services;

    public IIngestionService Ingestion => Services.GetRequiredService<IIngestionService>();

    public ISubmissionLedger Ledger => Services.GetRequiredService<ISubmissionLedger>();

    public StorageLayout Layout => _world.Layout;

    public StorageRequestCounter Counter => Services.GetRequiredService<StorageRequestCounter>();

    public static async Task<StorageTestContext> CreateAsync(AzuriteFixture azurite, string services = "SERNAM") =>
        new(await StorageWorld.CreateAsync(azurite, new Dictionary<string, string?> { ["Pmg:Services"] = services }));

    /// <summary>Uploads a form blob as a regional user would; returns what the trigger would see.</summary>
    public async Task<UploadedBlob> UploadAsync(string name, byte[] content, string? uploader = null)
    {
        var blob = Layout.Forms.GetBlobClient(name);
        var metadata = uploader is null ? null : new Dictionary<string, string> { ["uploader"] = uploader };
        var info = (await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata })).Value;
        return new UploadedBlob(name, info.ETag.ToString(), info.LastModified);
    }

    /// <summary>Delivers an uploaded blob to the pipeline, as the blob trigger does (content, ETag, metadata).</summary>
    public async Task<IngestionOutcome> DeliverAsync(UploadedBlob uploaded, DateTimeOffset? uploadedAt = null)
    {
        var blob = Layout.Forms.GetBlobClient(uploaded.Name);
        var download = (await blob.DownloadContentAsync()).Value;
        var incoming = new IncomingBlob(uploaded.Name, uploaded.ETag, download.Content.ToStream(), download.Details.Metadata.AsReadOnly())
        {
            UploadedAt = uploadedAt ?? uploaded.LastModified,
        };
        return await Ingestion.IngestAsync(incoming);
    }

    /// <summary>Each region's current submission as the ledger recorded it, by region code (null filters mean all).</summary>
    public async Task<List<SubmissionRecord>> CurrentAsync(string? service = null, int? year = null)
    {
        var records = new List<SubmissionRecord>();
        foreach (var pointer in await Services.GetRequiredService<ICurrentSubmissionStore>().ListAsync(service, year))
        {
            records.Add((await Ledger.FindAsync(SubmissionKeys.Partition(pointer.Service, pointer.Year), pointer.SubmissionId))!);
        }

        return records.OrderBy(r => r.RegionCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every upload of a service-year in the ledger, newest first (its ledger rows, not the id markers).</summary>
    public async Task<List<SubmissionRecord>> HistoryAsync(string service, int year) =>
        (await StorageWorld.RowsAsync(Layout.Submissions, SubmissionKeys.Partition(service, year)))
            .Where(row => !row.RowKey.StartsWith(SubmissionEntities.MarkerPrefix, StringComparison.Ordinal))
            .Select(SubmissionEntities.FromEntity)
            .ToList();

    /// <summary>A stored version's rows, read back through the one mapper the recalculation uses.</summary>
    public async Task<StoredContent> ContentAsync(string submissionId, string blobName = "SERNAM/2009/CL-TA/f.docx")
    {
        var submission = await Services.GetRequiredService<ISubmissionContentStore>()
            .LoadAsync(new CurrentSubmission("SERNAM", 2009, "CL-TA", submissionId, blobName, "v", DateTimeOffset.UnixEpoch));
        var activities = submission.Programs
            .SelectMany(p => p.Objectives.SelectMany((o, i) => o.Activities.Select(a => new StoredActivity(p.Section.Code(), i + 1, a.Text, a.Unit, a.Weight))))
            .ToList();
        return new StoredContent(activities, submission.ProgressRows);
    }

    public async Task<(string ETag, string Sha256, IDictionary<string, string> Metadata)> SnapshotAsync(string name)
    {
        var blob = Layout.Forms.GetBlobClient(name);
        var download = (await blob.DownloadContentAsync()).Value;
        return (download.Details.ETag.ToString(), Convert.ToHexString(SHA256.HashData(download.Content.ToArray())), download.Details.Metadata);
    }

    public async Task<IDictionary<string, string>> TagsAsync(string name) =>
        (await Layout.Forms.GetBlobClient(name).GetTagsAsync()).Value.Tags;

    /// <summary>Every receipt on the queue (received, so each test reads its own queue once).</summary>
    public async Task<List<Receipt>> ReceiptsAsync()
    {
        var receipts = new List<Receipt>();
        while (true)
        {
            var batch = (await Layout.Receipts.ReceiveMessagesAsync(maxMessages: 32)).Value;
            if (batch.Length == 0)
            {
                return receipts;
            }

            receipts.AddRange(batch.Select(m => ReceiptJson.Deserialize(m.Body.ToString())!));
        }
    }

    /// <summary>The statuses of the current submissions' programmes: the input of the national result.</summary>
    public static List<RegionalStatus> RegionalStatuses(IEnumerable<SubmissionRecord> current) =>
        current.SelectMany(r => r.Programs.Select(p => new RegionalStatus(
            Domain.Regions.RegionCatalog.FindByCode(r.RegionCode!)!,
            SectionExtensions.TryParseCode(p.Section, out var section) ? section : Section.III1,
            ProgramStatusExtensions.ParseLabel(p.Status)))).ToList();

    public static Task<List<TableEntity>> RowsAsync(TableClient table, string partition) => StorageWorld.RowsAsync(table, partition);

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}

/// <summary>An uploaded blob as the trigger sees it.</summary>
internal sealed record UploadedBlob(string Name, string ETag, DateTimeOffset LastModified);

/// <summary>A stored version's activities and III.4 rows, in form order.</summary>
internal sealed record StoredContent(List<StoredActivity> Activities, IReadOnlyList<ProgressRow> ProgressRows);

/// <summary>An activity as read back: its programme, 1-based objective number, text, unit and weight.</summary>
internal sealed record StoredActivity(string Section, int ObjectiveNumber, string Text, string Unit, decimal? Weight);
