using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Pipeline.Ingestion;

namespace Pmg.Storage.Ingestion;

/// <summary>Maps ledger records to and from table entities (keys as described in README.md).</summary>
internal static class SubmissionEntities
{
    /// <summary>Row keys of id markers start with this; ledger rows start with digits, so they sort first.</summary>
    public const string MarkerPrefix = "id|";

    // A string property holds at most 64 KiB (32 K UTF-16 chars); long JSON is split across numbered properties.
    private const int ChunkChars = 30_000;
    private const int MaxJsonChars = 200_000; // ledger row + marker, escaped on the wire, stay well under the 4 MiB transaction limit

    public static string LedgerRowKey(SubmissionRecord record) => LedgerRowKey(record.UploadedAt, record.Id);

    /// <summary>Inverted ticks (19 digits) so a partition lists newest uploads first, then the id.</summary>
    public static string LedgerRowKey(DateTimeOffset uploadedAt, string id) =>
        (DateTimeOffset.MaxValue.UtcTicks - uploadedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + id;

    public static string MarkerRowKey(string id) => MarkerPrefix + id;

    public static TableEntity ToEntity(SubmissionRecord record, string rowKey)
    {
        var entity = new TableEntity(record.Partition, rowKey)
        {
            ["SubmissionId"] = record.Id,
            ["BlobName"] = record.BlobName,
            ["BlobVersion"] = record.BlobVersion,
            ["Service"] = record.Service,
            ["Year"] = record.Year,
            ["Region"] = record.RegionCode,
            ["UploadedAt"] = record.UploadedAt,
            ["UploadedTicks"] = record.UploadedAt.UtcTicks,
            ["RecordedTicks"] = record.RecordedAt?.UtcTicks,
            ["ProcessedAt"] = record.ProcessedAt,
            ["Outcome"] = record.Outcome.ToString(),
            ["Warnings"] = record.Diagnostics.Count(d => d.Severity == Severity.Warning),
            ["Errors"] = record.Diagnostics.Count(d => d.Severity == Severity.Error),
            ["Uploader"] = record.Uploader,
            ["Completed"] = record.Completed,
            ["Programs"] = JsonSerializer.Serialize(record.Programs, StorageJsonContext.Rows.IReadOnlyListProgramSummary),
        };
        WriteChunked(entity, "Diagnostics", SerializeDiagnostics(record.Diagnostics));
        return entity;
    }

    public static SubmissionRecord FromEntity(TableEntity entity)
    {
        var uploadedTicks = entity.GetInt64("UploadedTicks");
        return new SubmissionRecord
        {
            Id = entity.GetString("SubmissionId"),
            BlobName = entity.GetString("BlobName"),
            BlobVersion = entity.GetString("BlobVersion"),
            Service = entity.GetString("Service"),
            Year = entity.GetInt32("Year"),
            RegionCode = entity.GetString("Region"),
            UploadedAt = uploadedTicks is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : entity.GetDateTimeOffset("UploadedAt") ?? default,
            RecordedAt = entity.GetInt64("RecordedTicks") is { } recorded ? new DateTimeOffset(recorded, TimeSpan.Zero) : null,
            ProcessedAt = entity.GetDateTimeOffset("ProcessedAt") ?? default,
            Outcome = Enum.TryParse<IngestionStatus>(entity.GetString("Outcome"), out var outcome) ? outcome : IngestionStatus.Failed,
            Uploader = entity.GetString("Uploader"),
            Completed = entity.GetBoolean("Completed") ?? false,
            Programs = JsonSerializer.Deserialize(entity.GetString("Programs") ?? "[]", StorageJsonContext.Rows.ListProgramSummary) ?? [],
            Diagnostics = DeserializeDiagnostics(ReadChunked(entity, "Diagnostics")),
        };
    }

    public static string SerializeDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        var rows = diagnostics.Select(DiagnosticRow.From).ToList();
        var json = JsonSerializer.Serialize(rows, StorageJsonContext.Rows.ListDiagnosticRow);
        for (var keep = 500; json.Length > MaxJsonChars && keep >= 10; keep /= 2)
        {
            // A hostile file can produce thousands of diagnostics; keep the first ones and say how many were left out.
            var kept = rows.Take(keep).ToList();
            kept.Add(new DiagnosticRow("info", "DIAGNOSTICS_TRUNCATED", string.Create(CultureInfo.InvariantCulture, $"Se omitieron {rows.Count - keep} observaciones más."), null, null, null, null));
            json = JsonSerializer.Serialize(kept, StorageJsonContext.Rows.ListDiagnosticRow);
        }

        return json;
    }

    public static IReadOnlyList<Diagnostic> DeserializeDiagnostics(string? json) =>
        string.IsNullOrEmpty(json)
            ? []
            : (JsonSerializer.Deserialize(json, StorageJsonContext.Rows.ListDiagnosticRow) ?? []).Select(r => r.ToDiagnostic()).ToArray();

    public static void WriteChunked(TableEntity entity, string name, string value)
    {
        for (int i = 0, part = 0; i < value.Length || part == 0; i += ChunkChars, part++)
        {
            entity[part == 0 ? name : name + "_" + part.ToString(CultureInfo.InvariantCulture)] =
                value.Substring(i, Math.Min(ChunkChars, value.Length - i));
        }
    }

    public static string? ReadChunked(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null)
        {
            return null;
        }

        var text = new StringBuilder(first);
        for (var part = 1; entity.GetString(name + "_" + part.ToString(CultureInfo.InvariantCulture)) is { } next; part++)
        {
            text.Append(next);
        }

        return text.ToString();
    }

    /// <summary>A diagnostic as stored in JSON.</summary>
    internal sealed record DiagnosticRow(string Severity, string Code, string Message, string? Section, int? Row, string? Column, string? Cell, bool Located = false)
    {
        public static DiagnosticRow From(Diagnostic d) =>
            new(d.SeverityName, d.Code, d.Message, d.Location?.Section?.Code(), d.Location?.Row, d.Location?.Column, d.Location?.Cell, d.Location is not null);

        public Diagnostic ToDiagnostic()
        {
            var severity = Severity switch
            {
                "error" => Domain.Diagnostics.Severity.Error,
                "warning" => Domain.Diagnostics.Severity.Warning,
                _ => Domain.Diagnostics.Severity.Info,
            };
            Section? section = SectionExtensions.TryParseCode(Section, out var s) ? s : null;
            var location = Located || section is not null || Row is not null || Column is not null || Cell is not null
                ? new SourceLocation(section, Row, Column, Cell)
                : null;
            return new Diagnostic(severity, Code, Message, location);
        }
    }
}
