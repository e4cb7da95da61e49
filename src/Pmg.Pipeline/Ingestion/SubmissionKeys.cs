using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pmg.Domain.Diagnostics;

namespace Pmg.Pipeline.Ingestion;

/// <summary>Deterministic ids and partition keys shared by the pipeline and the storage adapters.</summary>
public static class SubmissionKeys
{
    /// <summary>Ledger partition for uploads whose path gives no service and year.</summary>
    public const string UnparsedPartition = "_";

    /// <summary>
    /// The submission id of a blob version: the first 32 hex digits of SHA-256 over name and version, so a
    /// redelivered trigger maps to the same id and the ledger insert fails with a conflict.
    /// </summary>
    public static string SubmissionId(string blobName, string version)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + version));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary><c>{service}|{year}</c>, or <see cref="UnparsedPartition"/> when either is unknown.</summary>
    public static string Partition(string? service, int? year) =>
        service is null || year is null ? UnparsedPartition : string.Create(CultureInfo.InvariantCulture, $"{service}|{year}");

    /// <summary>A diagnostic as one Spanish line: "message (location)".</summary>
    public static string Describe(Diagnostic diagnostic) =>
        diagnostic.Location is { } location ? diagnostic.Message + " (" + location + ")" : diagnostic.Message;
}
