using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Notifications;
using Pmg.Pipeline.Recovery;
using Pmg.Pipeline.Status;

namespace Pmg.Pipeline;

/// <summary>Registers the pipeline's use cases.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PmgOptions"/> (section "Pmg", validated on start), <see cref="ReconciliationOptions"/> and the use cases: <see cref="IIngestionService"/>, the <see cref="IReconciliationService"/> sweep behind it,
    /// <see cref="IComplianceService"/>, <see cref="INotificationService"/>, the <see cref="IStatusService"/> read model and <see cref="IRetryService"/> (pmg retry).
    /// They need the ports the adapters implement: a form reader and report writer (AddPmgForms), the stores and
    /// queues (AddPmgStorage), an e-mail sender (AddPmgNotifications); AddPmgApplication adds them all.
    /// </summary>
    public static IServiceCollection AddPmgPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PmgOptions>().BindConfiguration(PmgOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PmgOptions>, PmgOptionsValidator>());
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName)
            .Validate(o => o.GracePeriod >= TimeSpan.Zero, "Pmg:Reconciliation:GracePeriod must not be negative.").ValidateOnStart();
        services.AddOptions<PortalLinkOptions>().BindConfiguration(PortalLinkOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIngestionService, IngestionService>();
        services.TryAddSingleton<UnprocessedFormFinder>();
        services.TryAddSingleton<IReconciliationService, ReconciliationService>();
        services.TryAddSingleton<IComplianceService, ComplianceService>();
        services.TryAddTransient<INotificationService, NotificationService>();
        services.TryAddSingleton<IStatusService, StatusService>();
        services.TryAddTransient<IRetryService, RetryService>();
        return services;
    }
}
