namespace Pmg.Pipeline.Notifications;

/// <summary>Where one e-mail stands.</summary>
public enum NotificationState
{
    /// <summary>Composed; not yet accepted by the provider (or the last attempt failed and the message will be retried).</summary>
    Pending,

    /// <summary>Accepted by the provider: never sent again.</summary>
    Sent,

    /// <summary>The queue message kept failing and went to the poison queue.</summary>
    Failed,

    /// <summary>A failed e-mail that <c>pmg retry</c> sent again under another id (its recipients changed in the address book).</summary>
    Superseded,
}

/// <summary>What kind of notification.</summary>
public enum NotificationKind
{
    /// <summary>A digest of activities at risk.</summary>
    Digest,

    /// <summary>A receipt of an upload.</summary>
    Receipt,
}

/// <summary>One e-mail in the NotificationLedger table.</summary>
public sealed record NotificationEntry
{
    /// <summary>Deterministic id: hash of the message id (digestId or submission id) and the recipient.</summary>
    public required string Id { get; init; }

    /// <summary>Digest or receipt.</summary>
    public required NotificationKind Kind { get; init; }

    /// <summary>The digestId or the receipt's submission id.</summary>
    public required string SourceId { get; init; }

    /// <summary>Service, when known ("_" otherwise).</summary>
    public string? Service { get; init; }

    /// <summary>Year, when known.</summary>
    public int? Year { get; init; }

    /// <summary>Region ISO code, when known.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The recipients' addresses, comma-separated.</summary>
    public required string Recipient { get; init; }

    /// <summary>The subject.</summary>
    public required string Subject { get; init; }

    /// <summary>Pending, Sent or Failed.</summary>
    public NotificationState State { get; init; }

    /// <summary>Send attempts started.</summary>
    public int Attempts { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the provider accepted it.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why it failed (last error), for status screens.</summary>
    public string? Error { get; init; }

    /// <summary>The stored row's ETag, when read from the store.</summary>
    public string? ETag { get; init; }

    /// <summary>The queue message (JSON) the e-mail was composed from, so <c>pmg retry</c> can send it again; null for older rows.</summary>
    public string? Message { get; init; }
}

/// <summary>The ledger of e-mails (table NotificationLedger): makes sending idempotent and failures visible.</summary>
public interface INotificationLedger
{
    /// <summary>The entry with this id, or null.</summary>
    Task<NotificationEntry?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Adds the entry; returns null when added, else the entry already stored under the id.</summary>
    Task<NotificationEntry?> TryAddAsync(NotificationEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Replaces the entry if its stored ETag is still <paramref name="etag"/>; returns the new ETag, or null when it changed meanwhile.</summary>
    Task<string?> TryReplaceAsync(NotificationEntry entry, string etag, CancellationToken cancellationToken = default);

    /// <summary>Failed notifications, newest first (null filters mean all): for <c>pmg status</c>.</summary>
    Task<IReadOnlyList<NotificationEntry>> GetFailedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);
}
