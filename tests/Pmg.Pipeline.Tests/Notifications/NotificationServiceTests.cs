using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Tests.Notifications;

public sealed class NotificationServiceTests
{
    [Fact]
    public async Task SendDigestAsync_SenderFailsOnce_PendingWithErrorThenSentOnRedelivery()
    {
        var harness = new NotificationHarness();
        harness.Sender.FailNext = 1;
        var json = AlertDigestJson.Serialize(NotificationHarness.Digest());

        await Assert.ThrowsAsync<EmailSendException>(() => harness.Service.SendDigestAsync(json));
        var afterFailure = Assert.Single(harness.Ledger.Entries);
        var outcome = await harness.Service.SendDigestAsync(json);

        Assert.Equal((NotificationState.Pending, 1, "SendGrid answered 503."), (afterFailure.State, afterFailure.Attempts, afterFailure.Error));
        Assert.Equal(new NotificationOutcome(1, 0, 0), outcome);
        var entry = Assert.Single(harness.Ledger.Entries);
        Assert.Equal((NotificationState.Sent, 2), (entry.State, entry.Attempts));
        var mail = Assert.Single(harness.Sender.Sent);
        Assert.Equal("[PMG GT 2009] Tarapacá: 1 actividad en riesgo en III.2 — cerrado el 31-01-2010 (Profesional de apoyo)", mail.Subject);
        Assert.Equal(NotificationHarness.ApoyoEmail, mail.To.Single().Address);
    }

    [Fact]
    public async Task SendDigestAsync_RecipientResolvedByTheRecalculation_GoesToItsAddressWithoutReadingTheBook()
    {
        var harness = new NotificationHarness([]);

        await harness.Service.SendDigestAsync(NotificationHarness.Digest(emails: ["otra.persona@example.org"]));

        Assert.Equal("otra.persona@example.org", harness.Sender.Sent.Single().To.Single().Address);
    }

    [Theory]
    [InlineData("2010-01-31T02:59:00Z", "El PMG Gestión Territorial 2009 cierra mañana, 31 de enero de 2010 (hora de Chile): queda 1 día.", "cierre 31-01-2010, queda 1 día")]
    [InlineData("2010-01-31T03:00:00Z", "El PMG Gestión Territorial 2009 cierra hoy, 31 de enero de 2010, a medianoche (hora de Chile).", "cierre hoy 31-01-2010")]
    [InlineData("2010-01-26T12:00:00Z", "El PMG Gestión Territorial 2009 cierra el 31 de enero de 2010 (hora de Chile): quedan 5 días.", "cierre 31-01-2010, quedan 5 días")]
    [InlineData("2010-02-03T12:00:00Z", "El PMG Gestión Territorial 2009 cerró el 31 de enero de 2010, hace 3 días: lo que siga sin marcar cuenta como en riesgo.", "cerrado el 31-01-2010")]
    public async Task SendDigestAsync_AroundChileanMidnight_NamesClosingDateAndDaysLeftInChileTime(string utc, string sentence, string subjectTag)
    {
        var harness = new NotificationHarness(now: DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        await harness.Service.SendDigestAsync(NotificationHarness.Digest());

        var mail = harness.Sender.Sent.Single();
        Assert.Contains(sentence, mail.Text, StringComparison.Ordinal);
        Assert.Contains("<p>" + sentence + "</p>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("— " + subjectTag + " (Profesional de apoyo)", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendDigestAsync_ProviderRefusesForGood_RecordedFailedAtOnceWithTheReasonAndNotThrown()
    {
        var harness = new NotificationHarness();
        harness.Sender.RefuseWith = "SendGrid rechazó el correo (403): The from address does not match a verified Sender Identity.";

        var outcome = await harness.Service.SendDigestAsync(AlertDigestJson.Serialize(NotificationHarness.Digest()));

        Assert.Equal((0, 1), (outcome.Sent, outcome.Refused));
        var failed = Assert.Single(await harness.Service.GetFailedAsync());
        Assert.Equal((NotificationState.Failed, 1), (failed.State, failed.Attempts));
        Assert.Equal("SendGrid rechazó el correo (403): The from address does not match a verified Sender Identity.", failed.Error);
    }

    [Fact]
    public async Task SendDigestAsync_NobodyInTheBook_RecordedFailedWithoutThrowing()
    {
        var harness = new NotificationHarness([]);

        var outcome = await harness.Service.SendDigestAsync(NotificationHarness.Digest(role: AlertRoles.Director, emails: []));

        Assert.Equal(new NotificationOutcome(0, 0, 1), outcome);
        Assert.Empty(harness.Sender.Sent);
        var failed = Assert.Single(await harness.Service.GetFailedAsync());
        Assert.Equal("No hay destinatario en la libreta de direcciones (ni Dirección Regional ni coordinación nacional).", failed.Error);
        Assert.Equal("[PMG GT 2009] Tarapacá: 1 actividad en riesgo en III.2 — cerrado el 31-01-2010", failed.Subject);
    }

    [Fact]
    public async Task SendReceiptAsync_NotJson_RecordedFailedWithoutThrowing()
    {
        var harness = new NotificationHarness();

        var outcome = await harness.Service.SendReceiptAsync("esto no es json");

        Assert.Equal(1, outcome.Unaddressed);
        var failed = Assert.Single(await harness.Service.GetFailedAsync());
        Assert.Equal(("(comprobante ilegible)", "El mensaje de la cola no tiene el formato esperado; no se envió ningún correo."), (failed.Subject, failed.Error));
    }

    [Fact]
    public async Task RecordFailureAsync_AlreadySent_StaysSent()
    {
        var harness = new NotificationHarness();
        var json = AlertDigestJson.Serialize(NotificationHarness.Digest());
        await harness.Service.SendDigestAsync(json);

        await harness.Service.RecordFailureAsync(NotificationKind.Digest, json, "agotado");

        Assert.Equal(NotificationState.Sent, Assert.Single(harness.Ledger.Entries).State);
        Assert.Empty(await harness.Service.GetFailedAsync());
    }

    [Fact]
    public async Task SendReceiptAsync_FailedProcessing_TellsUploaderNothingToFix()
    {
        var harness = new NotificationHarness();
        var receipt = new Receipt("s1", "SERNAM/2009/CL-TA/seed.docx", "SERNAM", 2009, "CL-TA", "failed", 0,
            ["No se pudo procesar el archivo después de varios intentos; el equipo técnico fue notificado."], "Nombre sin correo");

        await harness.Service.SendReceiptAsync(receipt);

        var mail = Assert.Single(harness.Sender.Sent);
        Assert.Equal(NotificationHarness.DirectorEmail, mail.To.Single().Address);
        Assert.Equal("[PMG GT 2009] Tarapacá: formulario no procesado por un error técnico (seed.docx)", mail.Subject);
        Assert.Contains("Qué hacer: no necesita corregir el archivo.", mail.Text, StringComparison.Ordinal);
    }
}
