using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Forms;
using Pmg.Notifications;
using Pmg.Pipeline;
using Pmg.Storage;

namespace Pmg.Hosting;

/// <summary>The composition root: the one wiring chain of both hosts, the CLI and the composition tests.</summary>
public static class PmgApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the whole application: the form readers and workbook writer (AddPmgForms), the use cases and the status
    /// read model (AddPmgPipeline), every storage adapter (AddPmgStorage, connection "PmgStorage"), the e-mail senders
    /// (AddPmgNotifications) and the trigger handlers. Each adapter registers only itself, so the order is free; a
    /// host adds logging, its trigger wiring and, in Azure, telemetry. Nothing connects until first used, so a
    /// command that never touches storage can build it without a connection configured.
    /// </summary>
    public static IServiceCollection AddPmgApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services
            .AddPmgForms()
            .AddPmgPipeline(configuration)
            .AddPmgStorage(configuration)
            .AddPmgNotifications(configuration)
            .AddPmgTriggerHandlers();
    }
}
