namespace Pmg.Pipeline.Notifications;

/// <summary>An e-mail address with an optional display name.</summary>
/// <param name="Address">The address.</param>
/// <param name="Name">The display name, or null.</param>
public sealed record EmailAddress(string Address, string? Name = null);

/// <summary>One composed e-mail, ready for a sender.</summary>
/// <param name="NotificationId">The ledger id; senders carry it along (SendGrid custom_args, an .eml header) so a copy can be traced.</param>
/// <param name="To">The recipients.</param>
/// <param name="Subject">Subject line in Spanish.</param>
/// <param name="Text">Plain-text body.</param>
/// <param name="Html">HTML body; every value from a form is HTML-encoded.</param>
public sealed record EmailMessage(string NotificationId, IReadOnlyList<EmailAddress> To, string Subject, string Text, string Html);

/// <summary>Sends e-mail (SendGrid in Azure, .eml files in a pickup folder locally).</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends one e-mail. Returns when the provider accepted it; throws when it could not (after the sender's own
    /// retries), so the queue message is retried and, in the end, poisoned — never silently dropped; a refusal that
    /// no retry can change throws <see cref="EmailSendException"/> with <see cref="EmailSendException.Permanent"/> set.
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The provider refused an e-mail for good or kept failing; thrown so the queue redelivers the message.</summary>
public sealed class EmailSendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailSendException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EmailSendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public EmailSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the provider answered with, when there was an answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>
    /// The provider refused the e-mail for good (SendGrid 400, 401, 403: a bad key, an unverified sender, a malformed
    /// request): the notifier records it failed at once with <see cref="Exception.Message"/> instead of retrying.
    /// </summary>
    public bool Permanent { get; init; }
}
