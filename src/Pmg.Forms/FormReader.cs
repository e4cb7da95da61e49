using System.Buffers;
using System.Xml;
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
/// reads the parts the inspector vetted (inflated once) into a neutral layout with a forward-only XML reader, and
/// assembles the form. Bad input becomes a refusal, never an exception: what the reader does not foresee is a
/// <see cref="RefusalCodes.FormUnreadable"/> refusal with the exception logged, never a crash of the host.
/// </summary>
public sealed class FormReader : IFormReader
{
    // An upload of unknown length past the limit is counted up to this many times the limit, then called "more than".
    private const int OversizeCountFactor = 10;

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
        var (buffer, length) = await CopyBoundedAsync(content, limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (length > limits.MaxFileBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            var tooLarge = await TooLargeAsync(content, fileName, cancellationToken).ConfigureAwait(false);
            Log.FormRefused(logger, fileName, tooLarge.Code);
            return FormReadResult.Refused(fileName, FormFormat.Unknown, tooLarge);
        }

        var format = FormFormat.Unknown;
        try
        {
            return Read(buffer, length, fileName, options, ref format);
        }
        catch (Exception exception) when (PackageInspector.IsUnforeseen(exception))
        {
            Log.FormReaderFailed(logger, fileName, exception.GetType().FullName ?? exception.GetType().Name, exception);
            var refusal = Refusals.Unreadable(Path.GetFileName(fileName));
            return FormReadResult.Refused(fileName, format, refusal);
        }
    }

    private FormReadResult Read(byte[] buffer, int length, string fileName, FormReadOptions options, ref FormFormat format)
    {
        PackageVerdict verdict;
        VettedPackage? package;
        try
        {
            (verdict, package) = PackageInspector.Vet(buffer.AsMemory(0, length), fileName, limits);
        }
        finally
        {
            // The vetted package holds its own inflated parts; the upload's bytes are no longer needed.
            ArrayPool<byte>.Shared.Return(buffer);
        }

        format = verdict.Format;
        if (verdict.Refusal is { } refusal || package is null)
        {
            var diagnostic = verdict.Refusal ?? Refusals.Corrupt(fileName, "su contenido no se pudo leer como documento Word o Excel");
            Log.FormRefused(logger, fileName, diagnostic.Code);
            return FormReadResult.Refused(fileName, verdict.Format, diagnostic);
        }

        FormLayout layout;
        using (package)
        {
            try
            {
                layout = ReadLayout(package);
            }
            catch (PackageRefusedException refused)
            {
                Log.FormRefused(logger, fileName, refused.Refusal.Code);
                return FormReadResult.Refused(fileName, verdict.Format, refused.Refusal);
            }
            catch (XmlException exception)
            {
                Log.FormCorrupt(logger, fileName, exception);
                return FormReadResult.Refused(fileName, verdict.Format, Refusals.Corrupt(package.FileName, $"la parte «{package.PartBeingRead}» no es XML válido"));
            }
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

    // The readers parse the parts the inspector inflated and vetted, once each, straight into the layout.
    private static FormLayout ReadLayout(VettedPackage package) => package.Format switch
    {
        FormFormat.Word => WordLayoutReader.Read(package),
        FormFormat.Excel => ExcelLayoutReader.Read(package),
        _ => new FormLayout(package.Format, []),
    };

    /// <summary>The refusal of an oversized upload, with its real size: the stream's length, or the bytes counted to its end.</summary>
    private async Task<Domain.Diagnostics.Diagnostic> TooLargeAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(fileName);
        if (content.CanSeek)
        {
            return Refusals.TooLarge(file, content.Length, limits.MaxFileBytes);
        }

        // Already past the limit; count the rest without keeping it, up to a bound so a huge stream is not read whole.
        var counted = limits.MaxFileBytes + 1;
        var bound = limits.MaxFileBytes * OversizeCountFactor;
        var scratch = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while (counted <= bound && (read = await content.ReadAsync(scratch, cancellationToken).ConfigureAwait(false)) > 0)
            {
                counted += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        return counted > bound ? Refusals.TooLargeAtLeast(file, bound, limits.MaxFileBytes) : Refusals.TooLarge(file, counted, limits.MaxFileBytes);
    }

    // Reads at most one byte more than the limit, so an oversized upload is refused without buffering all of it.
    // The bytes go into a pooled buffer (the caller returns it): sized once when the stream knows its length,
    // otherwise grown by doubling.
    private static async Task<(byte[] Buffer, int Length)> CopyBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var cap = (int)Math.Min(maxBytes + 1, Array.MaxLength);
        var initial = content.CanSeek ? Math.Clamp(content.Length - content.Position + 1, 1, cap) : Math.Min(81920, cap);
        var buffer = ArrayPool<byte>.Shared.Rent((int)initial);
        var length = 0;
        try
        {
            while (length < cap)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var wanted = Math.Min(buffer.Length, cap) - length;
                var read = await content.ReadAsync(buffer.AsMemory(length, wanted), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
