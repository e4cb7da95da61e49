using System.Text.Json;
using Pmg.Pipeline.Json;

namespace Pmg.Pipeline.Messages;

/// <summary>
/// The message the blob extension writes to <c>webjobs-blobtrigger-poison</c> when a blob's function failed on every
/// attempt (JSON: Type, FunctionId, BlobType, ContainerName, BlobName, ETag).
/// </summary>
public sealed record PoisonBlobMessage
{
    /// <summary>The blob extension's poison queue (one per storage account, shared by every blob trigger).</summary>
    public const string QueueName = "webjobs-blobtrigger-poison";

    /// <summary>The Spanish detail the pipeline appends to the Failed record's message.</summary>
    public const string FailureReason = "la ingesta falló en cada uno de los reintentos automáticos.";

    /// <summary>The function that failed, e.g. <c>Host.Functions.IngestForm</c>.</summary>
    public string FunctionId { get; init; } = "";

    /// <summary>The container of the blob.</summary>
    public string ContainerName { get; init; } = "";

    /// <summary>The blob's name inside its container.</summary>
    public string BlobName { get; init; } = "";

    /// <summary>The ETag of the version that failed.</summary>
    public string ETag { get; init; } = "";

    /// <summary>
    /// Whether the message is about a blob of <paramref name="formsContainer"/> (this instance's forms container: the
    /// queue is shared by every blob trigger of the account, other instances' included).
    /// </summary>
    public bool IsFor(string formsContainer) => string.Equals(ContainerName, formsContainer, StringComparison.OrdinalIgnoreCase) && BlobName.Length > 0;

    /// <summary>Reads a poison message as the extension writes it (PascalCase); null when the text is not one.</summary>
    public static PoisonBlobMessage? Parse(string json) => PmgJson.TryDeserialize(json, PmgJson.PoisonMessages.PoisonBlobMessage);

    /// <summary>The message as the extension writes it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PmgJson.PoisonMessages.PoisonBlobMessage);
}
