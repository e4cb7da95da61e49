namespace Pmg.Pipeline.Compliance;

/// <summary>The alert ledger (AlertLedger: PK <c>{service}|{year}|{region}</c>, RK hash of activity and reason).</summary>
public interface IAlertLedger
{
    /// <summary>The ledger entries of one region.</summary>
    Task<IReadOnlyList<AlertLedgerEntry>> GetAsync(string service, int year, string regionCode, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces entries.</summary>
    Task SaveAsync(string service, int year, string regionCode, IReadOnlyList<AlertLedgerEntry> entries, CancellationToken cancellationToken = default);
}

/// <summary>One alerted activity and reason.</summary>
/// <param name="Key">Hash of the activity and reason (the row key).</param>
/// <param name="Fingerprint">The state alerted (mark and quote); a change alerts again.</param>
/// <param name="LastAlertedAt">When it was last put in a digest.</param>
/// <param name="Resolved">True once it was no longer at risk; it is alerted again if it comes back.</param>
/// <param name="Unit">The unit alerted.</param>
/// <param name="Activity">The activity's text (for people reading the table).</param>
public sealed record AlertLedgerEntry(string Key, string Fingerprint, DateTimeOffset LastAlertedAt, bool Resolved, string Unit, string Activity);
