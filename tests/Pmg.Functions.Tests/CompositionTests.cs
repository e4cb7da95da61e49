using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pmg.Pipeline;
using Pmg.Pipeline.Messages;
using Pmg.Storage;
using Pmg.Testing;

namespace Pmg.Functions.Tests;

public sealed class CompositionTests
{
    [Fact]
    public void FunctionsApplication_ProgramRegistrations_ConstructEveryFunctionClassWithSettingsFromLocalSettings()
    {
        // Program.cs's own chain, on the worker's own builder, configured by local.settings.sample.json.
        using var host = Build(SampleSettings());

        var functionClasses = typeof(IngestForm).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.IsDefined(typeof(FunctionAttribute), inherit: false)))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToArray();
        var constructed = functionClasses.Select(type => ActivatorUtilities.CreateInstance(host.Services, type)).ToArray();

        Assert.Equal(
            [nameof(IngestForm), nameof(Portal), nameof(RecalculateCompliance), nameof(RecordPoisonedForm), nameof(SendAlertDigest), nameof(SendReceipt)],
            functionClasses.Select(type => type.Name));
        Assert.All(constructed, instance => Assert.NotNull(instance));
        Assert.Equal(["SERNAM"], host.Services.GetRequiredService<IOptions<PmgOptions>>().Value.KnownServices);
        Assert.Equal("forms", host.Services.GetRequiredService<StorageNames>().FormsContainer);
        Assert.Equal("", host.Services.GetRequiredService<IOptions<PmgStorageOptions>>().Value.Prefix);
    }

    [Fact]
    public void FunctionsApplication_NoServicesConfigured_RefusesPmgOptionsWithMessage()
    {
        using var host = Build(new Dictionary<string, string?>(SampleSettings()) { ["Pmg:Services"] = "" });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PmgOptions>>().Value);

        Assert.Contains("Pmg:Services must list at least one service (comma-separated).", failure.Failures);
    }

    // The bug this guards against: a prefixed instance wrote to "x-alerts" while its trigger listened on "alerts".
    [Fact]
    public void FunctionsApplication_PrefixWithUnprefixedTriggerSettings_RefusesToStartNamingTheSetting()
    {
        using var host = Build(new Dictionary<string, string?>(SampleSettings()) { ["Pmg:Storage:Prefix"] = "x" });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PmgStorageOptions>>().Value);

        Assert.Contains(
            "Pmg:Triggers:AlertsQueue must be 'x-alerts' (from Pmg:Storage:Prefix 'x') but is 'alerts': the triggers would listen where the app does not write.",
            failure.Failures);
        Assert.Equal(3, failure.Failures.Count());
    }

    [Fact]
    public void FunctionsApplication_PrefixWithMatchingTriggerSettings_Starts()
    {
        using var host = Build(new Dictionary<string, string?>(SampleSettings())
        {
            ["Pmg:Storage:Prefix"] = "x",
            ["Pmg:Triggers:FormsContainer"] = "x-forms",
            ["Pmg:Triggers:ReceiptsQueue"] = "x-receipts",
            ["Pmg:Triggers:AlertsQueue"] = "x-alerts",
        });

        Assert.Equal("x", host.Services.GetRequiredService<IOptions<PmgStorageOptions>>().Value.Prefix);
        Assert.Equal("x-alerts", host.Services.GetRequiredService<StorageNames>().AlertsQueue);
    }

    [Fact]
    public void TriggerAttributes_ResolvedForAPrefix_ListenExactlyWhereTheAppWrites()
    {
        var names = new StorageNames("x");

        var listened = TriggerValues("QueueName").Concat(TriggerValues("BlobPath"))
            .Select(value => names.TriggerSettings.Aggregate(value, (text, setting) => text.Replace("%" + setting.Key + "%", setting.Value, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            new[] { "x-alerts", "x-alerts-poison", "x-forms/{name}", "x-receipts", "x-receipts-poison", PoisonBlobMessage.QueueName }.Order(StringComparer.Ordinal),
            listened);
    }

    private static IHost Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPmgFunctionsApp(builder.Configuration);
        return builder.Build();
    }

    /// <summary>The "Values" of the committed local.settings.sample.json, as the Functions host reads them ("__" is ":").</summary>
    private static Dictionary<string, string?> SampleSettings()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(value => value.Name.Replace("__", ":", StringComparison.Ordinal), value => value.Value.GetString());
    }

    private static IEnumerable<string> TriggerValues(string propertyName) =>
        from type in typeof(IngestForm).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        from parameter in method.GetParameters()
        from attribute in parameter.GetCustomAttributes(inherit: false)
        let value = attribute.GetType().GetProperty(propertyName, typeof(string))?.GetValue(attribute) as string
        where !string.IsNullOrEmpty(value)
        select value;
}
