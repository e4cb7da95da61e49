using System.Text.Json;
using Azure.Data.Tables;
using Pmg.Pipeline.Notifications;

namespace Pmg.Storage.Notifications;

/// <summary>
/// The Contacts table: partition = service (upper case), row = <c>{region or "_"}|{role}|{normalised unit}</c>, so
/// importing the same unit again replaces it. A service's book is one partition query.
/// </summary>
internal sealed class TableContactDirectory(StorageLayout layout) : IContactDirectory
{
    public async Task<IReadOnlyList<Contact>> GetAsync(string service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return await TableQueries.PartitionAsync(layout.Contacts, service.ToUpperInvariant(), entity => new Contact(
            entity.GetString("Service") ?? service,
            entity.GetString("Region"),
            entity.GetString("Unit") ?? "",
            JsonSerializer.Deserialize(entity.GetString("Aliases") ?? "[]", StorageJsonContext.Rows.StringArray) ?? [],
            JsonSerializer.Deserialize(entity.GetString("Emails") ?? "[]", StorageJsonContext.Rows.StringArray) ?? [],
            Enum.TryParse<ContactRole>(entity.GetString("Role"), out var role) ? role : ContactRole.Unit),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveAsync(IReadOnlyList<Contact> contacts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        foreach (var group in contacts.GroupBy(c => c.Service.ToUpperInvariant()))
        {
            // Entity-group transactions hold at most 100 operations of one partition.
            foreach (var chunk in group.DistinctBy(RowKey).Chunk(100))
            {
                var batch = chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(c))).ToList();
                await layout.Contacts.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
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
        ["Aliases"] = JsonSerializer.Serialize(contact.Aliases, StorageJsonContext.Rows.IReadOnlyListString),
        ["Emails"] = JsonSerializer.Serialize(contact.Emails, StorageJsonContext.Rows.IReadOnlyListString),
        ["Role"] = contact.Role.ToString(),
    };
}
