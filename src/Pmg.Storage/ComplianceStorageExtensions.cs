using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pmg.Pipeline.Recalculation;

namespace Pmg.Storage;

/// <summary>Registers the compliance recalculation over Azure Storage.</summary>
public static class ComplianceStorageExtensions
{
    /// <summary>
    /// Adds <see cref="IComplianceService"/> with its table, queue and blob adapters (NationalResults, AlertLedger,
    /// the alerts queue, the reports container). Call after AddPmgPipeline and AddPmgStorage.
    /// </summary>
    public static IServiceCollection AddPmgComplianceStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<ComplianceTables>();
        services.TryAddSingleton<IComplianceStore, TableComplianceStore>();
        services.TryAddSingleton<IAlertLedger, TableAlertLedger>();
        services.TryAddSingleton<IAlertQueue, StorageAlertQueue>();
        services.TryAddSingleton<IReportStore, BlobReportStore>();
        services.AddPmgCompliance();
        return services;
    }
}
