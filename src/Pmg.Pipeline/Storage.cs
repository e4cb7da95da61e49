using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;

namespace Pmg.Pipeline;

/// <summary>The ledger of every upload (one row per blob version), which also detects duplicate deliveries.</summary>
public interface ISubmissionLedger
{
    /// <summary>Adds the record; returns null when added, or the record already stored under the same id (a duplicate delivery).</summary>
    Task<SubmissionRecord?> TryAddAsync(SubmissionRecord record, CancellationToken cancellationToken = default);

    /// <summary>Marks a record as fully processed (rows written, pointer switched, receipt queued).</summary>
    Task MarkCompletedAsync(SubmissionRecord record, CancellationToken cancellationToken = default);

    /// <summary>Finds a record by its partition (<see cref="SubmissionRecord.Partition"/>) and id.</summary>
    Task<SubmissionRecord?> FindAsync(string partition, string submissionId, CancellationToken cancellationToken = default);

    /// <summary>Writes (or overwrites) the record as given and marks it completed; used for Failed records.</summary>
    Task ReplaceAsync(SubmissionRecord record, CancellationToken cancellationToken = default);
}

/// <summary>Stores one submission version's rows: activities, III.4 progress rows and regional results.</summary>
public interface ISubmissionContentStore
{
    /// <summary>Writes the version's rows; idempotent (a retry rewrites the same rows).</summary>
    Task SaveAsync(SubmissionRecord record, SubmissionEvaluation evaluation, CancellationToken cancellationToken = default);
}

/// <summary>The pointer from (service, year, region) to its current submission, updated with optimistic concurrency.</summary>
public interface ICurrentSubmissionStore
{
    /// <summary>The current pointer with its ETag, or null when the region has none.</summary>
    Task<CurrentSubmission?> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default);

    /// <summary>Adds the pointer; false when another writer added one first.</summary>
    Task<bool> TryAddAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default);

    /// <summary>Replaces the pointer if its ETag is still <paramref name="etag"/>; false when it changed meanwhile.</summary>
    Task<bool> TryReplaceAsync(CurrentSubmission pointer, string etag, CancellationToken cancellationToken = default);
}

/// <summary>Queues the receipt of an outcome for the uploader and the coordinators.</summary>
public interface IReceiptQueue
{
    /// <summary>Queues one receipt message.</summary>
    Task EnqueueAsync(Receipt receipt, CancellationToken cancellationToken = default);
}

/// <summary>Marks a blob with its outcome without changing its content.</summary>
public interface IBlobTagger
{
    /// <summary>Sets the <c>pmg-outcome</c> mark (accepted, refused, failed) on the blob.</summary>
    Task TagAsync(string blobName, string version, string outcome, CancellationToken cancellationToken = default);
}

/// <summary>Read side for status screens (CLI <c>pmg status</c>, hosts).</summary>
public interface ISubmissionQueries
{
    /// <summary>Per region, the current submission; plus refused and failed uploads with their reasons. Null filters mean all.</summary>
    Task<SubmissionStatusReport> GetStatusAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);

    /// <summary>Every upload recorded for a service and year, newest first.</summary>
    Task<IReadOnlyList<SubmissionRecord>> GetHistoryAsync(string service, int year, CancellationToken cancellationToken = default);

    /// <summary>The activities and III.4 rows stored for one accepted submission (any version, current or history), in form order.</summary>
    Task<SubmissionContent> GetContentAsync(string submissionId, CancellationToken cancellationToken = default);
}

/// <summary>The rows of one stored submission version.</summary>
/// <param name="Activities">Activities of III.1–III.3, in form order.</param>
/// <param name="ProgressRows">III.4 rows, in form order.</param>
public sealed record SubmissionContent(IReadOnlyList<StoredActivity> Activities, IReadOnlyList<StoredProgressRow> ProgressRows);

/// <summary>An activity as stored.</summary>
/// <param name="Section">"III.1", "III.2" or "III.3".</param>
/// <param name="ObjectiveNumber">1-based objective number within the programme.</param>
/// <param name="Objective">The objective's text.</param>
/// <param name="Text">The activity's text.</param>
/// <param name="Unit">Unidad responsable.</param>
/// <param name="Means">Medio de verificación.</param>
/// <param name="Weight">Weight in points, null when blank.</param>
/// <param name="Compliance">The compliance mark.</param>
/// <param name="RawCompliance">The mark as written.</param>
/// <param name="Location">Where it is in the form, in Spanish ("III.1, fila 4").</param>
public sealed record StoredActivity(
    string Section,
    int ObjectiveNumber,
    string Objective,
    string Text,
    string Unit,
    string Means,
    decimal? Weight,
    Pmg.Domain.Model.Compliance Compliance,
    string RawCompliance,
    string Location);

/// <summary>A III.4 row as stored.</summary>
/// <param name="Program">The programme as written.</param>
/// <param name="Objective">The objective.</param>
/// <param name="Progress">Avance.</param>
/// <param name="AuthorityMeasures">Medidas de la autoridad.</param>
/// <param name="Recommendations">Recomendaciones.</param>
/// <param name="Responsible">Responsable.</param>
/// <param name="Location">Where it is in the form.</param>
public sealed record StoredProgressRow(string Program, string Objective, string Progress, string AuthorityMeasures, string Recommendations, string Responsible, string Location);

/// <summary>One upload as recorded in the ledger.</summary>
public sealed record SubmissionRecord
{
    /// <summary>Deterministic id from blob name and version.</summary>
    public required string Id { get; init; }

    /// <summary>Blob name in the forms container.</summary>
    public required string BlobName { get; init; }

    /// <summary>Blob version (ETag or version id).</summary>
    public required string BlobVersion { get; init; }

    /// <summary>Service from the path, when parsed.</summary>
    public string? Service { get; init; }

    /// <summary>Year from the path, when parsed.</summary>
    public int? Year { get; init; }

    /// <summary>Region ISO code, when resolved.</summary>
    public string? RegionCode { get; init; }

    /// <summary>When the blob was uploaded.</summary>
    public required DateTimeOffset UploadedAt { get; init; }

    /// <summary>When it was processed.</summary>
    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>Accepted, Refused or Failed.</summary>
    public required IngestionStatus Outcome { get; init; }

    /// <summary>All diagnostics (Spanish messages).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Score summary per programme (accepted only).</summary>
    public IReadOnlyList<ProgramSummary> Programs { get; init; } = [];

    /// <summary>Who uploaded it (blob metadata <c>uploader</c>), if known.</summary>
    public string? Uploader { get; init; }

    /// <summary>True once every step of the outcome is done; a duplicate delivery of an incomplete record resumes it.</summary>
    public bool Completed { get; init; }

    /// <summary>The ledger partition: <c>{service}|{year}</c>, or <see cref="SubmissionKeys.UnparsedPartition"/>.</summary>
    public string Partition => SubmissionKeys.Partition(Service, Year);

    /// <summary>The file name (last path segment).</summary>
    public string FileName => BlobName[(BlobName.LastIndexOf('/') + 1)..];

    /// <summary>Error diagnostics as "message (location)" lines: the refusal or failure reasons.</summary>
    public IReadOnlyList<string> Reasons => Diagnostics.Where(d => d.Severity == Severity.Error).Select(SubmissionKeys.Describe).ToArray();
}

/// <summary>A programme's score, as stored with the submission.</summary>
/// <param name="Section">"III.1", "III.2", "III.3".</param>
/// <param name="Status">"CUMPLE", "NO CUMPLE", "PENDIENTE", "INVALIDO".</param>
/// <param name="Performance">Unrounded performance, null when INVALIDO or nothing to weigh.</param>
/// <param name="WeightTotal">Sum of weights in points.</param>
/// <param name="EarnedWeight">Earned weight in points.</param>
/// <param name="Objectives">Number of objectives.</param>
/// <param name="Activities">Number of activities.</param>
public sealed record ProgramSummary(string Section, string Status, decimal? Performance, decimal WeightTotal, decimal EarnedWeight, int Objectives, int Activities)
{
    /// <summary>Performance rounded half-up to two decimals.</summary>
    public decimal? DisplayPerformance => Performance is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;
}

/// <summary>The pointer to a region's current submission.</summary>
public sealed record CurrentSubmission(
    string Service,
    int Year,
    string RegionCode,
    string SubmissionId,
    string BlobName,
    string BlobVersion,
    DateTimeOffset UploadedAt)
{
    /// <summary>The stored row's ETag, when read from the store.</summary>
    public string? ETag { get; init; }

    /// <summary>Whether this pointer's upload is newer than <paramref name="other"/>'s (upload time, then id to break ties).</summary>
    public bool IsNewerThan(CurrentSubmission other) =>
        UploadedAt != other.UploadedAt ? UploadedAt > other.UploadedAt : string.CompareOrdinal(SubmissionId, other.SubmissionId) > 0;
}

/// <summary>The receipt queued for every outcome (JSON on the <c>receipts</c> queue).</summary>
/// <param name="SubmissionId">Submission id.</param>
/// <param name="BlobName">Blob name.</param>
/// <param name="Service">Service, when parsed.</param>
/// <param name="Year">Year, when parsed.</param>
/// <param name="Region">Region ISO code, when resolved.</param>
/// <param name="Outcome">"accepted", "refused" or "failed".</param>
/// <param name="Warnings">Number of warnings.</param>
/// <param name="Reasons">Refusal/failure/error reasons in Spanish.</param>
/// <param name="Uploader">Blob metadata <c>uploader</c>, if present.</param>
public sealed record Receipt(
    string SubmissionId,
    string BlobName,
    string? Service,
    int? Year,
    string? Region,
    string Outcome,
    int Warnings,
    IReadOnlyList<string> Reasons,
    string? Uploader);

/// <summary>The status of submissions for a status screen.</summary>
/// <param name="Current">Per (service, year, region), the current submission.</param>
/// <param name="Problems">Refused and failed uploads, newest first.</param>
public sealed record SubmissionStatusReport(IReadOnlyList<SubmissionRecord> Current, IReadOnlyList<SubmissionRecord> Problems)
{
    /// <summary>The current status of every programme in every region of one service and year: the input of the national result.</summary>
    public IReadOnlyList<RegionalStatus> RegionalStatuses(string service, int year)
    {
        var statuses = new List<RegionalStatus>();
        foreach (var record in Current.Where(r => string.Equals(r.Service, service, StringComparison.OrdinalIgnoreCase) && r.Year == year))
        {
            if (record.RegionCode is null || RegionCatalog.FindByCode(record.RegionCode) is not { } region)
            {
                continue;
            }

            foreach (var program in record.Programs)
            {
                if (SectionExtensions.TryParseCode(program.Section, out var section))
                {
                    statuses.Add(new RegionalStatus(region, section, ProgramStatusExtensions.ParseLabel(program.Status)));
                }
            }
        }

        return statuses;
    }
}

/// <summary>The JSON form of a <see cref="Receipt"/> on the receipts queue (camelCase, accents kept readable).</summary>
public static class ReceiptJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes a receipt.</summary>
    public static string Serialize(Receipt receipt) => System.Text.Json.JsonSerializer.Serialize(receipt, Options);

    /// <summary>Deserializes a receipt; null when the text is not one.</summary>
    public static Receipt? Deserialize(string json) => System.Text.Json.JsonSerializer.Deserialize<Receipt>(json, Options);
}
