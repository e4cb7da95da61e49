using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Pipeline;
using Pmg.Pipeline.Recalculation;

namespace Pmg.Storage;

/// <summary>
/// The recalculation's reads and writes: pointers from CurrentSubmissions (one query per service-year partition),
/// submissions rebuilt from Activities (programme and activity rows) and ProgressRows (one partition query each), RegionalResults rows of the
/// scored version (merge), NationalResults with ETag-checked writes.
/// </summary>
internal sealed class TableComplianceStore(StorageLayout layout, ComplianceTables tables) : IComplianceStore
{
    public async Task<IReadOnlyList<CurrentSubmission>> ListCurrentAsync(string? service, int? year, CancellationToken cancellationToken = default)
    {
        string? filter = (service, year) switch
        {
            ({ } s, { } y) => TableClient.CreateQueryFilter($"PartitionKey eq {SubmissionKeys.Partition(s, y)}"),
            ({ } s, null) => TableClient.CreateQueryFilter($"PartitionKey ge {s + "|"} and PartitionKey lt {s + "}"}"),
            (null, { } y) => TableClient.CreateQueryFilter($"Year eq {y}"),
            _ => null,
        };
        var pointers = new List<CurrentSubmission>();
        await foreach (var entity in layout.CurrentSubmissions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            pointers.Add(TableCurrentSubmissionStore.FromEntity(entity));
        }

        return pointers;
    }

    public async Task<Submission> LoadSubmissionAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pointer.SubmissionId}");
        var activities = new List<TableEntity>();
        await foreach (var entity in layout.Activities.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            activities.Add(entity);
        }

        var progress = new List<ProgressRow>();
        await foreach (var e in layout.ProgressRows.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            progress.Add(new ProgressRow
            {
                Program = e.GetString("Program") ?? "",
                Objective = e.GetString("Objective") ?? "",
                Progress = e.GetString("Progress") ?? "",
                AuthorityMeasures = e.GetString("AuthorityMeasures") ?? "",
                Recommendations = e.GetString("Recommendations") ?? "",
                Responsible = e.GetString("Responsible") ?? "",
                Location = new SourceLocation(Section.III4, RowNumber(e.RowKey)),
            });
        }

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

    public async Task SaveRegionalResultsAsync(CurrentSubmission pointer, SubmissionEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        ArgumentNullException.ThrowIfNull(evaluation);
        var actions = evaluation.Programs.Select(p => new TableTransactionAction(
            TableTransactionActionType.UpsertMerge,
            new TableEntity(SubmissionKeys.Partition(pointer.Service, pointer.Year), TableSubmissionContentStore.ResultRowKey(pointer.RegionCode, p.Section.Code(), pointer.SubmissionId))
            {
                ["Service"] = pointer.Service,
                ["Year"] = pointer.Year,
                ["Region"] = pointer.RegionCode,
                ["Section"] = p.Section.Code(),
                ["SubmissionId"] = pointer.SubmissionId,
                ["UploadedTicks"] = pointer.UploadedAt.UtcTicks,
                ["Status"] = p.Status.Label(),
                ["Performance"] = TableSubmissionContentStore.Number(p.Performance),
                ["DisplayPerformance"] = p.DisplayPerformance?.ToString("0.00", CultureInfo.InvariantCulture),
                ["WeightTotal"] = TableSubmissionContentStore.Number(p.WeightTotal),
                ["EarnedWeight"] = TableSubmissionContentStore.Number(p.EarnedWeight),
                ["LostWeight"] = TableSubmissionContentStore.Number(p.LostWeight),
                ["Objectives"] = p.Objectives,
                ["Activities"] = p.Activities,
            })).ToList();
        if (actions.Count > 0)
        {
            await layout.RegionalResults.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<StoredNationalResult>> GetNationalResultsAsync(string service, int year, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SubmissionKeys.Partition(service, year)}");
        var results = new List<StoredNationalResult>();
        await foreach (var e in tables.NationalResults.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            results.Add(new StoredNationalResult(
                e.GetString("Service") ?? service,
                e.GetInt32("Year") ?? year,
                e.RowKey,
                e.GetString("Status") ?? "",
                e.GetInt32("Regions") ?? 0,
                e.GetInt32("Complying") ?? 0,
                e.GetString("Missing") ?? "",
                e.GetString("Basis") ?? "",
                e.GetDateTimeOffset("CalculatedAt") ?? default)
            {
                ETag = e.ETag.ToString(),
            });
        }

        return results;
    }

    public async Task<bool> TrySaveNationalResultAsync(StoredNationalResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(SubmissionKeys.Partition(result.Service, result.Year), result.Section)
        {
            ["Service"] = result.Service,
            ["Year"] = result.Year,
            ["Status"] = result.Status,
            ["Regions"] = result.Regions,
            ["Complying"] = result.Complying,
            ["Missing"] = result.Missing,
            ["Basis"] = result.Basis.Length > 30_000 ? result.Basis[..30_000] : result.Basis,
            ["CalculatedAt"] = result.CalculatedAt,
        };
        try
        {
            if (result.ETag is null)
            {
                await tables.NationalResults.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await tables.NationalResults.UpdateEntityAsync(entity, new ETag(result.ETag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    // Activities holds one row per programme (declared performance; absent in rows written before it existed) and
    // one per activity; a programme without activities is rebuilt from its own row alone, as the form had it.
    private static List<WorkProgram> Programs(List<TableEntity> rows)
    {
        var programRows = rows.Where(TableSubmissionContentStore.IsProgramRow).ToDictionary(e => e.GetString("Section") ?? "", StringComparer.Ordinal);
        var activities = rows.Where(e => !TableSubmissionContentStore.IsProgramRow(e)).ToLookup(e => e.GetString("Section") ?? "", StringComparer.Ordinal);
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
        DeclaredPerformance = Decimal(row.GetString("DeclaredPerformance")),
        DeclaredPerformanceLocation = row.GetBoolean("HasDeclaredPerformance") == true
            ? new SourceLocation(program.Section, row.GetInt32("DeclaredPerformanceRow"), Columns.DeclaredPerformance, row.GetString("DeclaredPerformanceCell"))
            : null,
    };

    private static Activity ToActivity(Section section, TableEntity e) => new()
    {
        Text = e.GetString("Text") ?? "",
        Unit = e.GetString("Unit") ?? "",
        Means = e.GetString("Means") ?? "",
        Weight = Decimal(e.GetString("Weight")),
        RawWeight = e.GetString("RawWeight") ?? "",
        Compliance = Enum.TryParse<Compliance>(e.GetString("Compliance"), out var compliance) ? compliance : Compliance.Unrecognised,
        RawCompliance = e.GetString("RawCompliance") ?? "",
        DeclaredEarned = Decimal(e.GetString("DeclaredEarned")),
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
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static decimal? Decimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? RowNumber(string rowKey) =>
        int.TryParse(rowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
