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
        Assert.Equal("[PMG GT 2009] Valparaíso: 3 actividades en riesgo en III.1 (Encargada regional de VIF)", message.Subject);
        Assert.Contains("Motivo: El avance informado dice que la actividad está atrasada o no ha comenzado.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>Texto del avance: «aún no se ejecutan los talleres»</li>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(NotificationState.Sent, Assert.Single(ledger.Entries).State);
        Assert.Equal(ledger.Entries.Single().Id, message.Headers["X-Pmg-Notification-Id"]);
    }

    [Fact]
    public async Task SendDigestAsync_UnknownUnit_GoesToDirectorAndCoordinatorListsIt()
    {
        var ledger = new InMemoryNotificationLedger();
        using var provider = Build.Services(null, ledger, _folder.FullName);
        var service = provider.GetRequiredService<INotificationService>();
        var item = Build.Item() with { Unit = "Encargada de Comunicaciones" };

        await service.SendDigestAsync(Build.Digest("unit", unit: "Encargada de Comunicaciones", items: [item]));
        await service.SendDigestAsync(Build.Digest("coord", unit: null, role: AlertRoles.Coordinator, items: [item], unknown: ["Encargada de Comunicaciones", "Encargado regional de VIF"]));

        var mails = new List<MimeMessage>();
        foreach (var file in _folder.GetFiles("*.eml"))
        {
            mails.Add(await MimeMessage.LoadAsync(file.FullName));
        }

        var toDirector = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == Build.DirectorEmail);
        Assert.Equal("[PMG GT 2009] Valparaíso: 1 actividad en riesgo en III.1 (para Encargada de Comunicaciones, unidad sin contacto)", toDirector.Subject);
        Assert.Contains("Estas alertas son para la unidad «Encargada de Comunicaciones», que no figura en la libreta de direcciones", toDirector.TextBody, StringComparison.Ordinal);
        var toCoordinator = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == Build.CoordinatorEmail);
        Assert.Equal("[PMG GT 2009] Valparaíso: 1 actividad en riesgo en III.1 y 1 unidad sin contacto", toCoordinator.Subject);
        Assert.Contains("Unidades sin contacto en la libreta de direcciones", toCoordinator.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Encargada de Comunicaciones", toCoordinator.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("- Encargado regional de VIF", toCoordinator.TextBody, StringComparison.Ordinal);
        mails.ForEach(m => m.Dispose());
    }
}
