using System.Text.RegularExpressions;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pmg.LocalHost.Functions;
using Pmg.Pipeline;
using Pmg.Storage;

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

    // local.settings.sample.json names the unprefixed queues (for the Functions host); the local host ignores such
    // settings and listens where its own prefix makes it write.
    [Fact]
    public void LocalHostBuilder_WithPrefix_TriggerExpressionsResolveToThePrefixedNames()
    {
        using var host = LocalHostBuilder.Create([])
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["PmgStorage"] = "UseDevelopmentStorage=true",
                ["Pmg:Services"] = "SERNAM",
                ["Pmg:Storage:Prefix"] = "x",
                ["Pmg:Triggers:AlertsQueue"] = "alerts",
            }))
            .Build();
        var resolver = host.Services.GetRequiredService<INameResolver>();

        Assert.Equal("alerts", host.Services.GetRequiredService<IConfiguration>()[StorageNames.Triggers.AlertsQueueSetting]);
        Assert.Equal(
            ["x-forms/{name}", "x-receipts", "x-receipts-poison", "x-alerts", "x-alerts-poison", "0 0 * * * *"],
            new[]
            {
                StorageNames.Triggers.FormsBlobPath, StorageNames.Triggers.ReceiptsQueue, StorageNames.Triggers.ReceiptsPoisonQueue,
                StorageNames.Triggers.AlertsQueue, StorageNames.Triggers.AlertsPoisonQueue, PmgOptions.RecalculationScheduleBinding,
            }.Select(expression => Regex.Replace(expression, "%([^%]+)%", setting => resolver.Resolve(setting.Groups[1].Value) ?? "?")));
    }
}
