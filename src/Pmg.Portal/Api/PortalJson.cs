using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Regions;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Validation;

namespace Pmg.Portal.Api;

/// <summary>The signed-in user (<c>GET /api/me</c>).</summary>
public sealed record MeJson(string Id, string Name, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<RegionJson> Regions, bool LocalMode);

/// <summary>An antiforgery token for API clients (<c>GET /api/antiforgery</c>): send it in <see cref="HeaderName"/>.</summary>
public sealed record AntiforgeryJson(string HeaderName, string FormFieldName, string Token);

/// <summary>An error: a stable code and a Spanish message for people.</summary>
public sealed record ErrorJson(string Error, string Message);

/// <summary>The answer to an upload: stored (with the submission the pipeline will record) or refused, and the validation either way.</summary>
public sealed record UploadJson(string Status, string? SubmissionId, string? BlobName, bool Replaced, string? Message, ValidateFileJson Validation);

/// <summary>A region's uploads for a service and year, newest first (<c>GET /api/regions/{region}/submissions</c>).</summary>
public sealed record HistoryJson(string Service, int Year, RegionJson Region, string? CurrentSubmissionId, IReadOnlyList<SubmissionJson> Submissions);

/// <summary>Where one upload stands (<c>GET /api/regions/{region}/submissions/{id}</c>): "pending" until the pipeline recorded it.</summary>
public sealed record SubmissionStateJson(string SubmissionId, string State, SubmissionJson? Submission);

/// <summary>One recorded upload: outcome, scores, every observation — the receipt's content.</summary>
public sealed record SubmissionJson(
    string SubmissionId,
    string BlobName,
    string File,
    string? Service,
    int? Year,
    RegionJson? Region,
    string Outcome,
    bool Completed,
    bool Current,
    DateTimeOffset UploadedAt,
    DateTimeOffset ProcessedAt,
    string? Uploader,
    int Errors,
    int Warnings,
    IReadOnlyList<ProgramJson> Programs,
    IReadOnlyList<DiagnosticJson> Diagnostics)
{
    /// <summary>The contract of a ledger record.</summary>
    public static SubmissionJson From(SubmissionRecord record, bool current)
    {
        ArgumentNullException.ThrowIfNull(record);
        var region = record.RegionCode is { } code && RegionCatalog.FindByCode(code) is { } r ? new RegionJson(r.Code, r.Name) : null;
        return new SubmissionJson(
            record.Id,
            record.BlobName,
            record.FileName,
            record.Service,
            record.Year,
            region,
            OutcomeName(record.Outcome),
            record.Completed,
            current,
            record.UploadedAt,
            record.ProcessedAt,
            record.Uploader,
            record.Diagnostics.Count(d => d.Severity == Severity.Error),
            record.Diagnostics.Count(d => d.Severity == Severity.Warning),
            record.Programs
                .OrderBy(p => p.Section, StringComparer.Ordinal)
                .Select(p => new ProgramJson(p.Section, p.Objectives, p.Activities, p.WeightTotal, p.EarnedWeight, ContractNumbers.TwoDecimals(p.Performance), p.Status))
                .ToList(),
            record.Diagnostics.Select(FormValidation.Diagnostic).ToList());
    }

    /// <summary>"accepted", "refused" or "failed".</summary>
    public static string OutcomeName(IngestionStatus status) => status switch
    {
        IngestionStatus.Accepted => "accepted",
        IngestionStatus.Failed => "failed",
        _ => "refused",
    };
}

/// <summary>The source-generated serializer of every portal API answer (camelCase, accents kept readable).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(MeJson))]
[JsonSerializable(typeof(AntiforgeryJson))]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(UploadJson))]
[JsonSerializable(typeof(HistoryJson))]
[JsonSerializable(typeof(SubmissionStateJson))]
[JsonSerializable(typeof(ValidateFileJson))]
[JsonSerializable(typeof(IReadOnlyList<Coordination.AtRiskJson>))]
public sealed partial class PortalJsonContext : JsonSerializerContext
{
    /// <summary>The options the API writes with: Web defaults, accents unescaped as in <c>pmg --json</c>.</summary>
    public static PortalJsonContext Api { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
