using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pmg.Hosting;
using Pmg.LocalHost.Functions;
using Pmg.Portal;
using Pmg.Portal.Routing;
using Pmg.Storage;

namespace Pmg.LocalHost;

/// <summary>
/// Builds the local host: the pipeline of the Functions app on the WebJobs SDK, with the polling blob trigger, so
/// forms uploaded to Azurite are ingested without Core Tools or Event Grid; and the portal on Kestrel.
/// </summary>
public static class LocalHostBuilder
{
    /// <summary>
    /// The loopback port the portal listens on (setting <c>LocalHost:PortalPort</c>); 0, the default, takes a free port,
    /// logged at start-up as "Portal listening on http://127.0.0.1:PORT".
    /// </summary>
    public const string PortalPortSetting = "LocalHost:PortalPort";

    /// <summary>
    /// A host configured like the Functions app: the "Values" of <c>local.settings.json</c> (or of the committed
    /// sample), then environment variables, then command-line arguments; the "extensions" of <c>host.json</c>.
    /// </summary>
    public static IHostBuilder Create(string[] args) => Create(args, AppContext.BaseDirectory);

    /// <summary>As <see cref="Create(string[])"/>, reading host.json and local.settings.json from <paramref name="settingsDirectory"/>.</summary>
    public static IHostBuilder Create(string[] args, string settingsDirectory) => Create(args, settingsDirectory, new HostRestartSignal());

    /// <summary>As <see cref="Create(string[], string)"/>, a listener failure raising <paramref name="restart"/> for <see cref="HostSupervisor"/>.</summary>
    internal static IHostBuilder Create(string[] args, string settingsDirectory, HostRestartSignal restart) =>
        Host.CreateDefaultBuilder(args)
            .ConfigureAppConfiguration((_, configuration) => configuration.AddLocalSettings(settingsDirectory, args))
            // Registered before the WebJobs host so storage provisioning (a hosted service) has created the forms
            // container and the queues before the triggers start listening.
            .ConfigureServices((context, services) => services.AddPmgApplication(context.Configuration).AddPmgPortal())
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageBlobs();
                webJobs.AddAzureStorageQueues();
                webJobs.AddTimers();
            })
            // The portal, on Kestrel beside the job host: the same route table the Functions app serves.
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel => kestrel.AddServerHeader = false)
                .ConfigureKestrel((context, kestrel) => kestrel.Listen(IPAddress.Loopback, context.Configuration.GetValue(PortalPortSetting, 0)))
                .Configure(app => app.Run(app.ApplicationServices.GetRequiredService<PortalApplication>().HandleAsync)))
            .ConfigureServices(services => services.AddHostedService<PortalAddressLogger>().AddHostedService<ReconciliationSweeper>())
            .ConfigureServices(services =>
            {
                // Only these classes hold functions: nothing else loaded in the process (tests, say) is scanned.
                services.Replace(ServiceDescriptor.Singleton<ITypeLocator>(new FunctionTypes(typeof(IngestFormJob), typeof(RecordPoisonedFormJob), typeof(RecalculateComplianceJob), typeof(SendAlertDigestJob), typeof(SendReceiptJob))));

                // A listener that throws (storage down) restarts the job host instead of ending the process.
                services.AddSingleton(restart);
                services.Replace(ServiceDescriptor.Singleton<IWebJobsExceptionHandlerFactory, ListenerFailureHandlerFactory>());

                // The triggers' %Pmg:Triggers:…% expressions name what the app writes to, from the prefix.
                services.Replace(ServiceDescriptor.Singleton<INameResolver, TriggerNameResolver>());
            });
}

/// <summary>Tells the WebJobs SDK exactly which classes hold functions.</summary>
internal sealed class FunctionTypes(params Type[] types) : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => types;
}
