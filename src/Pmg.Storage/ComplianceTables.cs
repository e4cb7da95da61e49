using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Pmg.Storage;

/// <summary>The tables of the compliance recalculation (NationalResults, AlertLedger), created on first use.</summary>
public sealed class ComplianceTables(TableServiceClient tables, IOptions<PmgStorageOptions> options)
{
    /// <summary>National result per programme: PK <c>{service}|{year}</c>, RK section.</summary>
    public const string NationalResultsName = "NationalResults";

    /// <summary>Alerted activities: PK <c>{service}|{year}|{region}</c>, RK hash of activity and reason.</summary>
    public const string AlertLedgerName = "AlertLedger";

    private readonly TablesCreatedOnce _creation = new(options.Value.CreateIfMissing);

    /// <summary>The NationalResults table.</summary>
    public TableClient NationalResults { get; } = tables.GetTableClient(options.Value.Table(NationalResultsName));

    /// <summary>The AlertLedger table.</summary>
    public TableClient AlertLedger { get; } = tables.GetTableClient(options.Value.Table(AlertLedgerName));

    /// <summary>Creates both tables once per process when missing (unless Pmg:Storage:CreateIfMissing is false).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        _creation.EnsureAsync([NationalResults, AlertLedger], cancellationToken);
}
