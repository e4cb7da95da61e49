using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pmg.Domain.Diagnostics;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Notifications;
using Pmg.Pipeline.Status;
using Pmg.Testing.Fakes;

namespace Pmg.Pipeline.Tests.Status;

/// <summary>The status read model over in-memory stores: what it takes from the stored results, and what it falls back on.</summary>
public sealed class StatusServiceTests
{
    private static readonly DateTimeOffset Uploaded = new(2010, 1, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryLedger _ledger = new();
    private readonly InMemoryCurrentStore _pointers = new();
    private readonly InMemoryRegionalResults _results = new();
    private readonly MemoryNational _national = new();
    private readonly InMemoryFormStore _forms = new();

    [Fact]
    public async Task GetAsync_VersionStoredBeforeSummaries_TakesFilingAndScoresFromTheLedger()
    {
        var record = Record("s1", "CL-TA", [new ProgramSummary("III.1", "CUMPLE", 96m, 100m, 96m, 5, 10)]) with
        {
            Uploader = "ana@sernam.cl",
            Diagnostics = [Diagnostic.Error("X", "uno"), Diagnostic.Warning("Y", "dos"), Diagnostic.Warning("Z", "tres")],
        };
        await _ledger.TryAddAsync(record);
        _pointers.Put(Pointer(record));

        var region = Assert.Single(Assert.Single((await Service().GetAsync("sernam", 2009)).ServiceYears).Regions);

        Assert.Equal(("Tarapacá", "ana@sernam.cl", 1, 2, (int?)null), (region.Region.Name, region.Uploader, region.Errors, region.Warnings, region.AtRisk));
        Assert.Equal(("III.1", 96.00m, "CUMPLE"), (region.Programs[0].Section, region.Programs[0].Performance!.Value, region.Programs[0].Status));
    }

    [Fact]
    public async Task GetAsync_NoRecalculationYet_NationalLineComputedFromTheStoredRegionalStatuses()
    {
        foreach (var (region, status, performance) in new[] { ("CL-TA", "CUMPLE", 96m), ("CL-VS", "NO CUMPLE", 88m) })
        {
            var record = Record("s-" + region, region, []);
            _pointers.Put(Pointer(record));
            _results.Saved[record.Id] = new StoredRegionalResults(region, record.Id, [new ProgramSummary("III.1", status, performance, 100m, performance, 5, 10)], 3, new SubmissionFiling(null, 0, 4));
        }

        var serviceYear = Assert.Single((await Service().GetAsync()).ServiceYears);

        Assert.Equal(["CL-TA", "CL-VS"], serviceYear.Regions.Select(r => r.Region.Code));
        Assert.All(serviceYear.Regions, r => Assert.Equal((4, (int?)3), (r.Warnings, r.AtRisk)));
        Assert.Equal((NationalSources.Computed, true), (serviceYear.National.Source, serviceYear.National.UpToDate));
        var iii1 = Assert.Single(serviceYear.National.Programs);
        Assert.Equal(("NO CUMPLE", 2, 1), (iii1.Status, iii1.Regions, iii1.Complying));
    }

    [Fact]
    public async Task GetAsync_RecalculatedBeforeANewUpload_StoredNationalLineMarkedOutOfDate()
    {
        var record = Record("s1", "CL-TA", []);
        _pointers.Put(Pointer(record));
        _results.Saved[record.Id] = new StoredRegionalResults("CL-TA", record.Id, [new ProgramSummary("III.1", "CUMPLE", 96m, 100m, 96m, 5, 10)], 0, new SubmissionFiling(null, 0, 0));
        _national.Rows.Add(new StoredNationalResult("SERNAM", 2009, "III.1", "CUMPLE", 1, 1, "", "CL-TA=s0", Uploaded.AddDays(1)));

        var national = Assert.Single((await Service().GetAsync("SERNAM", 2009)).ServiceYears).National;

        Assert.Equal((NationalSources.Recalculation, false, Uploaded.AddDays(1)), (national.Source, national.UpToDate, national.CalculatedAt!.Value));
    }

    [Fact]
    public async Task GetAsync_BlobWithoutRecord_ListedAsUnprocessedWithItsRegionAndWait()
    {
        var done = Record(SubmissionKeys.SubmissionId("SERNAM/2009/CL-TA/cierre.docx", "v1"), "CL-TA", []);
        await _ledger.TryAddAsync(done);
        _forms.Put(done.BlobName, done.BlobVersion, Uploaded.AddMinutes(-30));
        _forms.Put("SERNAM/2009/CL-VS/cierre.xlsx", "v9", Uploaded.AddMinutes(-3).AddSeconds(-20));

        var waiting = Assert.Single((await Service().GetAsync("SERNAM", 2009)).Unprocessed);

        Assert.Equal(("SERNAM/2009/CL-VS/cierre.xlsx", "cierre.xlsx", "Valparaíso", 200L), (waiting.BlobName, waiting.File, waiting.Region!.Name, waiting.WaitingSeconds));
        Assert.Equal("hace 3 min", WaitingText.Ago(waiting.WaitingSeconds));
    }

    [Fact]
    public async Task GetAsync_RecordNotCompleted_StillUnprocessed()
    {
        var stuck = Record(SubmissionKeys.SubmissionId("SERNAM/2009/CL-TA/cierre.docx", "v1"), "CL-TA", []) with { Completed = false };
        await _ledger.TryAddAsync(stuck);
        _forms.Put(stuck.BlobName, stuck.BlobVersion, Uploaded.AddSeconds(-40));

        var waiting = Assert.Single((await Service().GetAsync()).Unprocessed);

        Assert.Equal(("CL-TA", "hace 40 s"), (waiting.Region!.Code, WaitingText.Ago(waiting.WaitingSeconds)));
    }

    private IStatusService Service()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pmg:Services"] = "SERNAM",
            ["Pmg:ExpectedRegions"] = "CL-TA,CL-VS",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Uploaded))
            .AddSingleton<ISubmissionLedger>(_ledger)
            .AddSingleton<ICurrentSubmissionStore>(_pointers)
            .AddSingleton<IRegionalResultStore>(_results)
            .AddSingleton<INationalResultStore>(_national)
            .AddSingleton<INotificationLedger>(new InMemoryNotificationLedger())
            .AddSingleton<IFormStore>(_forms);
        services.AddPmgPipeline(configuration);
        return services.BuildServiceProvider().GetRequiredService<IStatusService>();
    }

    private static SubmissionRecord Record(string id, string region, IReadOnlyList<ProgramSummary> programs) => new()
    {
        Id = id,
        BlobName = $"SERNAM/2009/{region}/cierre.docx",
        BlobVersion = "v1",
        Service = "SERNAM",
        Year = 2009,
        RegionCode = region,
        UploadedAt = Uploaded,
        ProcessedAt = Uploaded,
        Outcome = IngestionStatus.Accepted,
        Programs = programs,
        Completed = true,
    };

    private static CurrentSubmission Pointer(SubmissionRecord record) =>
        new(record.Service!, record.Year!.Value, record.RegionCode!, record.Id, record.BlobName, record.BlobVersion, record.UploadedAt);

    private sealed class MemoryNational : INationalResultStore
    {
        public List<StoredNationalResult> Rows { get; } = [];

        public Task<IReadOnlyList<StoredNationalResult>> ListAsync(string service, int year, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoredNationalResult>>(Rows);

        public Task<bool> TrySaveAsync(StoredNationalResult result, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
