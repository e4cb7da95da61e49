using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Pmg.Pipeline.Notifications;

namespace Pmg.Notifications;

/// <summary>Local runs without a SendGrid key: writes each e-mail as <c>{notification id}.eml</c> into the pickup folder.</summary>
internal sealed class PickupEmailSender(
    IOptions<NotificationOptions> options,
    IOptions<SendGridOptions> sender,
    TimeProvider time,
    ILogger<PickupEmailSender> logger) : IEmailSender
{
    /// <summary>The header that carries the ledger id.</summary>
    public const string NotificationIdHeader = "X-Pmg-Notification-Id";

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);

        using var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(sender.Value.FromName, sender.Value.FromEmail));
        foreach (var to in message.To)
        {
            mime.To.Add(new MailboxAddress(to.Name ?? "", to.Address));
        }

        mime.Subject = message.Subject;
        mime.Date = time.GetUtcNow();
        mime.MessageId = message.NotificationId + "@pmg.local";
        mime.Headers.Add(NotificationIdHeader, message.NotificationId);
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();

        // Same id → same file: a redelivery overwrites rather than duplicates; the move makes the file appear whole.
        var path = Path.Combine(directory, message.NotificationId + ".eml");
        var temporary = path + ".tmp";
        await mime.WriteToAsync(temporary, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        Log.PickupWritten(logger, message.NotificationId, path);
    }
}
