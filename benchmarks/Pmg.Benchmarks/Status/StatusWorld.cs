using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pmg.Domain.Regions;
using Pmg.Hosting;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Storage;

namespace Pmg.Benchmarks.Status;

/// <summary>
/// A storage account (under its own prefix) as the hosts leave it: every region of 2019 of each service uploaded,
/// ingested as the blob trigger ingests it, then recalculated as the hourly timer does.
/// </summary>
internal static class StatusWorld
{
    public const int Year = 2019;

    public static async Task SeedAsync(string connectionString, string prefix, IReadOnlyList<string> serviceNames, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PmgStorage"] = connectionString,
            ["Pmg:Services"] = string.Join(",", serviceNames),
            ["Pmg:Storage:Prefix"] = prefix,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPmgApplication(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync(cancellationToken);

        var forms = provider.GetRequiredService<StorageLayout>().Forms;
        var ingestion = provider.GetRequiredService<IIngestionService>();
        foreach (var service in serviceNames)
        {
            foreach (var region in RegionCatalog.ExistingIn(Year))
            {
                var name = $"{service}/{Year}/{region.Code}/cierre-{region.Code}.docx";
                var content = SampleForms.ClosingForm(service, Year, region);
                var info = (await forms.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions(), cancellationToken)).Value;
                var outcome = await ingestion.IngestAsync(
                    new IncomingBlob(name, info.ETag.ToString(), new MemoryStream(content), new Dictionary<string, string>()) { UploadedAt = info.LastModified },
                    cancellationToken);
                if (outcome.Status != IngestionStatus.Accepted)
                {
                    throw new InvalidOperationException($"{name} was not accepted: {string.Join("; ", outcome.Diagnostics.Select(d => d.Code + " " + d.Message))}");
                }
            }
        }

        await provider.GetRequiredService<IComplianceService>().RecalculateAsync(cancellationToken: cancellationToken);
    }
}
