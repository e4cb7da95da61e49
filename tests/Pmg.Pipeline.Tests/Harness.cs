using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pmg.Domain.Reading;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing.Fakes;

namespace Pmg.Pipeline.Tests;

/// <summary>The pipeline as a host wires it (AddPmgPipeline), with in-memory stores and a fake clock.</summary>
internal sealed class Harness : IDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="services">The configured services.</param>
    /// <param name="reader">The form reader; the fake <see cref="Reader"/> when null (a test passes the real one to read real bytes).</param>
    /// <param name="settings">More settings, over the services and the closing date.</param>
    public Harness(string services = "SERNAM", IFormReader? reader = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Pmg:Services"] = services, ["Pmg:ClosingMonthDay"] = "01-31" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(reader ?? Reader)
            .AddSingleton<ISubmissionLedger>(Ledger)
            .AddSingleton<ISubmissionContentStore>(Content)
            .AddSingleton<IRegionalResultStore>(Results)
            .AddSingleton<ICurrentSubmissionStore>(Current)
            .AddSingleton<IReceiptQueue>(Receipts)
            .AddSingleton<IBlobTagger>(Tagger)
            .AddSingleton<IFormStore>(Forms);
        collection.AddPmgPipeline(configuration);
        _provider = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2010, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public FakeFormReader Reader { get; } = new();

    public InMemoryLedger Ledger { get; } = new();

    public InMemoryContentStore Content { get; } = new();

    public InMemoryRegionalResults Results { get; } = new();

    public InMemoryCurrentStore Current { get; } = new();

    public InMemoryReceiptQueue Receipts { get; } = new();

    public InMemoryTagger Tagger { get; } = new();

    public InMemoryFormStore Forms { get; } = new();

    public IReconciliationService Reconciliation => _provider.GetRequiredService<IReconciliationService>();

    public IIngestionService Service => _provider.GetRequiredService<IIngestionService>();

    public IServiceProvider Provider => _provider;

    public Task<IngestionOutcome> IngestAsync(string name, string version = "0x1", DateTimeOffset? uploadedAt = null, string? uploader = null)
    {
        var metadata = uploader is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["uploader"] = uploader };
        var blob = new IncomingBlob(name, version, new MemoryStream(Encoding.UTF8.GetBytes("contenido")), metadata) { UploadedAt = uploadedAt };
        return Service.IngestAsync(blob);
    }

    public void Dispose() => _provider.Dispose();
}
