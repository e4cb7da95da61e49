using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Forms.Assembly;
using Pmg.Forms.Excel;
using Pmg.Forms.Layout;
using Pmg.Forms.Safety;
using Pmg.Forms.Word;

namespace Pmg.Forms;

/// <summary>
/// Reads a submitted .docx or .xlsx into a <see cref="Submission"/>: bounds and inspects the package first, then
/// reads it with OpenXML into a neutral layout and assembles the form. Bad input becomes a refusal, never an exception.
/// </summary>
public sealed class FormReader : IFormReader
{
    private readonly PackageLimits limits;
    private readonly ILogger logger;

    /// <summary>Creates a reader with the given package limits (default <see cref="PackageLimits.Default"/>).</summary>
    public FormReader(PackageLimits? limits = null, ILogger<FormReader>? logger = null)
    {
        this.limits = limits ?? PackageLimits.Default;
        this.logger = logger ?? NullLogger<FormReader>.Instance;
    }

    /// <inheritdoc />
    public async Task<FormReadResult> ReadAsync(Stream content, string fileName, FormReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var bytes = await CopyBoundedAsync(content, limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        var verdict = PackageInspector.Inspect(bytes, fileName, limits);
        if (verdict.Refusal is { } refusal)
        {
            Log.FormRefused(logger, fileName, refusal.Code);
            return FormReadResult.Refused(fileName, verdict.Format, refusal);
        }

        FormLayout layout;
        try
        {
            layout = ReadLayout(bytes, verdict.Format);
        }
        catch (Exception exception) when (IsCorruptPackage(exception))
        {
            Log.FormCorrupt(logger, fileName, exception);
            return FormReadResult.Refused(fileName, verdict.Format, Refusals.Corrupt(fileName, "su contenido no se pudo leer como documento Word o Excel"));
        }

        var assembled = FormAssembler.Assemble(layout, fileName, options);
        if (assembled.Submission is not { } submission)
        {
            Log.FormRefused(logger, fileName, assembled.Diagnostics[0].Code);
            return FormReadResult.Refused(fileName, verdict.Format, [.. assembled.Diagnostics]);
        }

        Log.FormRead(logger, fileName, verdict.Format.ToString(), submission.Programs.Count, submission.Programs.Sum(p => p.Activities.Count()), assembled.Diagnostics.Count);
        return new FormReadResult
        {
            FileName = fileName,
            Format = verdict.Format,
            Submission = submission,
            Diagnostics = assembled.Diagnostics,
        };
    }

    private FormLayout ReadLayout(byte[] bytes, FormFormat format)
    {
        var settings = new OpenSettings { MaxCharactersInPart = limits.MaxInflatedBytes };
        using var stream = new MemoryStream(bytes, writable: false);
        switch (format)
        {
            case FormFormat.Word:
                using (var document = WordprocessingDocument.Open(stream, false, settings))
                {
                    return WordLayoutReader.Read(document);
                }

            case FormFormat.Excel:
                using (var workbook = SpreadsheetDocument.Open(stream, false, settings))
                {
                    return ExcelLayoutReader.Read(workbook);
                }

            default:
                return new FormLayout(format, []);
        }
    }

    // What OpenXML and System.IO.Packaging raise for packages that are damaged in ways inspection cannot see
    // (dangling relationship ids and invalid attribute values surface as argument and key errors).
    private static bool IsCorruptPackage(Exception exception) =>
        exception is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException
            or FormatException or IOException or InvalidOperationException or NotSupportedException
            or ArgumentException or KeyNotFoundException;

    // Reads at most one byte more than the limit, so an oversized upload is refused without buffering all of it.
    private static async Task<byte[]> CopyBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= maxBytes)
        {
            var wanted = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
            var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
