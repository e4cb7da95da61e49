using System.Text;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Testing.Fakes;

/// <summary>A forms container in memory: blobs by name, each with its version, Last-Modified, bytes and metadata.</summary>
public sealed class InMemoryFormStore : IFormStore
{
    private readonly Dictionary<string, (StoredForm Form, byte[] Content, Dictionary<string, string> Metadata)> _blobs = new(StringComparer.Ordinal);

    /// <summary>Writes (or overwrites) a blob.</summary>
    public void Put(string name, string version, DateTimeOffset lastModified, string content = "contenido", Dictionary<string, string>? metadata = null) =>
        _blobs[name] = (new StoredForm(name, version, lastModified), Encoding.UTF8.GetBytes(content), metadata ?? []);

    /// <summary>Deletes a blob.</summary>
    public void Delete(string name) => _blobs.Remove(name);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredForm>> ListAsync(string? prefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredForm>>([.. _blobs.Values.Select(b => b.Form).Where(f => prefix is null || f.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(f => f.Name, StringComparer.Ordinal)]);

    /// <summary>Runs as a blob is about to be opened: a test overwrites or deletes it there, as an upload between listing and download would.</summary>
    public Action<string>? BeforeOpen { get; set; }

    /// <inheritdoc />
    public Task<IncomingBlob?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        BeforeOpen?.Invoke(name);
        return Task.FromResult(_blobs.TryGetValue(name, out var blob)
            ? new IncomingBlob(name, blob.Form.Version, new MemoryStream(blob.Content), blob.Metadata) { UploadedAt = blob.Form.LastModified }
            : null);
    }
}
