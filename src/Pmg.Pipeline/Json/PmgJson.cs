using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Status;

namespace Pmg.Pipeline.Json;

/// <summary>
/// The one source-generated serializer context of every queue payload and public JSON contract: receipts and alert
/// digests (queues), the blob extension's poison messages, and the JSON of <c>pmg validate</c>, <c>pmg report</c>,
/// <c>pmg status</c> (which the portal serves too), <c>pmg upload</c>, <c>pmg recalc</c>, <c>pmg contacts import</c> and <c>pmg access list</c>. Use it through <see cref="PmgJson"/>, which binds it to each
/// wire format's options.
/// </summary>
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(AlertDigestMessage))]
[JsonSerializable(typeof(PoisonBlobMessage))]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(List<ValidateFileJson>))]
[JsonSerializable(typeof(ReportJson))]
[JsonSerializable(typeof(List<AccessGrantJson>))]
[JsonSerializable(typeof(UploadJson))]
[JsonSerializable(typeof(RecalcJson))]
[JsonSerializable(typeof(ContactsImportJson))]
public sealed partial class PmgJsonContext : JsonSerializerContext;

/// <summary>The wire formats, each the one context bound to its options (the same types, spelled as each reader expects).</summary>
public static class PmgJson
{
    /// <summary>Queue payloads (receipts, alert digests): camelCase, compact, accents kept readable, read case-insensitively.</summary>
    public static PmgJsonContext Messages { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Public contracts (<c>--json</c> of the CLI, the portal's API): camelCase, indented, nulls written, accents kept readable.</summary>
    public static PmgJsonContext Contracts { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>What the blob extension writes to <c>webjobs-blobtrigger-poison</c>: PascalCase, read case-insensitively.</summary>
    public static PmgJsonContext PoisonMessages { get; } = new(new JsonSerializerOptions { PropertyNameCaseInsensitive = true });

    /// <summary>Reads <paramref name="json"/> as a <typeparamref name="T"/>; null when it is not one (bad JSON, or JSON null).</summary>
    public static T? TryDeserialize<T>(string? json, JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
