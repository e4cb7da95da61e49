using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pmg.Domain.Reports;

namespace Pmg.Pipeline.Recalculation;

/// <summary>Registers the compliance recalculation.</summary>
public static class ComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IComplianceService"/>. Needs AddPmgPipeline (options, TimeProvider), the storage adapters
    /// (<see cref="IComplianceStore"/>, <see cref="IAlertLedger"/>, <see cref="IAlertQueue"/>, <see cref="IReportStore"/>)
    /// and an <see cref="IReportWriter"/> for the workbook (AddPmgForms).
    /// </summary>
    public static IServiceCollection AddPmgCompliance(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IComplianceService, ComplianceService>();
        return services;
    }
}
