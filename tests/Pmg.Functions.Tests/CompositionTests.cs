using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pmg.Forms;
using Pmg.Hosting;
using Pmg.Notifications;
using Pmg.Pipeline;
using Pmg.Portal;
using Pmg.Storage;

namespace Pmg.Functions.Tests;

public sealed class CompositionTests
{
    [Fact]
    public void FunctionsApplication_ProgramRegistrations_ConstructEveryFunctionClassWithSettingsFromLocalSettings()
    {
        // The registrations of Program.cs, on the worker's own builder, configured as local.settings.sample.json is.
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PmgStorage"] = "UseDevelopmentStorage=true",
            ["Pmg:Services"] = "SERNAM",
            ["Pmg:ClosingMonthDay"] = "01-31",
            ["SendGrid:FromEmail"] = "pmg-no-responder@example.org",
        });
        builder.Services
            .AddPmgTelemetry()
            .AddPmgForms()
            .AddPmgPipeline(builder.Configuration)
            .AddPmgStorage(builder.Configuration)
            .AddPmgComplianceStorage()
            .AddPmgNotifications(builder.Configuration)
            .AddPmgTriggerHandlers()
            .AddPmgPortal();
        using var host = builder.Build();

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
    }

    [Fact]
    public void FunctionsApplication_NoServicesConfigured_RefusesPmgOptionsWithMessage()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["PmgStorage"] = "UseDevelopmentStorage=true", ["Pmg:Services"] = "" });
        builder.Services.AddPmgForms().AddPmgPipeline(builder.Configuration).AddPmgStorage(builder.Configuration);
        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PmgOptions>>().Value);

        Assert.Contains("Pmg:Services must list at least one service (comma-separated).", failure.Failures);
    }
}
