using System.Globalization;
using Azure.Data.Tables;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage.Compliance;

/// <summary>
/// The one owner of the RegionalResults rows: PK <c>{service}|{year}</c>; per submission version one row per
/// programme (RK <c>{region}|{section}|{id}</c>) and its summary (RK <c>{region}|summary|{id}</c>, <c>Kind=Summary</c>),
/// merged in one transaction so a re-score leaves what it does not know (the filing) as ingestion wrote it.
/// </summary>
internal sealed class TableRegionalResultStore(StorageLayout layout) : IRegionalResultStore
{
    private const string SummaryKind = "Summary";

    public async Task SaveAsync(CurrentSubmission version, IReadOnlyList<ProgramResult> programs, int atRiskActivities, SubmissionFiling? filing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(programs);
        var partition = SubmissionKeys.Partition(version.Service, version.Year);
        var rows = programs.Select(p => new TableEntity(partition, RowKey(version.RegionCode, p.Section.Code(), version.SubmissionId))
        {
            ["Service"] = version.Service,
            ["Year"] = version.Year,
            ["Region"] = version.RegionCode,
            ["Section"] = p.Section.Code(),
            ["SubmissionId"] = version.SubmissionId,
            ["UploadedTicks"] = version.UploadedAt.UtcTicks,
            ["Status"] = p.Status.Label(),
            ["Performance"] = TableValues.Number(p.Performance),
            ["DisplayPerformance"] = p.DisplayPerformance?.ToString("0.00", CultureInfo.InvariantCulture),
            ["WeightTotal"] = TableValues.Number(p.WeightTotal),
            ["EarnedWeight"] = TableValues.Number(p.EarnedWeight),
            ["LostWeight"] = TableValues.Number(p.LostWeight),
            ["Objectives"] = p.Objectives,
            ["Activities"] = p.Activities,
        }).ToList();

        var summary = new TableEntity(partition, RowKey(version.RegionCode, "summary", version.SubmissionId))
        {
            ["Kind"] = SummaryKind,
            ["Service"] = version.Service,
            ["Year"] = version.Year,
            ["Region"] = version.RegionCode,
            ["SubmissionId"] = version.SubmissionId,
            ["UploadedTicks"] = version.UploadedAt.UtcTicks,
            ["AtRiskActivities"] = atRiskActivities,
        };
        if (filing is not null)
        {
            summary["BlobName"] = version.BlobName;
            summary["Uploader"] = filing.Uploader;
            summary["Errors"] = filing.Errors;
            summary["Warnings"] = filing.Warnings;
            summary["Filed"] = true;
        }

        rows.Add(summary);
        await TableBatches.SubmitAsync(layout.RegionalResults, rows, TableTransactionActionType.UpsertMerge, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredRegionalResults>> ListAsync(string service, int year, CancellationToken cancellationToken = default)
    {
        var rows = await TableQueries.PartitionAsync(layout.RegionalResults, SubmissionKeys.Partition(service, year), e => e, cancellationToken).ConfigureAwait(false);
        return rows
            .GroupBy(e => (Region: e.GetString("Region") ?? "", Id: e.GetString("SubmissionId") ?? ""))
            .Select(version =>
            {
                var summary = version.FirstOrDefault(e => e.GetString("Kind") == SummaryKind);
                var filing = summary?.GetBoolean("Filed") == true
                    ? new SubmissionFiling(summary.GetString("Uploader"), summary.GetInt32("Errors") ?? 0, summary.GetInt32("Warnings") ?? 0)
                    : null;
                var programs = version.Where(e => e.GetString("Kind") != SummaryKind).Select(ToProgram).ToArray();
                return new StoredRegionalResults(version.Key.Region, version.Key.Id, programs, summary?.GetInt32("AtRiskActivities"), filing);
            })
            .ToArray();
    }

    private static ProgramSummary ToProgram(TableEntity e) => new(
        e.GetString("Section") ?? "",
        e.GetString("Status") ?? "",
        TableValues.Decimal(e.GetString("Performance")),
        TableValues.Decimal(e.GetString("WeightTotal")) ?? 0m,
        TableValues.Decimal(e.GetString("EarnedWeight")) ?? 0m,
        e.GetInt32("Objectives") ?? 0,
        e.GetInt32("Activities") ?? 0);

    private static string RowKey(string region, string section, string submissionId) => region + "|" + section + "|" + submissionId;
}
