namespace Pmg.Pipeline.Ingestion;

/// <summary>A form file as a trigger delivers it: its blob name, the version seen (ETag or version id), its bytes and metadata.</summary>
/// <param name="Name">Blob name inside the forms container: <c>{service}/{year}/{region}/{file}</c>.</param>
/// <param name="Version">The blob's ETag or version id; with <paramref name="Name"/> it identifies the upload.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="Metadata">Blob metadata (e.g. <c>uploader</c>).</param>
public sealed record IncomingBlob(string Name, string Version, Stream Content, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>When the blob was uploaded (its Last-Modified); decides which of two uploads is newer. Null = now.</summary>
    public DateTimeOffset? UploadedAt { get; init; }
}
