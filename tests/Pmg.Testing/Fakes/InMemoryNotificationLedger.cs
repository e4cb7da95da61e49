using System.Collections.Concurrent;
using Pmg.Pipeline.Notifications;

namespace Pmg.Testing.Fakes;

/// <summary>An in-memory ledger with real ETag semantics (a replace with a stale ETag fails).</summary>
public sealed class InMemoryNotificationLedger : INotificationLedger
{
    private readonly ConcurrentDictionary<string, NotificationEntry> _entries = new();

    public IReadOnlyCollection<NotificationEntry> Entries => _entries.Values.ToArray();

    public Task<NotificationEntry?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryGetValue(id, out var entry) ? entry : null);

    public Task<NotificationEntry?> TryAddAsync(NotificationEntry entry, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryAdd(entry.Id, entry with { ETag = Guid.NewGuid().ToString() }) ? null : _entries[entry.Id]);

    public Task<string?> TryReplaceAsync(NotificationEntry entry, string etag, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(entry.Id, out var stored) || stored.ETag != etag)
            {
                return Task.FromResult<string?>(null);
            }

            var next = Guid.NewGuid().ToString();
            _entries[entry.Id] = entry with { ETag = next };
            return Task.FromResult<string?>(next);
        }
    }

    public Task<IReadOnlyList<NotificationEntry>> GetFailedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<NotificationEntry>>(_entries.Values
            .Where(e => e.State == NotificationState.Failed && (service is null || e.Service == service) && (year is null || e.Year == year))
            .OrderByDescending(e => e.UpdatedAt)
            .ToArray());
}
