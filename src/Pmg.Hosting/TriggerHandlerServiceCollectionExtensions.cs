using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pmg.Hosting;

/// <summary>Registers the trigger handlers both hosts' function classes call.</summary>
public static class TriggerHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FormTriggerHandler"/>, <see cref="NotificationTriggerHandler"/> and
    /// <see cref="RecalculationTriggerHandler"/>, transient like the function classes that receive them, so they never
    /// outlive the pipeline services they are given.
    /// </summary>
    public static IServiceCollection AddPmgTriggerHandlers(this IServiceCollection services)
    {
        services.TryAddTransient<FormTriggerHandler>();
        services.TryAddTransient<NotificationTriggerHandler>();
        services.TryAddTransient<RecalculationTriggerHandler>();
        return services;
    }
}
