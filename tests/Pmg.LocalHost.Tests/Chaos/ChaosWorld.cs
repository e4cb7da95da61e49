using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Notifications;
using Pmg.Storage;
using Pmg.Testing;

namespace Pmg.LocalHost.Tests.Chaos;

/// <summary>One upload as the chaos scenarios make it: the metadata <c>pmg upload</c> writes, and what storage answered.</summary>
internal sealed record ChaosUpload(string Name, string Region, string ETag, DateTimeOffset LastModified, DateTimeOffset RecordedAt)
{
    public string SubmissionId => SubmissionKeys.SubmissionId(Name, ETag);
}

/// <summary>What a scenario left: the counts eng/chaos.sh prints.</summary>
/// <param name="ReceiptsHeld">
/// Receipt messages still in the queue and invisible: taken by a host that was killed before it finished them. Azure
/// queues hide a taken message for the listener's 10-minute lease (fixed in the WebJobs queue listener, the same under
/// Functions), after which it is delivered again; the e-mail ledger keeps that from sending twice. Held is not lost.
/// </param>
/// <param name="ReceiptsVisible">Receipt messages any running host could take now; settled means none.</param>
internal sealed record ChaosCounts(string Scenario, int Uploads, int Recorded, int Duplicated, int Lost, int Superseded, int Incomplete, int RegionsCurrentLatest, int Regions, int ReceiptsSent, int ReceiptsFailed, int MailFiles, int ReceiptsHeld = 0, int ReceiptsVisible = 0)
{
    /// <summary>Every recorded upload's receipt is sent or recorded failed, each once.</summary>
    public bool ReceiptsSettled => ReceiptsSent + ReceiptsFailed == Recorded;

    /// <summary>
    /// After a host was killed: every receipt is sent, recorded failed, or held by the dead host's lease for
    /// redelivery, and no more are held than one queue batch (16) the dead host could have taken.
    /// </summary>
    public bool ReceiptsAccountedForAfterKill =>
        ReceiptsSent + ReceiptsFailed <= Recorded && ReceiptsSent + ReceiptsFailed + ReceiptsHeld >= Recorded && ReceiptsHeld <= 16;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Scenario}: uploads={Uploads} recorded={Recorded} duplicated={Duplicated} lost={Lost} superseded={Superseded} incomplete={Incomplete} current-is-latest={RegionsCurrentLatest}/{Regions} receipts-sent={ReceiptsSent} receipts-failed={ReceiptsFailed} receipts-held={ReceiptsHeld} mail-files={MailFiles}");
}

/// <summary>
/// A chaos scenario's world: its own Azurite (data on disk, so it can be stopped and started again on the same ports),
/// the local host as a separate process (the real Program, with its supervisor, so it can be killed with SIGKILL), an
/// e-mail pickup folder, and the application's services to upload and read what the host recorded.
/// </summary>
internal sealed partial class ChaosWorld : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    private readonly string _root;
    private readonly string _ports;
    private readonly ServiceProvider _services;
    private Process? _host;
    private int _hostRuns;

    private ChaosWorld(string root, string connection, string ports, ServiceProvider services)
    {
        _root = root;
        ConnectionString = connection;
        _ports = ports;
        _services = services;
    }

    public string ConnectionString { get; }

    public string MailDirectory => Path.Combine(_root, "mail");

    public IServiceProvider Services => _services;

    public StorageLayout Layout => _services.GetRequiredService<StorageLayout>();

    public static async Task<ChaosWorld> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("pmg-chaos.").FullName;
        var connection = await AzuriteScript.RunAsync("start", Path.Combine(root, "azurite"), "--location", Path.Combine(root, "data"));
        var ports = string.Join(' ', Port().Matches(connection).Select(m => m.Groups[1].Value));
        var services = TestServices.Build(TestServices.Configuration(new Dictionary<string, string?>
        {
            ["PmgStorage"] = connection,
            ["Pmg:Services"] = "SERNAM",
        }));
        await services.GetRequiredService<IStorageProvisioner>().EnsureCreatedAsync();
        return new ChaosWorld(root, connection, ports, services);
    }

    /// <summary>Starts the local host process (Release or Debug, as this test was built).</summary>
    public void StartHost(IReadOnlyDictionary<string, string>? settings = null)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Samples.RepositoryRoot, "src", "Pmg.LocalHost", "bin", configuration, "net10.0", "Pmg.LocalHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        var log = Path.Combine(_root, string.Create(CultureInfo.InvariantCulture, $"host-{++_hostRuns}.log"));
        start.Environment["PmgStorage"] = ConnectionString;
        start.Environment["AzureWebJobsStorage"] = ConnectionString;
        start.Environment["Pmg__Services"] = "SERNAM";
        start.Environment["Notifications__PickupDirectory"] = MailDirectory;
        // Sweeps every 5 s taking blobs older than 15 s: a scenario (a killed host's half-done batch) settles within its
        // limit, while the trigger's own deliveries (1 s apart here) keep the first chance at every upload.
        start.Environment["LocalHost__SweepInterval"] = "00:00:05";
        start.Environment["Pmg__Reconciliation__GracePeriod"] = "00:00:15";
        start.Environment["Pmg__RecalculationSchedule"] = "0 0 0 1 1 *";
        start.Environment["AzureWebJobs__Extensions__queues__maxPollingInterval"] = "00:00:01";
        start.Environment["AzureWebJobs__Extensions__queues__visibilityTimeout"] = "00:00:01";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        // The host's console goes to a file through the shell, so a killed host leaves its log behind.
        start.FileName = "bash";
        start.ArgumentList.Clear();
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" > \"$1\" 2>&1");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(log);
        _host = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host.");
    }

    /// <summary>SIGKILL: no shutdown, in-flight work left half-done.</summary>
    public async Task KillHostAsync()
    {
        if (_host is { HasExited: false } host)
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    /// <summary>Whether the host process is still running (it must survive every scenario but a kill).</summary>
    public bool HostRunning => _host is { HasExited: false };

    public Task StopStorageAsync() => AzuriteScript.RunAsync("stop", Path.Combine(_root, "azurite"));

    public Task StartStorageAgainAsync() =>
        AzuriteScript.RunAsync("start", Path.Combine(_root, "azurite"), "--location", Path.Combine(_root, "data"), "--ports", _ports);

    /// <summary>Uploads a form as <c>pmg upload</c> does (uploader and high-resolution time in the metadata).</summary>
    public async Task<ChaosUpload> UploadAsync(string name, byte[] content, string uploader = "carga@sernam.cl")
    {
        var recorded = TimeProvider.System.GetUtcNow();
        var info = (await Layout.Forms.GetBlobClient(name).UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = UploadMetadata.For(uploader, recorded) })).Value;
        return new ChaosUpload(name, name.Split('/')[2], info.ETag.ToString(), info.LastModified, recorded);
    }

    /// <summary>
    /// Waits until every upload still in storage as uploaded has a completed record, no receipt message is left that
    /// the running host could take, and every receipt is sent or failed (after a kill: or held by the dead host's lease).
    /// </summary>
    public async Task WaitSettledAsync(IReadOnlyList<ChaosUpload> uploads, bool hostWasKilled = false)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (true)
        {
            var counts = await CountAsync("waiting", uploads);
            if (counts.Lost == 0 && counts.Incomplete == 0 && counts.ReceiptsVisible == 0 && (hostWasKilled ? counts.ReceiptsAccountedForAfterKill : counts.ReceiptsSettled))
            {
                return;
            }

            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"Not settled within {Limit.TotalSeconds} s: {counts}. Host log:\n{HostLog()}");
            }

            await Task.Delay(1000, CancellationToken.None);
        }
    }

    /// <summary>
    /// Counts: each upload's record (exactly one per blob version; a version overwritten before anything read it is
    /// superseded, not lost), each region's current submission against the latest upload by the pipeline's own rule,
    /// and each recorded upload's receipt (sent or recorded failed) against the .eml files written.
    /// </summary>
    public async Task<ChaosCounts> CountAsync(string scenario, IReadOnlyList<ChaosUpload> uploads)
    {
        var ledger = _services.GetRequiredService<ISubmissionLedger>();
        var records = await ledger.ListAsync("SERNAM", 2009);
        var byId = records.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.ToList());
        // The version a name holds now is the one storage committed last, which for concurrent overwrites need not be
        // the one whose upload started last: ask storage, not the uploaders' clocks.
        var lastVersion = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in uploads.Select(u => u.Name).Distinct(StringComparer.Ordinal))
        {
            lastVersion[name] = (await Layout.Forms.GetBlobClient(name).GetPropertiesAsync()).Value.ETag.ToString();
        }

        int recorded = 0, duplicated = 0, lost = 0, superseded = 0, incomplete = 0, sent = 0, failed = 0;
        var notifications = _services.GetRequiredService<INotificationLedger>();
        foreach (var upload in uploads)
        {
            if (!byId.TryGetValue(upload.SubmissionId, out var found))
            {
                if (lastVersion[upload.Name] == upload.ETag)
                {
                    lost++;
                }
                else
                {
                    superseded++;
                }

                continue;
            }

            recorded++;
            duplicated += found.Count - 1;
            if (!found[0].Completed)
            {
                incomplete++;
            }

            var receipt = await notifications.FindAsync(NotificationIds.Of(NotificationKind.Receipt, upload.SubmissionId, ["carga@sernam.cl"]));
            sent += receipt?.State == NotificationState.Sent ? 1 : 0;
            failed += receipt?.State == NotificationState.Failed ? 1 : 0;
        }

        // Records no upload of this scenario explains would be duplicates too (a version recorded under another id).
        duplicated += records.Count(r => uploads.All(u => u.SubmissionId != r.Id));

        var current = _services.GetRequiredService<ICurrentSubmissionStore>();
        var regions = 0;
        var latestIsCurrent = 0;
        foreach (var region in uploads.Where(u => byId.ContainsKey(u.SubmissionId)).GroupBy(u => u.Region))
        {
            regions++;
            var latest = SubmissionRecency.Latest(region, u => u.LastModified, u => u.SubmissionId);
            var candidates = region.Where(u => u.LastModified == latest.LastModified).ToList();
            latest = candidates.Aggregate((a, b) => SubmissionRecency.IsNewer(b.LastModified, b.RecordedAt, b.SubmissionId, a.LastModified, a.RecordedAt, a.SubmissionId) ? b : a);
            var pointer = await current.GetAsync("SERNAM", 2009, region.Key);
            latestIsCurrent += pointer?.SubmissionId == latest.SubmissionId ? 1 : 0;
        }

        var mailFiles = Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml").Length : 0;

        // The queue's count includes invisible (taken) messages; a peek sees only the visible ones.
        var queued = (await Layout.Receipts.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var visible = (await Layout.Receipts.PeekMessagesAsync(32)).Value.Length;
        return new ChaosCounts(scenario, uploads.Count, recorded, duplicated, lost, superseded, incomplete, latestIsCurrent, regions, sent, failed, mailFiles, queued - visible, visible);
    }

    /// <summary>Appends the counts to the file eng/chaos.sh prints (PMG_CHAOS_REPORT), when it runs the tests.</summary>
    public static void Report(ChaosCounts counts)
    {
        if (Environment.GetEnvironmentVariable("PMG_CHAOS_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, counts + Environment.NewLine);
        }
    }

    public string HostLog()
    {
        var logs = Directory.GetFiles(_root, "host-*.log").Order(StringComparer.Ordinal).ToList();
        return logs.Count == 0 ? "(none)" : string.Join('\n', File.ReadLines(logs[^1]).TakeLast(40));
    }

    public async ValueTask DisposeAsync()
    {
        await KillHostAsync();
        _host?.Dispose();
        await _services.DisposeAsync();
        try
        {
            await StopStorageAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped by the scenario
        }

        Directory.Delete(_root, recursive: true);
    }

    [GeneratedRegex(@"Endpoint=http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex Port();
}
