using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pmg.LocalHost.Functions;

namespace Pmg.LocalHost.Tests;

public sealed class CompositionTests
{
    [Fact]
    public void LocalHostBuilder_Registrations_ConstructEveryFunctionClassTheSdkIsGiven()
    {
        using var host = LocalHostBuilder.Create([])
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["PmgStorage"] = "UseDevelopmentStorage=true",
                ["Pmg:Services"] = "SERNAM",
            }))
            .Build();

        var functionClasses = host.Services.GetRequiredService<ITypeLocator>().GetTypes();
        var constructed = functionClasses.Select(type => ActivatorUtilities.CreateInstance(host.Services, type)).ToArray();

        Assert.Equal(
            [typeof(IngestFormJob), typeof(RecordPoisonedFormJob), typeof(RecalculateComplianceJob), typeof(SendAlertDigestJob), typeof(SendReceiptJob)],
            functionClasses);
        Assert.All(constructed, instance => Assert.NotNull(instance));
    }
}
