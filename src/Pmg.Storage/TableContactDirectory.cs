using System.Text.Json;
using Azure.Data.Tables;
using Pmg.Pipeline.Notifications;

namespace Pmg.Storage;

/// <summary>
/// The Contacts table: partition = service (upper case), row = <c>{region or "_"}|{role}|{normalised unit}</c>, so
/// importing the same unit again replaces it. A service's book is one partition query.
/// </summary>
internal sealed class TableContactDirectory(NotificationTables tables) : IContactDirectory
{
    public async Task<IReadOnlyList<Contact>> GetAsync(string service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var contacts = new List<Contact>();
        var partition = service.ToUpperInvariant();
        await foreach (var entity in tables.Contacts.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            contacts.Add(new Contact(
                entity.GetString("Service") ?? service,
                entity.GetString("Region"),
                entity.GetString("Unit") ?? "",
                JsonSerializer.Deserialize<string[]>(entity.GetString("Aliases") ?? "[]") ?? [],
                JsonSerializer.Deserialize<string[]>(entity.GetString("Emails") ?? "[]") ?? [],
                Enum.TryParse<ContactRole>(entity.GetString("Role"), out var role) ? role : ContactRole.Unit));
        }

        return contacts;
    }

    public async Task SaveAsync(IReadOnlyList<Contact> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var group in contacts.GroupBy(c => c.Service.ToUpperInvariant()))
        {
            // Entity-group transactions hold at most 100 operations of one partition.
            foreach (var chunk in group.DistinctBy(RowKey).Chunk(100))
            {
                var batch = chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(c))).ToList();
                await tables.Contacts.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string RowKey(Contact contact) =>
        (contact.RegionCode ?? "_") + "|" + contact.Role + "|" + (contact.Role == ContactRole.Unit ? contact.Key : "");

    private static TableEntity ToEntity(Contact contact) => new(contact.Service.ToUpperInvariant(), RowKey(contact))
    {
        ["Service"] = contact.Service,
        ["Region"] = contact.RegionCode,
        ["Unit"] = contact.Unit,
        ["Aliases"] = JsonSerializer.Serialize(contact.Aliases),
        ["Emails"] = JsonSerializer.Serialize(contact.Emails),
        ["Role"] = contact.Role.ToString(),
    };
}
