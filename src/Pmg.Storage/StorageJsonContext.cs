using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage;

/// <summary>
/// The source-generated serializer of the JSON this project keeps inside table properties (a record's diagnostics and
/// programme scores, an activity's cells, a contact's aliases and addresses). These are storage formats, owned here
/// beside the rows that hold them; the queue payloads and public contracts have their own context (PmgJsonContext).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<ProgramSummary>))]
[JsonSerializable(typeof(IReadOnlyList<ProgramSummary>))]
[JsonSerializable(typeof(List<Ingestion.SubmissionEntities.DiagnosticRow>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
    /// <summary>The context with the options the rows were always written with (web defaults, accents kept readable).</summary>
    public static StorageJsonContext Rows { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
