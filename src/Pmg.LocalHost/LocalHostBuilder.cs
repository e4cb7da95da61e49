using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pmg.Hosting;
using Pmg.LocalHost.Functions;
using Pmg.Storage;

namespace Pmg.LocalHost;

/// <summary>
/// Builds the local host: the pipeline of the Functions app on the WebJobs SDK, with the polling blob trigger, so
/// forms uploaded to Azurite are ingested without Core Tools or Event Grid.
/// </summary>
public static class LocalHostBuilder
{
    /// <summary>
    /// A host configured like the Functions app: the "Values" of <c>local.settings.json</c> (or of the committed
    /// sample), then environment variables, then command-line arguments; the "extensions" of <c>host.json</c>.
    /// </summary>
    public static IHostBuilder Create(string[] args) => Create(args, AppContext.BaseDirectory);

    /// <summary>As <see cref="Create(string[])"/>, reading host.json and local.settings.json from <paramref name="settingsDirectory"/>.</summary>
    public static IHostBuilder Create(string[] args, string settingsDirectory) =>
        Host.CreateDefaultBuilder(args)
            .ConfigureAppConfiguration((_, configuration) => configuration.AddLocalSettings(settingsDirectory, args))
            // Registered before the WebJobs host so storage provisioning (a hosted service) has created the forms
            // container and the queues before the triggers start listening.
            .ConfigureServices((context, services) => services.AddPmgApplication(context.Configuration))
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageBlobs();
                webJobs.AddAzureStorageQueues();
                webJobs.AddTimers();
            })
            .ConfigureServices(services =>
            {
                // Only these classes hold functions: nothing else loaded in the process (tests, say) is scanned.
                services.Replace(ServiceDescriptor.Singleton<ITypeLocator>(new FunctionTypes(typeof(IngestFormJob), typeof(RecordPoisonedFormJob), typeof(RecalculateComplianceJob), typeof(SendAlertDigestJob), typeof(SendReceiptJob))));

                // The triggers' %Pmg:Triggers:…% expressions name what the app writes to, from the prefix.
                services.Replace(ServiceDescriptor.Singleton<INameResolver, TriggerNameResolver>());
            });
}

/// <summary>Tells the WebJobs SDK exactly which classes hold functions.</summary>
internal sealed class FunctionTypes(params Type[] types) : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => types;
}
