using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Pipeline.Ingestion;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Storage.Ingestion;

/// <summary>
/// The one owner of the Activities and ProgressRows rows (PK = submission id, so each version is one partition):
/// written here once, in entity-group transactions of ≤ 100 (upserts, so a retried delivery rewrites the same rows),
/// and read back here into the <see cref="Submission"/> the rules score.
/// </summary>
internal sealed class TableSubmissionContentStore(StorageLayout layout) : ISubmissionContentStore
{
    /// <summary>The <c>Kind</c> of a programme row in Activities; activity rows have none.</summary>
    internal const string ProgramKind = "Program";

    public async Task SaveAsync(SubmissionRecord record, Submission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(submission);
        await TableBatches.UpsertAsync(layout.Activities, ActivityEntities(record, submission), cancellationToken).ConfigureAwait(false);
        await TableBatches.UpsertAsync(layout.ProgressRows, ProgressEntities(record, submission), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Submission> LoadAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var activities = await TableQueries.PartitionAsync(layout.Activities, pointer.SubmissionId, e => e, cancellationToken).ConfigureAwait(false);
        var progress = await TableQueries.PartitionAsync(layout.ProgressRows, pointer.SubmissionId, ToProgressRow, cancellationToken).ConfigureAwait(false);

        // Row keys sort in form order: "{section}|{index:D4}" and "{index:D4}".
        return new Submission
        {
            Service = pointer.Service,
            Year = pointer.Year,
            Region = RegionCatalog.FindByCode(pointer.RegionCode),
            SourceFile = pointer.BlobName[(pointer.BlobName.LastIndexOf('/') + 1)..],
            Programs = Programs(activities),
            ProgressRows = progress,
        };
    }

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
                        ["Objective"] = TableValues.Clip(objective.Text),
                        ["Category"] = objective.Category,
                        ["Text"] = TableValues.Clip(activity.Text),
                        ["Unit"] = TableValues.Clip(activity.Unit),
                        ["Means"] = TableValues.Clip(activity.Means),
                        ["Weight"] = TableValues.Number(activity.Weight),
                        ["RawWeight"] = TableValues.Clip(activity.RawWeight),
                        ["Compliance"] = activity.Compliance.ToString(),
                        ["RawCompliance"] = TableValues.Clip(activity.RawCompliance),
                        ["DeclaredEarned"] = TableValues.Number(activity.DeclaredEarned),
                        ["Location"] = activity.Location.ToString(),
                        ["Row"] = activity.Location.Row,
                        ["Cells"] = JsonSerializer.Serialize(activity.Cells, StorageJsonContext.Rows.IReadOnlyDictionaryStringString),
                    });
                }
            }
        }

        return entities;
    }

    // The programme's own row ("{section}|0000", before its activities): what the rules need besides the activities.
    private static TableEntity ProgramEntity(SubmissionRecord record, WorkProgram program) =>
        new(record.Id, program.Section.Code() + "|0000")
        {
            ["Service"] = record.Service,
            ["Year"] = record.Year,
            ["Region"] = record.RegionCode,
            ["Section"] = program.Section.Code(),
            ["Kind"] = ProgramKind,
            ["Row"] = program.Location.Row,
            ["RawDeclaredPerformance"] = TableValues.Clip(program.RawDeclaredPerformance),
            ["DeclaredPerformance"] = TableValues.Number(program.DeclaredPerformance),
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
            ["Program"] = TableValues.Clip(row.Program),
            ["Objective"] = TableValues.Clip(row.Objective),
            ["Progress"] = TableValues.Clip(row.Progress),
            ["AuthorityMeasures"] = TableValues.Clip(row.AuthorityMeasures),
            ["Recommendations"] = TableValues.Clip(row.Recommendations),
            ["Responsible"] = TableValues.Clip(row.Responsible),
            ["Location"] = row.Location.ToString(),
        }).ToList();

    private static ProgressRow ToProgressRow(TableEntity e) => new()
    {
        Program = e.GetString("Program") ?? "",
        Objective = e.GetString("Objective") ?? "",
        Progress = e.GetString("Progress") ?? "",
        AuthorityMeasures = e.GetString("AuthorityMeasures") ?? "",
        Recommendations = e.GetString("Recommendations") ?? "",
        Responsible = e.GetString("Responsible") ?? "",
        Location = new SourceLocation(Section.III4, int.TryParse(e.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null),
    };

    private static bool IsProgramRow(TableEntity entity) => entity.GetString("Kind") == ProgramKind;

    // Activities holds one row per programme (declared performance; absent in rows written before it existed) and
    // one per activity; a programme without activities is rebuilt from its own row alone, as the form had it.
    private static List<WorkProgram> Programs(List<TableEntity> rows)
    {
        var programRows = rows.Where(IsProgramRow).ToDictionary(e => e.GetString("Section") ?? "", StringComparer.Ordinal);
        var activities = rows.Where(e => !IsProgramRow(e)).ToLookup(e => e.GetString("Section") ?? "", StringComparer.Ordinal);
        var programs = new List<WorkProgram>();
        foreach (var key in programRows.Keys.Union(activities.Select(g => g.Key)).Order(StringComparer.Ordinal))
        {
            if (!SectionExtensions.TryParseCode(key, out var code))
            {
                continue;
            }

            var objectives = activities[key]
                .GroupBy(e => e.GetInt32("ObjectiveIndex") ?? 0)
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    var ordered = g.OrderBy(e => e.RowKey, StringComparer.Ordinal).ToList();
                    return new Objective
                    {
                        Text = ordered[0].GetString("Objective") ?? "",
                        Category = ordered[0].GetString("Category"),
                        Location = new SourceLocation(code, ordered[0].GetInt32("Row")),
                        Activities = ordered.Select(e => ToActivity(code, e)).ToArray(),
                    };
                })
                .ToArray();
            var program = new WorkProgram { Section = code, Objectives = objectives, Location = new SourceLocation(code) };
            programs.Add(programRows.TryGetValue(key, out var row) ? WithProgramRow(program, row) : program);
        }

        return programs;
    }

    private static WorkProgram WithProgramRow(WorkProgram program, TableEntity row) => program with
    {
        Location = new SourceLocation(program.Section, row.GetInt32("Row")),
        RawDeclaredPerformance = row.GetString("RawDeclaredPerformance") ?? "",
        DeclaredPerformance = TableValues.Decimal(row.GetString("DeclaredPerformance")),
        DeclaredPerformanceLocation = row.GetBoolean("HasDeclaredPerformance") == true
            ? new SourceLocation(program.Section, row.GetInt32("DeclaredPerformanceRow"), Columns.DeclaredPerformance, row.GetString("DeclaredPerformanceCell"))
            : null,
    };

    private static Activity ToActivity(Section section, TableEntity e) => new()
    {
        Text = e.GetString("Text") ?? "",
        Unit = e.GetString("Unit") ?? "",
        Means = e.GetString("Means") ?? "",
        Weight = TableValues.Decimal(e.GetString("Weight")),
        RawWeight = e.GetString("RawWeight") ?? "",
        Compliance = Enum.TryParse<Mark>(e.GetString("Compliance"), out var compliance) ? compliance : Mark.Unrecognised,
        RawCompliance = e.GetString("RawCompliance") ?? "",
        DeclaredEarned = TableValues.Decimal(e.GetString("DeclaredEarned")),
        Location = new SourceLocation(section, e.GetInt32("Row")),
        Cells = Cells(e.GetString("Cells")),
    };

    private static Dictionary<string, string> Cells(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(json, StorageJsonContext.Rows.DictionaryStringString) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
