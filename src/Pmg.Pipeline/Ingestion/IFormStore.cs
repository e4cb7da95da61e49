namespace Pmg.Pipeline.Ingestion;

/// <summary>A form blob as a listing of the forms container shows it.</summary>
/// <param name="Name">Blob name inside the forms container: <c>{service}/{year}/{region}/{file}</c>.</param>
/// <param name="Version">Its ETag, as the trigger records it.</param>
/// <param name="LastModified">When it was written (Last-Modified, to the second).</param>
public sealed record StoredForm(string Name, string Version, DateTimeOffset LastModified);

/// <summary>The forms container as the reconciliation sweep reads it: list what is there, open one blob.</summary>
public interface IFormStore
{
    /// <summary>Every blob whose name starts with <paramref name="prefix"/> (null: the whole container), one listing.</summary>
    Task<IReadOnlyList<StoredForm>> ListAsync(string? prefix, CancellationToken cancellationToken = default);

    /// <summary>Opens the blob as a trigger would deliver it (content, ETag, metadata, Last-Modified of one response); null when it is gone.</summary>
    Task<IncomingBlob?> OpenAsync(string name, CancellationToken cancellationToken = default);
}
