using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pmg.Pipeline.Recalculation;

/// <summary>Registers the compliance recalculation.</summary>
public static class ComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IComplianceService"/>. Needs AddPmgPipeline (options, TimeProvider) and the storage adapters
    /// (<see cref="IComplianceStore"/>, <see cref="IAlertLedger"/>, <see cref="IAlertQueue"/>, <see cref="IReportStore"/>).
    /// </summary>
    public static IServiceCollection AddPmgCompliance(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IComplianceService, ComplianceService>();
        return services;
    }
}
