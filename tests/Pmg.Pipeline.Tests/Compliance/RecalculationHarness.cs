using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Pmg.Testing.Fakes;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Pipeline.Tests.Compliance;

/// <summary>
/// The recalculation wired as a host wires it (AddPmgPipeline) over in-memory stores, a fake clock and a
/// report writer that records the reports (the workbook itself is Pmg.Forms' concern and tested there and in Pmg.Storage.Tests).
/// </summary>
internal sealed class RecalculationHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public RecalculationHarness(
        DateTimeOffset now, string expectedRegions = "", string closingMonthDay = "01-31", string reminder = "7.00:00:00", Func<MemoryComplianceStore, ISubmissionContentStore>? wrapStore = null, IEnumerable<Contact>? contacts = null)
    {
        Contacts = new InMemoryContactDirectory(contacts ?? DefaultContacts);
        Clock = new FakeTimeProvider(now);
        Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Pmg:Services"] = "SERNAM",
                ["Pmg:ExpectedRegions"] = expectedRegions,
                ["Pmg:ClosingMonthDay"] = closingMonthDay,
                ["Pmg:ReminderInterval"] = reminder,
            })
            .Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<ICurrentSubmissionStore>(Store)
            .AddSingleton<ISubmissionContentStore>(wrapStore?.Invoke(Store) ?? Store)
            .AddSingleton<IRegionalResultStore>(Store)
            .AddSingleton<INationalResultStore>(Store)
            .AddSingleton<IAlertLedger>(Ledger)
            .AddSingleton<IAlertQueue>(Alerts)
            .AddSingleton<IContactDirectory>(Contacts)
            .AddSingleton<IReportStore>(Reports)
            .AddSingleton<IReportWriter>(Writer);
        collection.AddPmgPipeline(configuration);
        _provider = collection.BuildServiceProvider();
    }

    public const string UgtTarapaca = "ugt.tarapaca@example.org";
    public const string VifValparaiso = "vif.valparaiso@example.org";
    public const string Coordination = "coordinacion.pmg@example.org";

    /// <summary>
    /// Tarapacá's "Unidad de Gestión Territorial" and Valparaíso's "Encargada regional de VIF" have addresses; Biobío's
    /// units have none. Each of the three regions has a director; one national coordinator.
    /// </summary>
    public static IReadOnlyList<Contact> DefaultContacts { get; } =
    [
        new("SERNAM", "CL-TA", "Unidad de Gestión Territorial", [], [UgtTarapaca], ContactRole.Unit),
        new("SERNAM", "CL-VS", "Encargada regional de VIF", [], [VifValparaiso], ContactRole.Unit),
        new("SERNAM", "CL-TA", "Dirección Regional", [], ["direccion.tarapaca@example.org"], ContactRole.RegionalDirector),
        new("SERNAM", "CL-VS", "Dirección Regional", [], ["direccion.valparaiso@example.org"], ContactRole.RegionalDirector),
        new("SERNAM", "CL-BI", "Dirección Regional", [], ["direccion.biobio@example.org"], ContactRole.RegionalDirector),
        new("SERNAM", null, "Coordinación Nacional", [], [Coordination], ContactRole.NationalCoordinator),
    ];

    public FakeTimeProvider Clock { get; }

    public InMemoryContactDirectory Contacts { get; }

    public MemoryComplianceStore Store { get; } = new();

    public MemoryAlertLedger Ledger { get; } = new();

    public MemoryAlertQueue Alerts { get; } = new();

    public MemoryReportStore Reports { get; } = new();

    public RecordingReportWriter Writer { get; } = new();

    public IComplianceService Service => _provider.GetRequiredService<IComplianceService>();

    public void Dispose() => _provider.Dispose();

    /// <summary>A form of one programme (III.1) with one objective per activity group and its III.4 rows.</summary>
    public static Submission Form(string region, IEnumerable<Activity> activities, IEnumerable<ProgressRow>? progress = null, string objective = "Fortalecer la coordinación regional con los servicios públicos") =>
        new()
        {
            Service = "SERNAM",
            Year = 2009,
            Region = RegionCatalog.FindByCode(region),
            SourceFile = region + ".docx",
            Programs =
            [
                new WorkProgram
                {
                    Section = Section.III1,
                    Objectives = [new Objective { Text = objective, Location = new SourceLocation(Section.III1, 1), Activities = [.. activities] }],
                },
            ],
            ProgressRows = progress?.ToArray() ?? [new ProgressRow { Objective = objective, Progress = "Se avanza según lo planificado.", Location = new SourceLocation(Section.III4, 1) }],
        };

    public static Activity Act(string text, decimal weight, Mark mark, string unit = "Unidad de Gestión Territorial") =>
        new() { Text = text, Weight = weight, Compliance = mark, Unit = unit, Location = new SourceLocation(Section.III1, 2) };

    /// <summary>Ten activities of 10 points with the given marks (the rest complied).</summary>
    public static Activity[] Ten(params (int Index, Mark Mark, string Unit)[] marks) =>
        Enumerable.Range(1, 10).Select(i =>
        {
            var mark = marks.FirstOrDefault(m => m.Index == i);
            return Act($"Actividad {i}", 10m, mark.Index == i ? mark.Mark : Mark.Complied, mark.Index == i ? mark.Unit : "Unidad de Gestión Territorial");
        }).ToArray();
}

/// <summary>Current pointers, submissions and results in memory; tests can switch a pointer as an ingestion would.</summary>
internal sealed class MemoryComplianceStore : ICurrentSubmissionStore, ISubmissionContentStore, IRegionalResultStore, INationalResultStore
{
    private readonly Dictionary<string, CurrentSubmission> _pointers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Submission> _submissions = new(StringComparer.Ordinal);
    private int _etag;

    /// <summary>The programme results written per submission id, with the activities at risk counted.</summary>
    public Dictionary<string, (IReadOnlyList<ProgramResult> Programs, int AtRisk)> RegionalResults { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredNationalResult> National { get; } = new(StringComparer.Ordinal);

    public int NationalWrites { get; private set; }

    /// <summary>Stores a submission and points its region at it (as an accepted ingestion does).</summary>
    public string Put(Submission submission)
    {
        var id = "s" + (_submissions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _submissions[id] = submission;
        var region = submission.Region!.Code;
        _pointers[region] = new CurrentSubmission("SERNAM", submission.Year, region, id, $"SERNAM/{submission.Year}/{region}/{submission.SourceFile}", "v", DateTimeOffset.UnixEpoch)
        {
            ETag = "e" + (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return id;
    }

    public Task<IReadOnlyList<CurrentSubmission>> ListAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CurrentSubmission>>(_pointers.Values.Where(p => (service is null || p.Service == service) && (year is null || p.Year == year)).ToArray());

    public Task<Submission> LoadAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default) => Task.FromResult(_submissions[pointer.SubmissionId]);

    public Task SaveAsync(SubmissionRecord record, Submission submission, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task SaveAsync(CurrentSubmission version, IReadOnlyList<ProgramResult> programs, int atRiskActivities, SubmissionFiling? filing, CancellationToken cancellationToken = default)
    {
        RegionalResults[version.SubmissionId] = (programs, atRiskActivities);
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<StoredRegionalResults>> IRegionalResultStore.ListAsync(string service, int year, CancellationToken cancellationToken) => throw new NotSupportedException();

    Task<IReadOnlyList<StoredNationalResult>> INationalResultStore.ListAsync(string service, int year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredNationalResult>>(National.Values.ToArray());

    public Task<bool> TrySaveAsync(StoredNationalResult result, CancellationToken cancellationToken = default)
    {
        if (National.TryGetValue(result.Section, out var existing) ? existing.ETag != result.ETag : result.ETag is not null)
        {
            return Task.FromResult(false);
        }

        NationalWrites++;
        National[result.Section] = result with { ETag = "n" + NationalWrites.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Task.FromResult(true);
    }

    public Task<CurrentSubmission?> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pointers.GetValueOrDefault(regionCode));

    public Task<bool> TryAddAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> TryReplaceAsync(CurrentSubmission pointer, string etag, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

internal sealed class MemoryAlertLedger : IAlertLedger
{
    public Dictionary<string, Dictionary<string, AlertLedgerEntry>> Entries { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<AlertLedgerEntry>> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AlertLedgerEntry>>(Entries.TryGetValue(regionCode, out var e) ? e.Values.ToArray() : []);

    public Task SaveAsync(string service, int year, string regionCode, IReadOnlyList<AlertLedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        if (!Entries.TryGetValue(regionCode, out var region))
        {
            Entries[regionCode] = region = new Dictionary<string, AlertLedgerEntry>(StringComparer.Ordinal);
        }

        foreach (var entry in entries)
        {
            region[entry.Key] = entry;
        }

        return Task.CompletedTask;
    }
}

internal sealed class MemoryAlertQueue : IAlertQueue
{
    public List<AlertDigestMessage> Messages { get; } = [];

    public Task EnqueueAsync(AlertDigestMessage digest, CancellationToken cancellationToken = default)
    {
        // Through JSON, as the queue carries it.
        Messages.Add(AlertDigestJson.Deserialize(AlertDigestJson.Serialize(digest))!);
        return Task.CompletedTask;
    }

    public List<AlertDigestMessage> Take()
    {
        var taken = Messages.ToList();
        Messages.Clear();
        return taken;
    }
}

internal sealed class MemoryReportStore : IReportStore
{
    public Dictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);

    public Task SaveAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Blobs[name] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredReport>> ListAsync(string service, int year, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredReport>>(Blobs
            .Where(b => b.Key.StartsWith($"{service}/{year}/", StringComparison.Ordinal))
            .Select(b => new StoredReport(b.Key, b.Key[(b.Key.LastIndexOf('/') + 1)..], DateTimeOffset.UnixEpoch, b.Value.Length))
            .ToList());

    public Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream?>(Blobs.TryGetValue(name, out var bytes) ? new MemoryStream(bytes) : null);
}

/// <summary>Records each report it is asked to write and writes its file names, one a line, so the bytes differ per report.</summary>
internal sealed class RecordingReportWriter : IReportWriter
{
    public List<ConsolidatedReport> Reports { get; } = [];

    public void Write(Stream output, ConsolidatedReport report)
    {
        Reports.Add(report);
        var text = string.Join("\n", report.Regions.Select(r => r.File));
        output.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
