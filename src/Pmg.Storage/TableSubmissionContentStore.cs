using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline;

namespace Pmg.Storage;

/// <summary>
/// Writes one submission version's rows: Activities (one row per programme, then its activities) and ProgressRows (PK = submission id, so each version is one
/// partition written in entity-group transactions of ≤ 100) and RegionalResults (PK <c>{service}|{year}</c>,
/// RK <c>{region}|{section}|{submission id}</c>). Upserts, so a retried delivery rewrites the same rows.
/// </summary>
internal sealed class TableSubmissionContentStore(StorageLayout layout) : ISubmissionContentStore
{
    private const int MaxBatch = 100;
    private const long MaxBatchBytes = 3L * 1024 * 1024;

    public async Task SaveAsync(SubmissionRecord record, SubmissionEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(evaluation);
        await SubmitAsync(layout.Activities, ActivityEntities(record, evaluation.Submission), cancellationToken).ConfigureAwait(false);
        await SubmitAsync(layout.ProgressRows, ProgressEntities(record, evaluation.Submission), cancellationToken).ConfigureAwait(false);
        await SubmitAsync(layout.RegionalResults, ResultEntities(record, evaluation), cancellationToken).ConfigureAwait(false);
    }

    private static async Task SubmitAsync(TableClient table, List<TableEntity> entities, CancellationToken cancellationToken)
    {
        // A transaction holds at most 100 entities and 4 MiB: cut on whichever comes first.
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

            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
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

    private static List<TableEntity> ActivityEntities(SubmissionRecord record, Submission submission)
    {
        var entities = new List<TableEntity>();
        foreach (var program in submission.Programs)
        {
            entities.Add(ProgramEntity(record, program));
            var index = 0;
            for (var o = 0; o < program.Objectives.Count; o++)
            {
                var objective = program.Objectives[o];
                foreach (var activity in objective.Activities)
                {
                    index++;
                    entities.Add(new TableEntity(record.Id, string.Create(CultureInfo.InvariantCulture, $"{program.Section.Code()}|{index:D4}"))
                    {
                        ["Service"] = record.Service,
                        ["Year"] = record.Year,
                        ["Region"] = record.RegionCode,
                        ["Section"] = program.Section.Code(),
                        ["ObjectiveIndex"] = o + 1,
                        ["Objective"] = Clip(objective.Text),
                        ["Category"] = objective.Category,
                        ["Text"] = Clip(activity.Text),
                        ["Unit"] = Clip(activity.Unit),
                        ["Means"] = Clip(activity.Means),
                        ["Weight"] = Number(activity.Weight),
                        ["RawWeight"] = Clip(activity.RawWeight),
                        ["Compliance"] = activity.Compliance.ToString(),
                        ["RawCompliance"] = Clip(activity.RawCompliance),
                        ["DeclaredEarned"] = Number(activity.DeclaredEarned),
                        ["Location"] = activity.Location.ToString(),
                        ["Row"] = activity.Location.Row,
                        ["Cells"] = JsonSerializer.Serialize(activity.Cells),
                    });
                }
            }
        }

        return entities;
    }

    // The programme's own row ("{section}|0000", before its activities): what the rules need besides the activities.
    private static TableEntity ProgramEntity(SubmissionRecord record, WorkProgram program) =>
        new(record.Id, ProgramRowKey(program.Section.Code()))
        {
            ["Service"] = record.Service,
            ["Year"] = record.Year,
            ["Region"] = record.RegionCode,
            ["Section"] = program.Section.Code(),
            ["Kind"] = ProgramKind,
            ["Row"] = program.Location.Row,
            ["RawDeclaredPerformance"] = Clip(program.RawDeclaredPerformance),
            ["DeclaredPerformance"] = Number(program.DeclaredPerformance),
            ["DeclaredPerformanceRow"] = program.DeclaredPerformanceLocation?.Row,
            ["DeclaredPerformanceCell"] = program.DeclaredPerformanceLocation?.Cell,
            ["HasDeclaredPerformance"] = program.DeclaredPerformanceLocation is not null,
        };

    private static List<TableEntity> ProgressEntities(SubmissionRecord record, Submission submission) =>
        submission.ProgressRows.Select((row, i) => new TableEntity(record.Id, (i + 1).ToString("D4", CultureInfo.InvariantCulture))
        {
            ["Service"] = record.Service,
            ["Year"] = record.Year,
            ["Region"] = record.RegionCode,
            ["Program"] = Clip(row.Program),
            ["Objective"] = Clip(row.Objective),
            ["Progress"] = Clip(row.Progress),
            ["AuthorityMeasures"] = Clip(row.AuthorityMeasures),
            ["Recommendations"] = Clip(row.Recommendations),
            ["Responsible"] = Clip(row.Responsible),
            ["Location"] = row.Location.ToString(),
        }).ToList();

    private static List<TableEntity> ResultEntities(SubmissionRecord record, SubmissionEvaluation evaluation) =>
        evaluation.Programs.Select(p => new TableEntity(record.Partition, ResultRowKey(record.RegionCode!, p.Section.Code(), record.Id))
        {
            ["Service"] = record.Service,
            ["Year"] = record.Year,
            ["Region"] = record.RegionCode,
            ["Section"] = p.Section.Code(),
            ["SubmissionId"] = record.Id,
            ["UploadedTicks"] = record.UploadedAt.UtcTicks,
            ["Status"] = p.Status.Label(),
            ["Performance"] = Number(p.Performance),
            ["DisplayPerformance"] = p.DisplayPerformance?.ToString("0.00", CultureInfo.InvariantCulture),
            ["WeightTotal"] = Number(p.WeightTotal),
            ["EarnedWeight"] = Number(p.EarnedWeight),
            ["Objectives"] = p.Objectives,
            ["Activities"] = p.Activities,
        }).ToList();

    /// <summary>The <c>Kind</c> of a programme row in Activities; activity rows have none.</summary>
    internal const string ProgramKind = "Program";

    /// <summary>A programme row's key: index 0 of its section, so it sorts before the section's activities.</summary>
    internal static string ProgramRowKey(string section) => section + "|0000";

    /// <summary>Whether an Activities row is a programme row rather than an activity.</summary>
    internal static bool IsProgramRow(TableEntity entity) => entity.GetString("Kind") == ProgramKind;

    internal static string ResultRowKey(string region, string section, string submissionId) => region + "|" + section + "|" + submissionId;

    // Tables have no decimal type: store the exact decimal text (scale kept), never a double.
    internal static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    // A property holds at most 32 K characters; form cells are far shorter, a hostile one is cut.
    private static string? Clip(string? text) => text is { Length: > 30_000 } ? text[..30_000] : text;
}
