using System.Globalization;

namespace Pmg.Pipeline.Ingestion;

/// <summary>
/// The blob metadata an uploader writes with a form (<c>pmg upload</c>, the portal) and ingestion reads: who uploaded
/// it, and when to the tenth of a microsecond, because Last-Modified has whole seconds and two uploads of one region
/// in the same second must still become current in the order they were made.
/// </summary>
public static class UploadMetadata
{
    /// <summary>The uploader's e-mail.</summary>
    public const string Uploader = "uploader";

    /// <summary>The upload's time as the uploader's clock read it, ISO 8601 UTC with seven decimals (metadata names are C# identifiers: no dashes).</summary>
    public const string UploadedAt = "pmguploadedat";

    /// <summary>The value of <see cref="UploadedAt"/>.</summary>
    public static string Format(DateTimeOffset moment) => moment.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The metadata an uploader writes: <see cref="UploadedAt"/> and, when known, <see cref="Uploader"/>.</summary>
    public static Dictionary<string, string> For(string? uploader, DateTimeOffset uploadedAt)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [UploadedAt] = Format(uploadedAt) };
        if (!string.IsNullOrWhiteSpace(uploader))
        {
            metadata[Uploader] = uploader.Trim();
        }

        return metadata;
    }

    /// <summary>The recorded upload time, or null when absent or unreadable (metadata names are case-insensitive in Azure).</summary>
    public static DateTimeOffset? ReadUploadedAt(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var text = metadata.FirstOrDefault(m => string.Equals(m.Key, UploadedAt, StringComparison.OrdinalIgnoreCase)).Value;
        return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment.ToUniversalTime() : null;
    }
}
