using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Pmg.Testing.Fakes;

namespace Pmg.Notifications.Tests;

/// <summary>Without a SendGrid key, e-mails land as .eml files a mail client opens.</summary>
public sealed class PickupSenderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pmg-pickup-tests.");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task SendDigestAsync_NoApiKey_WritesReadableEml()
    {
        var ledger = new InMemoryNotificationLedger();
        using var provider = Build.Services(null, ledger, _folder.FullName);

        await provider.GetRequiredService<INotificationService>().SendDigestAsync(Build.Digest());

        var file = Assert.Single(_folder.GetFiles("*.eml"));
        using var message = await MimeMessage.LoadAsync(file.FullName);
        Assert.Equal("\"PMG Gestión Territorial\" <pmg-no-responder@example.org>", message.From.ToString());
        Assert.Equal(Build.VifEmail, message.To.Mailboxes.Single().Address);
        Assert.Equal("[PMG GT 2009] Valparaíso: 3 actividades en riesgo en III.1 — cerrado el 31-01-2010 (Encargada regional de VIF)", message.Subject);
        Assert.Contains("Motivo: El avance informado dice que la actividad está atrasada o no ha comenzado.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>Texto del avance: «aún no se ejecutan los talleres»</li>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(NotificationState.Sent, Assert.Single(ledger.Entries).State);
        Assert.Equal(ledger.Entries.Single().Id, message.Headers["X-Pmg-Notification-Id"]);
    }

    [Fact]
    public async Task SendDigestAsync_DirectorWithUnitWithoutContact_OneEmlWithColouredTablesAndTheUnitsActivities()
    {
        var ledger = new InMemoryNotificationLedger();
        using var provider = Build.Services(null, ledger, _folder.FullName);
        var item = Build.Item() with { Unit = "Encargada de Comunicaciones" };

        await provider.GetRequiredService<INotificationService>().SendDigestAsync(
            Build.Digest("director", unit: null, role: AlertRoles.Director, items: [item], unknown: ["Encargada de Comunicaciones"]));

        using var mail = await MimeMessage.LoadAsync(Assert.Single(_folder.GetFiles("*.eml")).FullName);
        Assert.Equal(Build.DirectorEmail, mail.To.Mailboxes.Single().Address);
        Assert.Equal("[PMG GT 2009] Valparaíso: 1 actividad en riesgo en III.1 — cerrado el 31-01-2010", mail.Subject);
        Assert.Contains("- III.1 Gestión Territorial: 88,00 % — NO CUMPLE", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Encargada de Comunicaciones: 1 — sin contacto: detalle en este correo", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("La unidad «Encargada de Comunicaciones» no figura en la libreta de direcciones del PMG: sus actividades le llegan a usted.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Unidad responsable: Encargada de Comunicaciones", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(";background:#FFC7CE;color:#9C0006;font-weight:bold\">NO CUMPLE</td>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(";background:#C6EFCE;color:#006100;font-weight:bold\">CUMPLE</td>", mail.HtmlBody, StringComparison.Ordinal);
    }
}
