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
        Assert.Equal("[PMG GT 2009] Tarapacá: 1 actividad en riesgo en III.2 (Profesional de apoyo)", mail.Subject);
        Assert.Equal(NotificationHarness.ApoyoEmail, mail.To.Single().Address);
    }

    [Fact]
    public async Task SendDigestAsync_UnitByAliasAndCase_GoesToTheUnit()
    {
        var harness = new NotificationHarness();

        await harness.Service.SendDigestAsync(NotificationHarness.Digest("PROFESIONAL DE APOYO profesional de participación"));

        Assert.Equal(NotificationHarness.ApoyoEmail, harness.Sender.Sent.Single().To.Single().Address);
    }

    [Fact]
    public async Task SendDigestAsync_NobodyInTheBook_RecordedFailedWithoutThrowing()
    {
        var harness = new NotificationHarness([]);

        var outcome = await harness.Service.SendDigestAsync(NotificationHarness.Digest(role: AlertRoles.Director));

        Assert.Equal(new NotificationOutcome(0, 0, 1), outcome);
        Assert.Empty(harness.Sender.Sent);
        var failed = Assert.Single(await harness.Service.GetFailedAsync());
        Assert.Equal("No hay destinatario en la libreta de direcciones (ni Dirección Regional ni coordinación nacional).", failed.Error);
        Assert.Equal("[PMG GT 2009] Tarapacá: 1 actividad en riesgo en III.2", failed.Subject);
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
