using Pmg.Pipeline.Notifications;

namespace Pmg.Testing.Fakes;

/// <summary>An in-memory address book.</summary>
public sealed class InMemoryContactDirectory(IEnumerable<Contact> contacts) : IContactDirectory
{
    private readonly List<Contact> _contacts = contacts.ToList();

    public Task<IReadOnlyList<Contact>> GetAsync(string service, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Contact>>(_contacts.Where(c => string.Equals(c.Service, service, StringComparison.OrdinalIgnoreCase)).ToArray());

    public Task SaveAsync(IReadOnlyList<Contact> contacts, CancellationToken cancellationToken = default)
    {
        _contacts.AddRange(contacts);
        return Task.CompletedTask;
    }
}
