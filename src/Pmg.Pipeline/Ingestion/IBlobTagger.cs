namespace Pmg.Pipeline.Ingestion;

/// <summary>Marks a blob with its outcome without changing its content.</summary>
public interface IBlobTagger
{
    /// <summary>Sets the <c>pmg-outcome</c> mark (accepted, refused, failed) on the blob.</summary>
    Task TagAsync(string blobName, string version, string outcome, CancellationToken cancellationToken = default);
}
