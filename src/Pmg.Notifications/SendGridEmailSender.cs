using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Notifications;
using Polly;
using Polly.Registry;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Pmg.Notifications;

/// <summary>Sends through the SendGrid v3 API (ISendGridClient from DI) inside the named resilience pipeline.</summary>
internal sealed class SendGridEmailSender(
    ISendGridClient client,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<SendGridOptions> options,
    ILogger<SendGridEmailSender> logger) : IEmailSender
{
    /// <summary>The custom_args key that carries the ledger id to SendGrid's event webhook and activity feed.</summary>
    public const string NotificationIdArg = "pmg_notification_id";

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var mail = new SendGridMessage
        {
            From = new SendGrid.Helpers.Mail.EmailAddress(settings.FromEmail, settings.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTos(message.To.Select(t => new SendGrid.Helpers.Mail.EmailAddress(t.Address, t.Name)).ToList());
        mail.AddCustomArg(NotificationIdArg, message.NotificationId);

        var pipeline = pipelines.GetPipeline<Response>(SendGridResilience.PipelineName);
        var response = await pipeline.ExecuteAsync(
            static async (state, token) => await state.client.SendEmailAsync(state.mail, token).ConfigureAwait(false),
            (client, mail),
            cancellationToken).ConfigureAwait(false);

        if (!response.IsSuccessStatusCode)
        {
            var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            Log.SendGridRefused(logger, message.NotificationId, status, body);
            if (SendGridResilience.IsPermanent(response.StatusCode))
            {
                throw new EmailSendException(string.Create(CultureInfo.InvariantCulture, $"SendGrid rechazó el correo ({status}): {SendGridResilience.Reason(body)}"))
                {
                    StatusCode = status,
                    Permanent = true,
                };
            }

            throw new EmailSendException($"SendGrid answered {status} for notification {message.NotificationId}.") { StatusCode = status };
        }

        Log.SendGridAccepted(logger, message.NotificationId, (int)response.StatusCode);
    }
}
