using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Pmg.Notifications;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Notifications;
using Pmg.Testing;

namespace Pmg.LocalHost.Tests;

/// <summary>
/// End to end on Azurite through the local host: upload, ingestion, recalculation, e-mails in the pickup folder. The
/// host runs under its own prefix, so its queue triggers take only its own messages from the shared emulator.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class LocalHostNotificationTests(AzuriteFixture azurite) : IDisposable
{
    private const string Uploader = "maria.perez@example.org";
    private readonly DirectoryInfo _pickup = Directory.CreateTempSubdirectory("pmg-notify-e2e.");

    public void Dispose() => _pickup.Delete(recursive: true);

    [Fact]
    public async Task Recalculate_FailingYearEndForm_OneEmailPerAddressAndOneReceipt()
    {
        await using var host = await LocalHostTestContext.StartAsync(azurite, settings: new Dictionary<string, string?>
        {
            ["Pmg:Storage:Prefix"] = "m" + Guid.NewGuid().ToString("N")[..12],
            ["Pmg:RecalculationSchedule"] = "0 0 0 1 1 *",
            ["SendGrid:ApiKey"] = "",
            ["Notifications:PickupDirectory"] = _pickup.FullName,
        });
        using var sample = File.OpenRead(Samples.ContactsPath("sernam-contactos.csv"));
        await host.Services.GetRequiredService<IContactDirectory>().SaveAsync(ContactFileReader.Read(sample, "sernam-contactos.csv").Contacts);

        const string name = "SERNAM/2009/CL-VS/cierre-2009-CL-VS.docx";
        var uploaded = await host.UploadAsync(name, Samples.Form("cierre-2009-CL-VS.docx"), Uploader);
        await host.WaitForRecordAsync(uploaded.Name, uploaded.ETag);

        var summary = await host.Services.GetRequiredService<IComplianceService>().RecalculateAsync("SERNAM", 2009);
        var expected = summary.Results.Single().DigestsQueued + 1; // the digests and the receipt
        await LocalHostTestContext.WaitAsync(() => Task.FromResult(_pickup.GetFiles("*.eml").Length >= expected), "e-mail of each digest and the receipt");

        var mails = new List<MimeMessage>();
        foreach (var file in _pickup.GetFiles("*.eml"))
        {
            mails.Add(await MimeMessage.LoadAsync(file.FullName));
        }

        Assert.Equal(expected, mails.Count);
        var receipt = Assert.Single(mails, m => m.To.Mailboxes.Any(a => a.Address == Uploader));
        Assert.StartsWith("[PMG GT 2009] Valparaíso: formulario aceptado", receipt.Subject, StringComparison.Ordinal);
        var digests = mails.Where(m => m != receipt).ToList();

        // One e-mail per person: no address receives two digests of the run.
        var addresses = digests.SelectMany(m => m.To.Mailboxes.Select(a => a.Address.ToUpperInvariant())).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.Contains("APOYO.VALPARAISO@EXAMPLE.ORG", addresses);
        Assert.All(digests, m =>
        {
            Assert.StartsWith("[PMG GT 2009] Valparaíso: ", m.Subject, StringComparison.Ordinal);
            Assert.Contains("— cerrado el 31-01-2010", m.Subject, StringComparison.Ordinal);
            Assert.Contains("El PMG Gestión Territorial 2009 cerró el 31 de enero de 2010", m.TextBody ?? "", StringComparison.Ordinal);
            Assert.Contains("- III.1 Gestión Territorial: 88,00 % — NO CUMPLE", m.TextBody ?? "", StringComparison.Ordinal);
        });

        var director = Assert.Single(digests, m => m.To.Mailboxes.Any(a => a.Address == "direccion.valparaiso@example.org"));
        Assert.StartsWith("Estimada Dirección Regional:", director.TextBody, StringComparison.Ordinal);
        Assert.Contains("Unidades con actividades en riesgo:", director.TextBody ?? "", StringComparison.Ordinal);
        Assert.Single(digests, m => m.To.Mailboxes.Any(a => a.Address == "coordinacion.pmg@example.org"));
        Assert.Empty(await host.Services.GetRequiredService<INotificationLedger>().GetFailedAsync("SERNAM", 2009));
        mails.ForEach(m => m.Dispose());
    }
}
