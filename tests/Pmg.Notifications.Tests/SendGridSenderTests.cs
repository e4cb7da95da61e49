using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Pmg.Testing.Fakes;
using Polly.CircuitBreaker;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Pmg.Notifications.Tests;

/// <summary>The notifier against a real HTTP stub of the SendGrid v3 API on a free localhost port.</summary>
public sealed class SendGridSenderTests : IDisposable
{
    private const string MailSend = "/v3/mail/send";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly InMemoryNotificationLedger _ledger = new();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task SendDigestAsync_SendGridAccepts_EmailSentInSpanishAndLedgerSent()
    {
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        using var provider = Build.Services(_server.Url, _ledger);

        var outcome = await Service(provider).SendDigestAsync(Build.Digest());

        Assert.Equal(1, outcome.Sent);
        var mail = Assert.Single(Posts());
        Assert.Equal(Build.VifEmail, mail.To);
        Assert.Equal("[PMG GT 2009] Valparaíso: 3 actividades en riesgo en III.1 — cerrado el 31-01-2010 (Encargada regional de VIF)", mail.Subject);
        Assert.Contains("encontró 3 actividades a su cargo en riesgo", mail.Text, StringComparison.Ordinal);
        Assert.Contains("1. III.1 Gestión Territorial", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Texto del avance: «aún no se ejecutan los talleres»", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- III.1 Gestión Territorial: 88,00 % — NO CUMPLE", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Qué hacer: Informe en el análisis del avance (III.4)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<li>Actividad: Difundir la línea 149</li>", mail.Html, StringComparison.Ordinal);
        Assert.Equal("Bearer SG.test-key", mail.Authorization);
        var entry = Assert.Single(_ledger.Entries);
        Assert.Equal(NotificationState.Sent, entry.State);
        Assert.Equal(entry.Id, mail.NotificationId);
    }

    [Fact]
    public async Task SendDigestAsync_RateLimitedThenAccepted_WaitsAndSendsOnce()
    {
        var reset = TimeProvider.System.GetUtcNow().AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).InScenario("rate").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("X-RateLimit-Reset", reset).WithBody("{\"errors\":[{\"message\":\"too many requests\"}]}"));
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).InScenario("rate").WhenStateIs("open")
            .RespondWith(Response.Create().WithStatusCode(202));
        using var provider = Build.Services(_server.Url, _ledger);

        var outcome = await Service(provider).SendDigestAsync(Build.Digest());

        Assert.Equal(1, outcome.Sent);
        Assert.Equal(2, Posts().Count);
        Assert.Equal(NotificationState.Sent, Assert.Single(_ledger.Entries).State);
    }

    [Fact]
    public async Task SendDigestAsync_ServerKeepsFailing_RetriesThenThrowsAndPoisonRecordsFailure()
    {
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        using var provider = Build.Services(_server.Url, _ledger, maxRetries: 3);
        var json = AlertDigestJson.Serialize(Build.Digest());

        var error = await Assert.ThrowsAsync<EmailSendException>(() => Service(provider).SendDigestAsync(json));
        await Service(provider).RecordFailureAsync(NotificationKind.Digest, json, "El mensaje falló en cada uno de los 5 intentos.");

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(4, Posts().Count);
        var failed = Assert.Single(await Service(provider).GetFailedAsync("SERNAM", 2009));
        Assert.Equal("[PMG GT 2009] Valparaíso: 3 actividades en riesgo en III.1 — cerrado el 31-01-2010 (Encargada regional de VIF)", failed.Subject);
        Assert.Equal(Build.VifEmail, failed.Recipient);
        Assert.Equal("El mensaje falló en cada uno de los 5 intentos.", failed.Error);
    }

    [Theory]
    [InlineData(400, "{\"errors\":[{\"message\":\"The to array is required for all personalization objects.\",\"field\":\"personalizations.0.to\"}]}", "The to array is required for all personalization objects.")]
    [InlineData(401, "{\"errors\":[{\"message\":\"The provided authorization grant is invalid, expired, or revoked\",\"field\":null}]}", "The provided authorization grant is invalid, expired, or revoked")]
    [InlineData(403, "{\"errors\":[{\"message\":\"The from address does not match a verified Sender Identity.\"}]}", "The from address does not match a verified Sender Identity.")]
    public async Task SendDigestAsync_SendGridRefusesForGood_OnePostAndRecordedFailedAtOnceWithSendGridsReason(int status, string body, string reason)
    {
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).RespondWith(Response.Create().WithStatusCode(status).WithBody(body));
        using var provider = Build.Services(_server.Url, _ledger);

        var outcome = await Service(provider).SendDigestAsync(AlertDigestJson.Serialize(Build.Digest()));

        Assert.Equal((0, 1), (outcome.Sent, outcome.Refused));
        Assert.Single(Posts()); // neither Polly nor the queue retries it
        var failed = Assert.Single(await Service(provider).GetFailedAsync("SERNAM", 2009));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"SendGrid rechazó el correo ({status}): {reason}"), failed.Error);
    }

    [Fact]
    public async Task SendDigestAsync_CircuitOpen_ThrowsWithoutPostingAndKeepsPending()
    {
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        using var provider = Build.Services(_server.Url, _ledger);
        await Assert.ThrowsAsync<EmailSendException>(() => Service(provider).SendDigestAsync(Build.Digest("first")));
        var postsBefore = Posts().Count;

        await Assert.ThrowsAsync<BrokenCircuitException>(() => Service(provider).SendDigestAsync(Build.Digest("second")));

        Assert.Equal(postsBefore, Posts().Count);
        var second = _ledger.Entries.Single(e => e.SourceId == "second");
        Assert.Equal(NotificationState.Pending, second.State);
    }

    [Fact]
    public async Task SendDigestAsync_RedeliveredMessage_NoSecondPost()
    {
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        using var provider = Build.Services(_server.Url, _ledger);
        var json = AlertDigestJson.Serialize(Build.Digest());

        await Service(provider).SendDigestAsync(json);
        var again = await Service(provider).SendDigestAsync(json);

        Assert.Equal(new NotificationOutcome(0, 1, 0), again);
        Assert.Single(Posts());
    }

    [Fact]
    public async Task SendDigestAsync_HostileFormText_ArrivesEncodedInHtml()
    {
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        using var provider = Build.Services(_server.Url, _ledger);
        var hostile = Build.Item("<script>alert('x')</script> Taller", quote: "=cmd|' /C calc'!A0");

        await Service(provider).SendDigestAsync(Build.Digest(items: [hostile]));

        var mail = Assert.Single(Posts());
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Actividad: &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Taller", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Texto del avance: «=cmd|&#x27; /C calc&#x27;!A0»", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Actividad: <script>alert('x')</script> Taller", mail.Text, StringComparison.Ordinal);
        Assert.Equal("[PMG GT 2009] Valparaíso: 1 actividad en riesgo en III.1 — cerrado el 31-01-2010 (Encargada regional de VIF)", mail.Subject);
    }

    [Fact]
    public async Task SendReceiptAsync_RefusedUpload_ReasonsAndFixToUploader()
    {
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        using var provider = Build.Services(_server.Url, _ledger);
        var receipt = new Receipt("sub-1", "SERNAM/2009/CL-VS/formulario.docm", "SERNAM", 2009, "CL-VS", "refused", 0,
            ["El archivo contiene macros (.docm) y no se abre por seguridad."], "maria.perez@example.org");

        await Service(provider).SendReceiptAsync(ReceiptJson.Serialize(receipt));

        var mail = Assert.Single(Posts());
        Assert.Equal("maria.perez@example.org", mail.To);
        Assert.Equal("[PMG GT 2009] Valparaíso: formulario rechazado (formulario.docm)", mail.Subject);
        Assert.Contains("El formulario «formulario.docm» (SERNAM, región de Valparaíso, 2009) fue rechazado y no cuenta en el cálculo.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- El archivo contiene macros (.docm) y no se abre por seguridad.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("sin macros ni contraseña", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendReceiptAsync_AcceptedWithoutUploader_GoesToRegionalDirector()
    {
        _server.Given(Request.Create().WithPath(MailSend).UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        using var provider = Build.Services(_server.Url, _ledger);
        var receipt = new Receipt("sub-2", "SERNAM/2009/CL-VS/cierre.xlsx", "SERNAM", 2009, "CL-VS", "accepted", 2, [], null);

        await Service(provider).SendReceiptAsync(receipt);

        var mail = Assert.Single(Posts());
        Assert.Equal(Build.DirectorEmail, mail.To);
        Assert.Equal("[PMG GT 2009] Valparaíso: formulario aceptado — 2 observaciones (cierre.xlsx)", mail.Subject);
        Assert.Contains("Tiene 2 observaciones.", mail.Text, StringComparison.Ordinal);
    }

    private static INotificationService Service(IServiceProvider provider) => provider.GetRequiredService<INotificationService>();

    private List<PostedMail> Posts() => _server.LogEntries
        .Where(e => e.RequestMessage.Path == MailSend)
        .Select(e => PostedMail.Parse(e.RequestMessage.Body!, e.RequestMessage.Headers!["Authorization"].First()))
        .ToList();

    /// <summary>What SendGrid received, as the recipient would read it.</summary>
    private sealed record PostedMail(string To, string Subject, string Text, string Html, string NotificationId, string Authorization)
    {
        public static PostedMail Parse(string body, string authorization)
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var personalization = root.GetProperty("personalizations")[0];
            var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
            return new PostedMail(
                string.Join(",", personalization.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString())),
                root.TryGetProperty("subject", out var subject) ? subject.GetString()! : personalization.GetProperty("subject").GetString()!,
                content["text/plain"],
                content["text/html"],
                (root.TryGetProperty("custom_args", out var args) ? args : personalization.GetProperty("custom_args")).GetProperty("pmg_notification_id").GetString()!,
                authorization);
        }
    }
}
