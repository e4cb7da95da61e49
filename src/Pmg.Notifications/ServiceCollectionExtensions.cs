using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Notifications;
using Polly;
using SendGrid;

namespace Pmg.Notifications;

/// <summary>Registers the e-mail adapters: the SendGrid sender with its resilience pipeline, and the pickup-folder sender.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The named HttpClient of the SendGrid client.</summary>
    public const string HttpClientName = "SendGrid";

    /// <summary>
    /// Adds an <see cref="IEmailSender"/> (SendGrid when <c>SendGrid:ApiKey</c> is set, else .eml files in
    /// <c>Notifications:PickupDirectory</c>) and the named pipeline <see cref="SendGridResilience.PipelineName"/>.
    /// </summary>
    public static IServiceCollection AddPmgNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.SectionName)
            .Validate(o => !SendGridOptions.IsUnresolvedKeyVaultReference(o.ApiKey), SendGridOptions.UnresolvedKeyVaultMessage)
            .Validate(o => !o.Enabled || Pipeline.Notifications.ContactRowParser.IsEmail(o.FromEmail), "SendGrid:FromEmail must be an e-mail address.")
            .Validate(o => Uri.TryCreate(o.Host, UriKind.Absolute, out _), "SendGrid:Host must be an absolute URL.")
            .Validate(o => o.MaxRetryAttempts is >= 0 and <= 10 && o.AttemptTimeout > TimeSpan.Zero, "SendGrid retry settings are out of range.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HttpClientName);
        services.TryAddTransient<ISendGridClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SendGridOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new SendGridClient(http, new SendGridClientOptions { ApiKey = options.ApiKey, Host = options.Host });
        });
        services.AddResiliencePipeline<string, Response>(SendGridResilience.PipelineName, (builder, context) =>
            SendGridResilience.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));

        services.TryAddTransient<SendGridEmailSender>();
        services.TryAddTransient<PickupEmailSender>();
        services.TryAddTransient<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<SendGridOptions>>().Value.Enabled
                ? provider.GetRequiredService<SendGridEmailSender>()
                : provider.GetRequiredService<PickupEmailSender>());
        return services;
    }
}
