using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Pipeline;
using Pmg.Testing;

namespace Pmg.LocalHost.Tests;

public sealed class LocalSettingsTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pmg-localhost-settings.");

    [Fact]
    public void ReadValues_FunctionsSettingsFile_MapsDoubleUnderscoreToSections()
    {
        var path = Write("local.settings.json", """
            {
              "IsEncrypted": false,
              "Values": {
                "PmgStorage": "UseDevelopmentStorage=true",
                "Pmg__Services": "SERNAM,SENAME",
                "SendGrid__FromName": "PMG Gestión Territorial"
              }
            }
            """);

        var values = LocalSettings.ReadValues(path);

        Assert.Equal("UseDevelopmentStorage=true", values["PmgStorage"]);
        Assert.Equal("SERNAM,SENAME", values["Pmg:Services"]);
        Assert.Equal("PMG Gestión Territorial", values["SendGrid:FromName"]);
        Assert.False(values.ContainsKey("IsEncrypted"));
    }

    [Fact]
    public void ReadValues_NoFile_ReturnsNothing()
    {
        Assert.Empty(LocalSettings.ReadValues(Path.Combine(directory.FullName, "local.settings.json")));
    }

    [Fact]
    public void ReadHostExtensions_HostJson_FlattensExtensionsAndLogLevels()
    {
        var path = Write("host.json", """
            {
              "version": "2.0",
              "logging": { "logLevel": { "default": "Information", "Azure.Core": "Warning" } },
              "extensions": { "blobs": { "poisonBlobThreshold": 5 }, "queues": { "maxPollingInterval": "00:00:05" } }
            }
            """);

        var extensions = LocalSettings.ReadHostExtensions(path);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["AzureWebJobs:Extensions:blobs:poisonBlobThreshold"] = "5",
                ["AzureWebJobs:Extensions:queues:maxPollingInterval"] = "00:00:05",
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Azure.Core"] = "Warning",
            },
            extensions);
    }

    [Fact]
    public void Create_WithCommittedSettingsFiles_BindsServicesAndHostJsonExtensionOptions()
    {
        File.Copy(Path.Combine(Samples.RepositoryRoot, "host.json"), Path.Combine(directory.FullName, "host.json"));
        File.Copy(Path.Combine(Samples.RepositoryRoot, "local.settings.sample.json"), Path.Combine(directory.FullName, "local.settings.json"));

        using var host = LocalHostBuilder.Create([], directory.FullName).Build();

        var pmg = host.Services.GetRequiredService<IOptions<PmgOptions>>().Value;
        var blobs = host.Services.GetRequiredService<IOptions<BlobsOptions>>().Value;
        var queues = host.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        var configuration = host.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(["SERNAM"], pmg.KnownServices);
        Assert.Equal("UseDevelopmentStorage=true", configuration["PmgStorage"]);
        Assert.Equal((5, 4), (blobs.PoisonBlobThreshold, blobs.MaxDegreeOfParallelism));
        Assert.Equal((TimeSpan.FromSeconds(5), 8, 5), (queues.MaxPollingInterval, queues.BatchSize, queues.MaxDequeueCount));
    }

    public void Dispose() => directory.Delete(recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }
}
