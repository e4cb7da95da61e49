using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Pmg.Testing.Fakes;

namespace Pmg.Pipeline.Tests.Notifications;

/// <summary>A sender that records what it was asked to send and can be told to fail the next attempts.</summary>
internal sealed class RecordingEmailSender : IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];

    public int FailNext { get; set; }

    /// <summary>When set, every send is refused for good with this reason (as SendGrid's 401/403).</summary>
    public string? RefuseWith { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        if (RefuseWith is { } reason)
        {
            throw new EmailSendException(reason) { StatusCode = 403, Permanent = true };
        }

        if (FailNext > 0)
        {
            FailNext--;
            throw new EmailSendException("SendGrid answered 503.") { StatusCode = 503 };
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}

/// <summary>The notification service over fakes, with a Tarapacá address book.</summary>
internal sealed class NotificationHarness
{
    public const string ApoyoEmail = "apoyo.tarapaca@example.org";
    public const string DirectorEmail = "direccion.tarapaca@example.org";

    public NotificationHarness(IEnumerable<Contact>? contacts = null, string portalUrl = "", DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2010, 2, 1, 12, 0, 0, TimeSpan.Zero));
        Contacts = contacts?.ToList() ??
        [
            new Contact("SERNAM", "CL-TA", "Profesional de apoyo", ["Profesional de apoyo Profesional de Participación"], [ApoyoEmail], ContactRole.Unit),
            new Contact("SERNAM", "CL-TA", "Dirección Regional", ["Directora Regional"], [DirectorEmail], ContactRole.RegionalDirector),
        ];
        Service = new NotificationService(
            new Directory(Contacts),
            Ledger,
            Sender,
            Options.Create(new PmgOptions { Services = "SERNAM" }),
            Options.Create(new PortalLinkOptions { PublicUrl = portalUrl }),
            Time,
            NullLogger<NotificationService>.Instance);
    }

    public List<Contact> Contacts { get; }

    public InMemoryNotificationLedger Ledger { get; } = new();

    public RecordingEmailSender Sender { get; } = new();

    public FakeTimeProvider Time { get; }

    public INotificationService Service { get; }

    public static AlertDigestMessage Digest(string unit = "Profesional de apoyo", string role = AlertRoles.Unit, string[]? emails = null) =>
        new("d-ta-1", "SERNAM", 2009, new AlertRecipient(role, role == AlertRoles.Unit ? unit : "Dirección Regional de Tarapacá", emails ?? [ApoyoEmail]),
            [new AlertRegionDigest(
                new AlertRegion("CL-TA", "Tarapacá"),
                [new AlertScore("III.2", 80m, "NO CUMPLE")],
                [new AlertItem("III.2", "Coordinar la mesa regional de género", "Realizar 2 reuniones de la mesa", unit, AlertReasons.NotComplied,
                    "La actividad está marcada como no cumplida.", null, "Revise si puede cumplirse antes del cierre o explique el motivo en III.4.")],
                role == AlertRoles.Unit ? [] : [new AlertUnitSummary(unit, 1, true)])],
            new DateOnly(2010, 1, 31),
            new DateTimeOffset(2010, 1, 20, 12, 0, 0, TimeSpan.Zero));

    private sealed class Directory(List<Contact> contacts) : IContactDirectory
    {
        public Task<IReadOnlyList<Contact>> GetAsync(string service, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Contact>>(contacts.Where(c => c.Service == service).ToArray());

        public Task SaveAsync(IReadOnlyList<Contact> contacts1, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
