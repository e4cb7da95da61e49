using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pmg.Domain.Model;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Compliance;

/// <summary>Which activities of one region are due an alert now, and how the alert ledger changes.</summary>
/// <param name="Region">The region.</param>
/// <param name="Current">Every activity at risk in the region now.</param>
/// <param name="Due">Those due an alert (new, changed, resolved before, or reminder interval elapsed).</param>
/// <param name="Scores">The region's programme results.</param>
/// <param name="Ledger">Ledger entries to write (alerted now, or newly resolved).</param>
public sealed record RegionAlerts(
    Region Region,
    IReadOnlyList<AtRiskActivity> Current,
    IReadOnlyList<AtRiskActivity> Due,
    IReadOnlyList<ProgramResult> Scores,
    IReadOnlyList<AlertLedgerEntry> Ledger);

/// <summary>
/// Decides which activities at risk are due an alert, against the alert ledger, and builds one digest per recipient
/// address and run.
/// </summary>
public static class AlertPlanner
{
    /// <summary>
    /// An item is due when the ledger has never alerted it, alerted a different state of it (its mark or quoted
    /// words changed), it had been resolved, or it was last alerted <paramref name="reminderInterval"/> or longer ago.
    /// Items no longer at risk are marked resolved.
    /// </summary>
    public static RegionAlerts Due(
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
        return new RegionAlerts(region, current, due, scores, writes);
    }

    /// <summary>
    /// One digest per recipient address (compared case-insensitively) for the whole run, over every region with
    /// something due. An item goes to the address(es) of its unit in the address book, whatever the form's spelling;
    /// an item of a unit without a contact goes to the region's director (else the coordinator). A director is also
    /// told the region's summary (scores, every unit with activities at risk and whether it has a contact), and the
    /// coordinator the summary of every region. Items nobody can receive make one digest without address, which the
    /// notifier records as failed.
    /// </summary>
    public static IReadOnlyList<AlertDigestMessage> Digests(
        string service, int year, IReadOnlyList<RegionAlerts> regions, ContactBook book, DateOnly closingDate, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(book);
        var boxes = new Dictionary<string, Mailbox>(StringComparer.OrdinalIgnoreCase);
        Mailbox Box(string address) => boxes.TryGetValue(address, out var box) ? box : boxes[address] = new Mailbox(address);

        var coordinator = book.Coordinator();
        foreach (var region in regions.Where(r => r.Due.Count > 0).OrderBy(r => RegionOrder(r.Region)))
        {
            var code = region.Region.Code;
            var director = book.Director(code);
            foreach (var item in region.Due)
            {
                var unit = item.Unit.Length > 0 ? book.FindUnit(code, item.Unit) : null;
                var (contact, role) = unit is not null ? (unit, unit.Role == ContactRole.RegionalDirector ? AlertRoles.Director : AlertRoles.Unit)
                    : director is not null ? (director, AlertRoles.Director)
                    : coordinator is not null ? (coordinator, AlertRoles.Coordinator)
                    : ((Contact?)null, AlertRoles.Director);
                foreach (var address in Addresses(contact))
                {
                    var box = Box(address);
                    box.Take(role, role == AlertRoles.Unit ? contact!.Unit : null);
                    box.Part(region).Items.Add(item);
                }
            }

            var summary = Summary(region, book);
            foreach (var (contact, role) in new[] { (director, AlertRoles.Director), (coordinator, AlertRoles.Coordinator) })
            {
                if (contact is null)
                {
                    continue;
                }

                foreach (var address in Addresses(contact))
                {
                    var box = Box(address);
                    box.Take(role, null);
                    box.Part(region).Summary = summary;
                }
            }
        }

        return boxes.Values
            .OrderBy(b => b.Address, StringComparer.OrdinalIgnoreCase)
            .Select(b => b.ToDigest(service, year, closingDate, today, now))
            .ToArray();
    }

    /// <summary>The ledger row key of an item: the first 32 hex digits of SHA-256 over its activity and reason.</summary>
    public static string LedgerKey(AtRiskActivity item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Hash(item.Key);
    }

    // "" stands for nobody: the items still make a digest, recorded as failed by the notifier.
    private static IEnumerable<string> Addresses(Contact? contact) =>
        contact is null || contact.Emails.Count == 0 ? [""] : contact.Emails.Select(e => e.Trim()).Where(e => e.Length > 0).DistinctBy(e => e.ToUpperInvariant());

    private static AlertUnitSummary[] Summary(RegionAlerts region, ContactBook book) =>
        region.Current
            .Where(a => a.Unit.Length > 0)
            .GroupBy(a => ContactNames.Key(a.Unit), StringComparer.Ordinal)
            .Select(g => new AlertUnitSummary(
                g.Select(a => a.Unit).Order(StringComparer.Ordinal).First(),
                g.Select(a => (a.Section, a.ObjectiveNumber, a.Activity)).Distinct().Count(),
                book.FindUnit(region.Region.Code, g.First().Unit) is not null))
            .OrderByDescending(u => u.Activities)
            .ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToArray();

    private static bool IsDue(AtRiskActivity item, Dictionary<string, AlertLedgerEntry> known, DateTimeOffset now, TimeSpan interval) =>
        !known.TryGetValue(LedgerKey(item), out var entry)
        || entry.Resolved
        || !string.Equals(entry.Fingerprint, item.Fingerprint, StringComparison.Ordinal)
        || now - entry.LastAlertedAt >= interval;

    private static int RegionOrder(Region region)
    {
        var index = RegionCatalog.All.ToList().FindIndex(r => r.Code == region.Code);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static string Clip(string text) => text.Length > 1000 ? text[..1000] : text;

    /// <summary>What one address is told in this run.</summary>
    private sealed class Mailbox(string address)
    {
        private readonly HashSet<string> _roles = new(StringComparer.Ordinal);
        private readonly List<string> _units = [];
        private readonly List<(RegionAlerts Region, RegionPart Part)> _parts = [];

        public string Address { get; } = address;

        public void Take(string role, string? unit)
        {
            _roles.Add(role);
            if (unit is not null && !_units.Any(u => ContactNames.Key(u) == ContactNames.Key(unit)))
            {
                _units.Add(unit);
            }
        }

        public RegionPart Part(RegionAlerts region)
        {
            var found = _parts.FirstOrDefault(p => ReferenceEquals(p.Region, region));
            if (found.Part is null)
            {
                found = (region, new RegionPart());
                _parts.Add(found);
            }

            return found.Part;
        }

        // The id hashes the Chile date too, so a reminder of the same items days later is not taken for a redelivery.
        public AlertDigestMessage ToDigest(string service, int year, DateOnly closingDate, DateOnly today, DateTimeOffset now)
        {
            var role = _roles.Contains(AlertRoles.Coordinator) ? AlertRoles.Coordinator : _roles.Contains(AlertRoles.Director) ? AlertRoles.Director : AlertRoles.Unit;
            var regions = _parts.Select(p => p.Region.Region.Name).ToArray();
            var name = role switch
            {
                AlertRoles.Coordinator => "Coordinación nacional del PMG",
                AlertRoles.Director => "Dirección Regional de " + DigestComposer.JoinSpanish(regions),
                _ => DigestComposer.JoinSpanish(_units),
            };

            var identity = new StringBuilder()
                .AppendJoin('\n', service, year.ToString(CultureInfo.InvariantCulture), Address.ToUpperInvariant(), role, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var parts = new List<AlertRegionDigest>();
            foreach (var (region, part) in _parts)
            {
                var items = part.Items.DistinctBy(a => a.Key)
                    .OrderBy(a => a.Section).ThenBy(a => a.ObjectiveNumber).ThenBy(a => a.Activity, StringComparer.Ordinal).ThenBy(a => a.Reason, StringComparer.Ordinal)
                    .ToArray();
                identity.Append('\n').Append(region.Region.Code);
                foreach (var key in items.Select(a => a.Key + "\u001e" + a.Fingerprint).Order(StringComparer.Ordinal))
                {
                    identity.Append('\n').Append(key);
                }

                foreach (var unit in part.Summary ?? [])
                {
                    identity.Append('\n').Append(unit.Unit).Append('\u001e').Append(unit.Activities.ToString(CultureInfo.InvariantCulture)).Append(unit.HasContact ? "+" : "-");
                }

                parts.Add(new AlertRegionDigest(
                    new AlertRegion(region.Region.Code, region.Region.Name),
                    region.Scores.Select(s => new AlertScore(s.Section.Code(), s.DisplayPerformance, s.Status.Label())).ToArray(),
                    items.Select(a => a.ToItem()).ToArray(),
                    part.Summary ?? []));
            }

            var emails = Address.Length == 0 ? Array.Empty<string>() : [Address];
            return new AlertDigestMessage(Hash(identity.ToString()), service, year, new AlertRecipient(role, name, emails), parts, closingDate, now);
        }
    }

    private sealed class RegionPart
    {
        public List<AtRiskActivity> Items { get; } = [];

        public AlertUnitSummary[]? Summary { get; set; }
    }
}
