using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Pmg.Domain.Reports;
using Pmg.Domain.Text;
using Pmg.Pipeline;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Json;
using Pmg.Pipeline.Validation;
using Pmg.Storage;

namespace Pmg.Portal.Uploads;

/// <summary>
/// The portal's upload: refuse what is too large or what the package inspector and reader refuse, before anything
/// reaches storage; validate exactly as ingestion will (same service, year and region); then write the file to
/// <c>forms/{service}/{year}/{region}/{file}</c> with the same metadata as <c>pmg upload</c>, where the blob trigger
/// ingests it. The submission id is known at once: it is derived from the blob name and the new ETag.
/// </summary>
public sealed class FormUploader(IFormReader reader, StorageLayout layout, IOptions<PortalOptions> options, TimeProvider time, ILogger<FormUploader> logger)
{
    /// <summary>The blob metadata key <c>pmg upload --uploader</c> writes and ingestion reads.</summary>
    public const string UploaderMetadata = UploadMetadata.Uploader;

    /// <summary>Code of the refusal of a file larger than the limit.</summary>
    public const string TooLargeCode = "UPLOAD_TOO_LARGE";

    /// <summary>Code of the refusal of a file name that cannot be a blob name.</summary>
    public const string BadNameCode = "UPLOAD_NAME_INVALID";

    /// <summary>Reads and scores the file as the pipeline will, without storing it.</summary>
    public async Task<EvaluatedFile> ValidateAsync(UploadTarget target, string fileName, Stream content, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Precheck(fileName, length) is { } refusal)
        {
            return Refused(fileName, refusal);
        }

        return await FormValidation.EvaluateAsync(reader, content, fileName, target.ReadOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates, and stores the file when the reader accepts it.</summary>
    public async Task<UploadOutcome> UploadAsync(UploadTarget target, string fileName, Stream content, long length, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(content);
        fileName = Path.GetFileName(fileName.Trim());
        if (Precheck(fileName, length) is { } refusal)
        {
            logger.UploadRefused(fileName, target.Region.Code, userName, refusal.Code);
            return new UploadOutcome(Refused(fileName, refusal), null);
        }

        // The bytes are read once into memory (at most MaxUploadBytes): the reader sees exactly what is stored.
        var buffer = new MemoryStream(capacity: (int)Math.Min(length, options.Value.MaxUploadBytes));
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        var evaluated = await FormValidation.EvaluateAsync(reader, buffer, fileName, target.ReadOptions, cancellationToken).ConfigureAwait(false);
        if (!evaluated.Read.Accepted)
        {
            logger.UploadRefused(fileName, target.Region.Code, userName, string.Join(',', evaluated.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Code)));
            return new UploadOutcome(evaluated, null);
        }

        var blobName = target.BlobName(fileName);
        var blob = layout.Forms.GetBlobClient(blobName);
        var replaced = (await blob.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
        buffer.Position = 0;
        var upload = new BlobUploadOptions
        {
            // With the upload's time to the tenth of a microsecond, so two uploads of one second keep their order.
            Metadata = UploadMetadata.For(target.Uploader, time.GetUtcNow()),
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(evaluated.Read.Format) },
        };
        var info = (await blob.UploadAsync(buffer, upload, cancellationToken).ConfigureAwait(false)).Value;
        var etag = info.ETag.ToString();
        var stored = new StoredUpload(blobName, etag, SubmissionKeys.SubmissionId(blobName, etag), replaced);
        logger.FormUploaded(blobName, etag, stored.SubmissionId, userName);
        return new UploadOutcome(evaluated, stored);
    }

    /// <summary>
    /// Reads the stored blob again and validates it, when it is still the version of <paramref name="submissionId"/>;
    /// null when the blob is gone or was replaced by a newer upload.
    /// </summary>
    public async Task<EvaluatedFile?> RevalidateAsync(UploadTarget target, string fileName, string submissionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var blobName = target.BlobName(fileName);
        try
        {
            var download = (await layout.Forms.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            await using (download.Content.ConfigureAwait(false))
            {
                if (SubmissionKeys.SubmissionId(blobName, download.Details.ETag.ToString()) != submissionId)
                {
                    return null;
                }

                return await FormValidation.EvaluateAsync(reader, download.Content, fileName, target.ReadOptions, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private Diagnostic? Precheck(string fileName, long length)
    {
        var max = options.Value.MaxUploadBytes;
        if (length > max)
        {
            return Diagnostic.Error(
                TooLargeCode,
                $"El archivo «{fileName}» pesa {Megabytes(length)}; el máximo es {Megabytes(max)}. Revise que sea el formulario y no un documento con imágenes pesadas.",
                SourceLocation.Document);
        }

        if (fileName.Length is 0 or > 200 || fileName.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?' or '|') || fileName.StartsWith('.'))
        {
            return Diagnostic.Error(BadNameCode, $"El nombre de archivo «{fileName}» no sirve: use un nombre corto, sin / \\ # ? ni |, terminado en .docx o .xlsx.", SourceLocation.Document);
        }

        return null;
    }

    private static EvaluatedFile Refused(string fileName, Diagnostic refusal) =>
        new(FormReadResult.Refused(fileName, FormFormat.Unknown, refusal), null);

    private static string Megabytes(long bytes) =>
        SpanishNumbers.Format(Math.Round(bytes / (1024m * 1024m), 1), 1) + " MB";

    private static string ContentType(FormFormat format) => format switch
    {
        FormFormat.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FormFormat.Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };
}

/// <summary>Where a form goes: service (as configured), year and region, and who uploads it.</summary>
/// <param name="Service">The service, spelled as in Pmg:Services.</param>
/// <param name="Year">The form's year.</param>
/// <param name="Region">The region.</param>
/// <param name="Uploader">The uploader's e-mail (blob metadata <c>uploader</c>; the receipt goes there), or null.</param>
public sealed record UploadTarget(string Service, int Year, Region Region, string? Uploader)
{
    /// <summary>What ingestion will tell the reader: the path's service, year and region.</summary>
    public FormReadOptions ReadOptions => new() { Service = Service, Year = Year, Region = Region.Code };

    /// <summary><c>{service}/{year}/{region}/{file}</c>, as <c>pmg upload</c> names it.</summary>
    public string BlobName(string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{Service}/{Year}/{Region.Code}/{Path.GetFileName(fileName)}");
}

/// <summary>An upload's validation and, when it was stored, where.</summary>
/// <param name="Validation">What <c>pmg validate</c> says about the file.</param>
/// <param name="Stored">The stored blob, or null when the file was refused before storage.</param>
public sealed record UploadOutcome(EvaluatedFile Validation, StoredUpload? Stored);

/// <summary>A stored form: blob name, ETag, and the submission id the pipeline will record it under.</summary>
/// <param name="BlobName">Blob name in the forms container.</param>
/// <param name="ETag">The new version's ETag.</param>
/// <param name="SubmissionId">SHA-256 of blob name and ETag (<see cref="SubmissionKeys.SubmissionId"/>).</param>
/// <param name="Replaced">A blob of that name existed: this is a new version.</param>
public sealed record StoredUpload(string BlobName, string ETag, string SubmissionId, bool Replaced);
