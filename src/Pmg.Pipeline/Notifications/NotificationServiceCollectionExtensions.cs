using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pmg.Pipeline.Notifications;

/// <summary>Registers the notification service (the adapters come from Pmg.Notifications' AddPmgNotifications).</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="INotificationService"/>; the host must register an <see cref="IEmailSender"/>, <see cref="IContactDirectory"/> and <see cref="INotificationLedger"/>.</summary>
    public static IServiceCollection AddPmgNotificationService(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<INotificationService, NotificationService>();
        return services;
    }
}
