using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Messages;

namespace Pmg.Pipeline.Notifications;

/// <summary>What handling one queue message did.</summary>
/// <param name="Sent">E-mails the provider accepted now.</param>
/// <param name="AlreadySent">E-mails skipped because the ledger says they were sent (a redelivered message).</param>
/// <param name="Unaddressed">E-mails that had no recipient in the address book (recorded as failed).</param>
public sealed record NotificationOutcome(int Sent, int AlreadySent, int Unaddressed)
{
    /// <summary>E-mails the provider refused for good (bad key, unverified sender): recorded as failed at once, not retried.</summary>
    public int Refused { get; init; }
}

/// <summary>The ledger id of one e-mail: what makes sending it idempotent.</summary>
public static class NotificationIds
{
    /// <summary>The first 32 hex digits of SHA-256 over kind, source id (digest id, or submission id of a receipt) and recipients.</summary>
    public static string Of(NotificationKind kind, string sourceId, IEnumerable<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var text = kind + "\n" + sourceId + "\n" + string.Join(",", recipients.Select(r => r.ToLowerInvariant()).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}

/// <summary>What <see cref="INotificationService.ResendAsync"/> did with one failed e-mail.</summary>
public enum ResendResult
{
    /// <summary>The provider accepted it now.</summary>
    Sent,

    /// <summary>The ledger shows it sent meanwhile: nothing sent again.</summary>
    AlreadySent,

    /// <summary>Still nobody in the address book receives it; it stays failed.</summary>
    NoRecipient,

    /// <summary>Sending failed again; it stays failed with the new error.</summary>
    Failed,
}

/// <summary>Sends digests and receipts exactly once each, and records the ones that kept failing.</summary>
public interface INotificationService
{
    /// <summary>
    /// Sends a failed e-mail again from its queue message (<paramref name="json"/>), through the ledger, so it is sent
    /// at most once. Recipients come from today's address book; when they changed, the e-mail is a new ledger entry and
    /// the failed one is marked superseded once it is sent. A send failure records it as failed again with its error.
    /// </summary>
    Task<(ResendResult Result, string? Error)> ResendAsync(NotificationEntry failed, string json, CancellationToken cancellationToken = default);

    /// <summary>Sends the digest on an <c>alerts</c> queue message (JSON). Throws when the e-mail could not be sent, so the queue retries.</summary>
    Task<NotificationOutcome> SendDigestAsync(string json, CancellationToken cancellationToken = default);

    /// <summary>Sends a digest.</summary>
    Task<NotificationOutcome> SendDigestAsync(AlertDigestMessage digest, CancellationToken cancellationToken = default);

    /// <summary>Sends the receipt on a <c>receipts</c> queue message (JSON). Throws when the e-mail could not be sent.</summary>
    Task<NotificationOutcome> SendReceiptAsync(string json, CancellationToken cancellationToken = default);

    /// <summary>Sends a receipt to its uploader (or the region's director).</summary>
    Task<NotificationOutcome> SendReceiptAsync(Receipt receipt, CancellationToken cancellationToken = default);

    /// <summary>Records the e-mails of a poisoned message (one that failed on every delivery) as Failed, unless already sent.</summary>
    Task RecordFailureAsync(NotificationKind kind, string json, string reason, CancellationToken cancellationToken = default);

    /// <summary>Failed notifications, newest first, for status screens.</summary>
    Task<IReadOnlyList<NotificationEntry>> GetFailedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Resolves recipients in the address book, composes the Spanish e-mail and sends it through the ledger:
/// Pending → (claimed with an ETag check) → Sent. A redelivered message finds Sent and sends nothing.
/// </summary>
internal sealed class NotificationService(
    IContactDirectory directory,
    INotificationLedger ledger,
    IEmailSender sender,
    IOptions<PmgOptions> options,
    IOptions<PortalLinkOptions> portal,
    TimeProvider time,
    ILogger<NotificationService> logger) : INotificationService
{
    private const int MaxLedgerAttempts = 5;

    public Task<NotificationOutcome> SendDigestAsync(string json, CancellationToken cancellationToken = default)
    {
        if (AlertDigestJson.Deserialize(json) is not { DigestId: not null, Regions: not null, Recipient.Emails: not null } digest)
        {
            return Unreadable(NotificationKind.Digest, json, cancellationToken);
        }

        return SendDigestAsync(digest, cancellationToken);
    }

    public async Task<NotificationOutcome> SendDigestAsync(AlertDigestMessage digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var plan = await PlanDigestAsync(digest, cancellationToken).ConfigureAwait(false);
        return await DeliverAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    public Task<NotificationOutcome> SendReceiptAsync(string json, CancellationToken cancellationToken = default) =>
        ReceiptJson.Deserialize(json) is { SubmissionId: not null, BlobName: not null } receipt
            ? SendReceiptAsync(receipt, cancellationToken)
            : Unreadable(NotificationKind.Receipt, json, cancellationToken);

    public async Task<NotificationOutcome> SendReceiptAsync(Receipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var plan = await PlanReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
        return await DeliverAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordFailureAsync(NotificationKind kind, string json, string reason, CancellationToken cancellationToken = default)
    {
        Planned? plan = null;
        if (kind == NotificationKind.Digest && AlertDigestJson.Deserialize(json) is { DigestId: not null, Regions: not null, Recipient.Emails: not null } digest)
        {
            plan = await PlanDigestAsync(digest, cancellationToken).ConfigureAwait(false);
        }
        else if (kind == NotificationKind.Receipt && ReceiptJson.Deserialize(json) is { SubmissionId: not null, BlobName: not null } receipt)
        {
            plan = await PlanReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
        }

        if (plan is null)
        {
            await Unreadable(kind, json, cancellationToken).ConfigureAwait(false);
            return;
        }

        var entry = plan.Entry;
        for (var attempt = 1; attempt <= MaxLedgerAttempts; attempt++)
        {
            var stored = await GetOrAddAsync(entry, cancellationToken).ConfigureAwait(false);
            if (stored.State == NotificationState.Sent)
            {
                logger.AlreadySent(stored.Id, stored.Subject);
                return;
            }

            var failed = stored with { State = NotificationState.Failed, Error = reason, UpdatedAt = time.GetUtcNow() };
            if (await ledger.TryReplaceAsync(failed, stored.ETag!, cancellationToken).ConfigureAwait(false) is not null)
            {
                logger.NotificationFailed(stored.Id, stored.Kind, stored.Subject, reason);
                return;
            }
        }

        throw new InvalidOperationException($"Notification {entry.Id} kept changing while recording its failure.");
    }

    public Task<IReadOnlyList<NotificationEntry>> GetFailedAsync(string? service = null, int? year = null, CancellationToken cancellationToken = default) =>
        ledger.GetFailedAsync(service, year, cancellationToken);

    public async Task<(ResendResult Result, string? Error)> ResendAsync(NotificationEntry failed, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failed);
        Planned? plan = failed.Kind switch
        {
            NotificationKind.Digest when AlertDigestJson.Deserialize(json) is { DigestId: not null, Regions: not null, Recipient.Emails: not null } digest =>
                await PlanDigestAsync(digest, cancellationToken).ConfigureAwait(false),
            NotificationKind.Receipt when ReceiptJson.Deserialize(json) is { SubmissionId: not null, BlobName: not null } receipt =>
                await PlanReceiptAsync(receipt, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        if (plan is null)
        {
            return (ResendResult.Failed, "El mensaje guardado no tiene el formato esperado.");
        }

        NotificationOutcome outcome;
        try
        {
            outcome = await DeliverAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordFailureAsync(failed.Kind, json, "Reintento fallido: " + e.Message, cancellationToken).ConfigureAwait(false);
            return (ResendResult.Failed, e.Message);
        }

        if (outcome.Refused > 0)
        {
            // The provider refused it for good again (a bad key, an unverified sender): still failed, with its reason.
            return (ResendResult.Failed, (await ledger.FindAsync(plan.Entry.Id, cancellationToken).ConfigureAwait(false))?.Error);
        }

        if (outcome.Unaddressed > 0)
        {
            return (ResendResult.NoRecipient, null);
        }

        if (plan.Entry.Id != failed.Id && await ledger.FindAsync(failed.Id, cancellationToken).ConfigureAwait(false) is { State: NotificationState.Failed } old)
        {
            // Sent to today's recipients under another id: the old entry no longer stands for an unsent e-mail.
            await ledger.TryReplaceAsync(old with { State = NotificationState.Superseded, UpdatedAt = time.GetUtcNow() }, old.ETag!, cancellationToken).ConfigureAwait(false);
        }

        return (outcome.Sent > 0 ? ResendResult.Sent : ResendResult.AlreadySent, null);
    }

    /// <summary>The ledger id of one e-mail (<see cref="NotificationIds.Of"/>).</summary>
    public static string NotificationId(NotificationKind kind, string sourceId, IEnumerable<string> recipients) => NotificationIds.Of(kind, sourceId, recipients);

    // The recalculation resolved the address book already: one digest is one address's e-mail of the run.
    private Task<Planned> PlanDigestAsync(AlertDigestMessage digest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var content = DigestComposer.Compose(digest, options.Value.Today(time), PortalLinks.For(portal.Value.PublicUrl));
        var region = digest.Regions.Count == 1 ? digest.Regions[0].Region.Code : null;
        return Task.FromResult(Plan(NotificationKind.Digest, digest.DigestId, digest.Service, digest.Year, region, digest.Recipient.Emails, content, AlertDigestJson.Serialize(digest)));
    }

    private async Task<Planned> PlanReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> to = [];
        if (receipt.Uploader is { } uploader && ContactRowParser.IsEmail(uploader.Trim()))
        {
            to = [uploader.Trim()];
        }
        else if (receipt.Service is { } service)
        {
            var book = new ContactBook(await directory.GetAsync(service, cancellationToken).ConfigureAwait(false));
            var contact = (receipt.Region is { } region ? book.Director(region) : null) ?? book.Coordinator();
            to = contact?.Emails ?? [];
        }

        var settings = options.Value;
        var content = ReceiptComposer.Compose(
            receipt, PortalLinks.For(portal.Value.PublicUrl), receipt.Year is { } year ? settings.ClosingDateFor(year) : null, settings.Today(time));

        // A failed upload processed again later (pmg retry) gets a second receipt with its new outcome: a distinct e-mail.
        var sourceId = receipt.Outcome == "failed" ? receipt.SubmissionId + "|failed" : receipt.SubmissionId;
        return Plan(NotificationKind.Receipt, sourceId, receipt.Service, receipt.Year, receipt.Region, to, content, ReceiptJson.Serialize(receipt));
    }

    private Planned Plan(NotificationKind kind, string sourceId, string? service, int? year, string? region, IReadOnlyList<string> to, EmailContent content, string message)
    {
        var id = NotificationId(kind, sourceId, to);
        var entry = new NotificationEntry
        {
            Id = id,
            Kind = kind,
            SourceId = sourceId,
            Service = service,
            Year = year,
            RegionCode = region,
            Recipient = string.Join(", ", to),
            Subject = content.Subject,
            State = NotificationState.Pending,
            UpdatedAt = time.GetUtcNow(),
            Message = message,
        };
        var email = new EmailMessage(id, to.Select(a => new EmailAddress(a)).ToArray(), content.Subject, content.Text, content.Html);
        return new Planned(entry, email);
    }

    private async Task<NotificationOutcome> DeliverAsync(Planned plan, CancellationToken cancellationToken)
    {
        var entry = plan.Entry;
        if (plan.Message.To.Count == 0)
        {
            // Nothing to retry: no address will appear by redelivering. Visible as a failed notification instead.
            var stored = await GetOrAddAsync(entry, cancellationToken).ConfigureAwait(false);
            if (stored.State != NotificationState.Failed)
            {
                await ledger.TryReplaceAsync(
                    stored with { State = NotificationState.Failed, Error = "No hay destinatario en la libreta de direcciones (ni Dirección Regional ni coordinación nacional).", UpdatedAt = time.GetUtcNow() },
                    stored.ETag!,
                    cancellationToken).ConfigureAwait(false);
            }

            logger.NoRecipient(entry.Id, entry.Subject);
            return new NotificationOutcome(0, 0, 1);
        }

        var current = await GetOrAddAsync(entry, cancellationToken).ConfigureAwait(false);
        if (current.State == NotificationState.Sent)
        {
            logger.AlreadySent(current.Id, current.Subject);
            return new NotificationOutcome(0, 1, 0);
        }

        // Claim the send: another delivery of the same message racing us loses the ETag check and retries later.
        var claimed = current with { State = NotificationState.Pending, Attempts = current.Attempts + 1, UpdatedAt = time.GetUtcNow() };
        var etag = await ledger.TryReplaceAsync(claimed, current.ETag!, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Notification {entry.Id} is being sent by another delivery; retry later.");

        try
        {
            await sender.SendAsync(plan.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (EmailSendException e) when (e.Permanent)
        {
            // Redelivering cannot help (a bad key, an unverified sender): failed now, with the provider's reason.
            logger.SendRefused(entry.Id, entry.Subject, e.StatusCode ?? 0, e.Message);
            await ledger.TryReplaceAsync(claimed with { State = NotificationState.Failed, Error = e.Message, UpdatedAt = time.GetUtcNow() }, etag, CancellationToken.None).ConfigureAwait(false);
            return new NotificationOutcome(0, 0, 0) { Refused = 1 };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.SendFailed(e, entry.Id, entry.Subject, claimed.Attempts);
            await ledger.TryReplaceAsync(claimed with { Error = e.Message, UpdatedAt = time.GetUtcNow() }, etag, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var sent = claimed with { State = NotificationState.Sent, SentAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow(), Error = null };
        for (var attempt = 1; attempt <= MaxLedgerAttempts; attempt++)
        {
            if (await ledger.TryReplaceAsync(sent, etag, CancellationToken.None).ConfigureAwait(false) is not null)
            {
                logger.NotificationSent(entry.Id, entry.Kind, entry.Subject, entry.Recipient);
                return new NotificationOutcome(1, 0, 0);
            }

            var latest = await ledger.FindAsync(entry.Id, CancellationToken.None).ConfigureAwait(false);
            if (latest is null || latest.State == NotificationState.Sent)
            {
                break;
            }

            etag = latest.ETag!;
        }

        logger.NotificationSent(entry.Id, entry.Kind, entry.Subject, entry.Recipient);
        return new NotificationOutcome(1, 0, 0);
    }

    private async Task<NotificationEntry> GetOrAddAsync(NotificationEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxLedgerAttempts; attempt++)
        {
            if (await ledger.FindAsync(entry.Id, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }

            if (await ledger.TryAddAsync(entry, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }
        }

        throw new InvalidOperationException($"Notification {entry.Id} could not be read back from the ledger.");
    }

    private async Task<NotificationOutcome> Unreadable(NotificationKind kind, string json, CancellationToken cancellationToken)
    {
        var sourceId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json ?? "")).AsSpan(0, 16));
        var entry = new NotificationEntry
        {
            Id = NotificationId(kind, sourceId, []),
            Kind = kind,
            SourceId = sourceId,
            Recipient = "",
            Subject = kind == NotificationKind.Digest ? "(alerta ilegible)" : "(comprobante ilegible)",
            State = NotificationState.Failed,
            Error = "El mensaje de la cola no tiene el formato esperado; no se envió ningún correo.",
            UpdatedAt = time.GetUtcNow(),
        };
        await ledger.TryAddAsync(entry, cancellationToken).ConfigureAwait(false);
        logger.MessageUnreadable(kind, entry.Id);
        return new NotificationOutcome(0, 0, 1);
    }

    private sealed record Planned(NotificationEntry Entry, EmailMessage Message);
}
