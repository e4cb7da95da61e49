using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Compliance;

/// <summary>What to send for one region and how the alert ledger changes.</summary>
/// <param name="Digests">Digests to queue: one per unit with something due, one for the director, one for the coordinator.</param>
/// <param name="Ledger">Ledger entries to write (alerted now, or newly resolved).</param>
public sealed record AlertPlan(IReadOnlyList<AlertDigestMessage> Digests, IReadOnlyList<AlertLedgerEntry> Ledger);

/// <summary>Decides which activities at risk are due an alert, against the alert ledger, and builds the digests.</summary>
public static class AlertPlanner
{
    /// <summary>
    /// An item is due when the ledger has never alerted it, alerted a different state of it (its mark or quoted
    /// words changed), it had been resolved, or it was last alerted <paramref name="reminderInterval"/> or longer ago.
    /// When anything is due: one digest per responsible unit with due items (its due items), one for the regional
    /// director (every item of the region at risk) and one for the national coordinator (the due items and the
    /// list of units concerned). Items no longer at risk are marked resolved.
    /// </summary>
    public static AlertPlan Plan(
        string service,
        int year,
        Region region,
        IReadOnlyList<AtRiskActivity> atRisk,
        IReadOnlyList<ProgramResult> scores,
        IReadOnlyList<AlertLedgerEntry> ledger,
        DateTimeOffset now,
        TimeSpan reminderInterval)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(atRisk);
        ArgumentNullException.ThrowIfNull(ledger);
        var known = ledger.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var current = atRisk.DistinctBy(a => a.Key).ToList();
        var due = current.Where(a => IsDue(a, known, now, reminderInterval)).ToList();

        var writes = due.Select(a => new AlertLedgerEntry(LedgerKey(a), a.Fingerprint, now, false, a.Unit, Clip(a.Activity))).ToList();
        var currentKeys = current.Select(LedgerKey).ToHashSet(StringComparer.Ordinal);
        writes.AddRange(ledger.Where(e => !e.Resolved && !currentKeys.Contains(e.Key)).Select(e => e with { Resolved = true }));

        var digests = new List<AlertDigestMessage>();
        if (due.Count > 0)
        {
            var scoreList = scores.Select(s => new AlertScore(s.Section.Code(), s.DisplayPerformance, s.Status.Label())).ToArray();
            var alertRegion = new AlertRegion(region.Code, region.Name);
            // One digest per unit, however the form spells it ("Encargada regional de VIF" / "encargado Regional de VIF."):
            // the same comparison key the address book matches units by. The digest names the unit's first spelling.
            foreach (var unit in due.Where(a => a.Unit.Length > 0).GroupBy(a => ContactNames.Key(a.Unit), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var name = unit.Select(a => a.Unit).Order(StringComparer.Ordinal).First();
                digests.Add(Digest(service, year, alertRegion, new AlertRecipient(AlertRoles.Unit, name), [.. unit], scoreList, [], now));
            }

            digests.Add(Digest(service, year, alertRegion, new AlertRecipient(AlertRoles.Director, null), current, scoreList, [], now));
            var units = due.Select(a => a.Unit).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            digests.Add(Digest(service, year, alertRegion, new AlertRecipient(AlertRoles.Coordinator, null), due, scoreList, units, now));
        }

        return new AlertPlan(digests, writes);
    }

    /// <summary>The ledger row key of an item: the first 32 hex digits of SHA-256 over its activity and reason.</summary>
    public static string LedgerKey(AtRiskActivity item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Hash(item.Key);
    }

    private static bool IsDue(AtRiskActivity item, Dictionary<string, AlertLedgerEntry> known, DateTimeOffset now, TimeSpan interval) =>
        !known.TryGetValue(LedgerKey(item), out var entry)
        || entry.Resolved
        || !string.Equals(entry.Fingerprint, item.Fingerprint, StringComparison.Ordinal)
        || now - entry.LastAlertedAt >= interval;

    // The id hashes the UTC day too, so a reminder of the same items days later is not taken for a redelivery.
    private static AlertDigestMessage Digest(
        string service, int year, AlertRegion region, AlertRecipient recipient, IReadOnlyList<AtRiskActivity> items, AlertScore[] scores, string[] units, DateTimeOffset now)
    {
        var ordered = items.OrderBy(a => a.Section).ThenBy(a => a.ObjectiveNumber).ThenBy(a => a.Activity, StringComparer.Ordinal).ThenBy(a => a.Reason, StringComparer.Ordinal).ToArray();
        var identity = string.Join(
            "\n",
            new[] { service, year.ToString(CultureInfo.InvariantCulture), region.Code, recipient.Role, recipient.Unit ?? "", now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                .Concat(items.Select(a => a.Key + "\u001e" + a.Fingerprint).Order(StringComparer.Ordinal)));
        return new AlertDigestMessage(Hash(identity), service, year, region, recipient, ordered.Select(a => a.ToItem()).ToArray(), scores, units, now);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static string Clip(string text) => text.Length > 1000 ? text[..1000] : text;
}
