using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pmg.Forms;
using Pmg.LocalHost.Functions;
using Pmg.Pipeline;
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
    public static IHostBuilder Create(string[] args) =>
        Host.CreateDefaultBuilder(args)
            .ConfigureAppConfiguration((_, configuration) => configuration.AddLocalSettings(AppContext.BaseDirectory, args))
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageBlobs();
                webJobs.AddAzureStorageQueues();
                webJobs.AddTimers();
            })
            .ConfigureServices((context, services) =>
            {
                // Only these classes are functions: nothing else loaded in the process (tests, say) is scanned.
                services.AddSingleton<ITypeLocator>(new FunctionTypes(typeof(IngestFormJob), typeof(RecordPoisonedFormJob)));
                services
                    .AddPmgForms()
                    .AddPmgPipeline(context.Configuration)
                    .AddPmgStorage(context.Configuration);
            });
}

/// <summary>Tells the WebJobs SDK exactly which classes hold functions.</summary>
internal sealed class FunctionTypes(params Type[] types) : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => types;
}
