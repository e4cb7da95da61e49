using Microsoft.Extensions.DependencyInjection;
using Pmg.Pipeline.Notifications;
using Pmg.Testing;

namespace Pmg.Notifications.Tests;

/// <summary>The Contacts and NotificationLedger tables on Azurite, each test under its own table prefix.</summary>
public sealed class NotificationStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SaveAsync_SampleImportedTwice_StoredOnceAndMatchable()
    {
        await using var world = await WorldAsync();
        var directory = world.Services.GetRequiredService<IContactDirectory>();
        using var file = File.OpenRead(Samples.ContactsPath("sernam-contactos.csv"));
        var imported = ContactFileReader.Read(file, "sernam-contactos.csv");

        await directory.SaveAsync(imported.Contacts);
        await directory.SaveAsync(imported.Contacts);
        var stored = await directory.GetAsync("sernam");

        Assert.Equal(28, stored.Count);
        var book = new ContactBook(stored);
        Assert.Equal(["Encargada de la Unidad Regional de VIF", "Unidad de VIF"], book.FindUnit("CL-BI", "Encargada de la Unidad Regional de VIF")?.Aliases);
        Assert.Equal("direccion.valparaiso@example.org", book.Resolve("CL-VS", "Oficina que no existe")?.Contact.Emails.Single());
    }

    [Fact]
    public async Task TryReplaceAsync_StaleETag_RefusedAndFailedEntriesListed()
    {
        await using var world = await WorldAsync();
        var ledger = world.Services.GetRequiredService<INotificationLedger>();
        var entry = new NotificationEntry
        {
            Id = "n1", Kind = NotificationKind.Digest, SourceId = "d1", Service = "SERNAM", Year = 2009, RegionCode = "CL-VS",
            Recipient = "vif.valparaiso@example.org", Subject = "[PMG GT 2009] Valparaíso: 1 actividad en riesgo en III.1",
            State = NotificationState.Pending, UpdatedAt = new DateTimeOffset(2010, 2, 1, 0, 0, 0, TimeSpan.Zero),
        };

        Assert.Null(await ledger.TryAddAsync(entry));
        var stored = (await ledger.TryAddAsync(entry))!;
        var newEtag = await ledger.TryReplaceAsync(stored with { Attempts = 1 }, stored.ETag!);
        var stale = await ledger.TryReplaceAsync(stored with { State = NotificationState.Sent }, stored.ETag!);
        await ledger.TryReplaceAsync(stored with { State = NotificationState.Failed, Error = "Se agotaron los intentos." }, newEtag!);

        Assert.NotNull(newEtag);
        Assert.Null(stale);
        var failed = Assert.Single(await ledger.GetFailedAsync("SERNAM", 2009));
        Assert.Equal(("Se agotaron los intentos.", "[PMG GT 2009] Valparaíso: 1 actividad en riesgo en III.1"), (failed.Error, failed.Subject));
        Assert.Empty(await ledger.GetFailedAsync("SERNAM", 2010));
    }

    private Task<StorageWorld> WorldAsync() => StorageWorld.CreateAsync(azurite, prefixLetter: "n");
}
