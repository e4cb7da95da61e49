using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Tests;

/// <summary>A reader that returns a prepared result per file name and remembers the options it was given.</summary>
internal sealed class FakeFormReader : IFormReader
{
    private readonly Dictionary<string, FormReadResult> _results = new(StringComparer.Ordinal);

    public List<FormReadOptions> Calls { get; } = [];

    public FakeFormReader Returns(string fileName, FormReadResult result)
    {
        _results[fileName] = result;
        return this;
    }

    public Task<FormReadResult> ReadAsync(Stream content, string fileName, FormReadOptions options, CancellationToken cancellationToken = default)
    {
        Calls.Add(options);
        return Task.FromResult(_results.TryGetValue(fileName, out var result)
            ? result
            : FormReadResult.Refused(fileName, FormFormat.Unknown, Diagnostic.Error("NO_FORM", "El archivo no contiene el formulario.")));
    }
}

/// <summary>The ledger in memory, with the same conflict semantics as the table (409 on a second insert of an id).</summary>
internal sealed class InMemoryLedger : ISubmissionLedger
{
    public Dictionary<string, SubmissionRecord> Records { get; } = new(StringComparer.Ordinal);

    public int Adds { get; private set; }

    public Task<SubmissionRecord?> TryAddAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        if (Records.TryGetValue(record.Id, out var existing))
        {
            return Task.FromResult<SubmissionRecord?>(existing);
        }

        Adds++;
        Records[record.Id] = record;
        return Task.FromResult<SubmissionRecord?>(null);
    }

    public Task MarkCompletedAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        Records[record.Id] = Records[record.Id] with { Completed = true };
        return Task.CompletedTask;
    }

    public Task<SubmissionRecord?> FindAsync(string partition, string submissionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Records.TryGetValue(submissionId, out var r) && r.Partition == partition ? r : null);

    public Task ReplaceAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        Records[record.Id] = record with { Completed = true };
        return Task.CompletedTask;
    }

    public Task ReplaceFailedAsync(SubmissionRecord failed, SubmissionRecord retried, CancellationToken cancellationToken = default)
    {
        Records[retried.Id] = retried;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SubmissionRecord>> ListProblemsAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SubmissionRecord>>(Records.Values
            .Where(r => r.Outcome != IngestionStatus.Accepted && (service is null || r.Service == service) && (year is null || r.Year == year))
            .OrderByDescending(r => r.UploadedAt)
            .ToArray());

    public Task<IReadOnlyList<SubmissionRecord>> ListAsync(string service, int year, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SubmissionRecord>>(Records.Values
            .Where(r => r.Service == service && r.Year == year)
            .OrderByDescending(r => r.UploadedAt)
            .ToArray());
}

/// <summary>Version rows in memory.</summary>
internal sealed class InMemoryContentStore : ISubmissionContentStore
{
    public Dictionary<string, Submission> Saved { get; } = new(StringComparer.Ordinal);

    public Task SaveAsync(SubmissionRecord record, Submission submission, CancellationToken cancellationToken = default)
    {
        Saved[record.Id] = submission;
        return Task.CompletedTask;
    }

    public Task<Submission> LoadAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default) => Task.FromResult(Saved[pointer.SubmissionId]);
}

/// <summary>Regional results in memory, by submission id.</summary>
internal sealed class InMemoryRegionalResults : IRegionalResultStore
{
    public Dictionary<string, StoredRegionalResults> Saved { get; } = new(StringComparer.Ordinal);

    public Task SaveAsync(CurrentSubmission version, IReadOnlyList<ProgramResult> programs, int atRiskActivities, SubmissionFiling? filing, CancellationToken cancellationToken = default)
    {
        var previous = Saved.GetValueOrDefault(version.SubmissionId);
        Saved[version.SubmissionId] = new StoredRegionalResults(version.RegionCode, version.SubmissionId, programs.Select(ProgramSummaries.From).ToArray(), atRiskActivities, filing ?? previous?.Filing);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredRegionalResults>> ListAsync(string service, int year, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredRegionalResults>>(Saved.Values.ToArray());
}

/// <summary>Current pointers in memory with ETags; can inject a concurrent writer before the next replace.</summary>
internal sealed class InMemoryCurrentStore : ICurrentSubmissionStore
{
    private readonly Dictionary<string, CurrentSubmission> _pointers = new(StringComparer.Ordinal);
    private int _etag;

    /// <summary>Runs once, just before the next TryReplace/TryAdd, to simulate another instance writing first.</summary>
    public Action<InMemoryCurrentStore>? BeforeNextWrite { get; set; }

    public int Conflicts { get; private set; }

    public CurrentSubmission? Current(string service, int year, string region) =>
        _pointers.GetValueOrDefault(Key(service, year, region));

    public void Put(CurrentSubmission pointer) => _pointers[Key(pointer.Service, pointer.Year, pointer.RegionCode)] = pointer with { ETag = NextETag() };

    public Task<CurrentSubmission?> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default) =>
        Task.FromResult(Current(service, year, regionCode));

    public Task<IReadOnlyList<CurrentSubmission>> ListAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CurrentSubmission>>(_pointers.Values
            .Where(p => (service is null || p.Service == service) && (year is null || p.Year == year))
            .OrderBy(p => p.RegionCode, StringComparer.Ordinal)
            .ToArray());

    public Task<bool> TryAddAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default)
    {
        RunInterference();
        var key = Key(pointer.Service, pointer.Year, pointer.RegionCode);
        if (_pointers.ContainsKey(key))
        {
            Conflicts++;
            return Task.FromResult(false);
        }

        Put(pointer);
        return Task.FromResult(true);
    }

    public Task<bool> TryReplaceAsync(CurrentSubmission pointer, string etag, CancellationToken cancellationToken = default)
    {
        RunInterference();
        var key = Key(pointer.Service, pointer.Year, pointer.RegionCode);
        if (!_pointers.TryGetValue(key, out var stored) || stored.ETag != etag)
        {
            Conflicts++;
            return Task.FromResult(false);
        }

        Put(pointer);
        return Task.FromResult(true);
    }

    private void RunInterference()
    {
        var action = BeforeNextWrite;
        BeforeNextWrite = null;
        action?.Invoke(this);
    }

    private string NextETag() => "W/\"" + (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    private static string Key(string service, int year, string region) => service + "|" + year + "|" + region;
}

/// <summary>Receipts in memory.</summary>
internal sealed class InMemoryReceiptQueue : IReceiptQueue
{
    public List<Receipt> Messages { get; } = [];

    public Task EnqueueAsync(Receipt receipt, CancellationToken cancellationToken = default)
    {
        Messages.Add(receipt);
        return Task.CompletedTask;
    }
}

/// <summary>Blob tags in memory.</summary>
internal sealed class InMemoryTagger : IBlobTagger
{
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public Task TagAsync(string blobName, string version, string outcome, CancellationToken cancellationToken = default)
    {
        Tags[blobName + "@" + version] = outcome;
        return Task.CompletedTask;
    }
}
