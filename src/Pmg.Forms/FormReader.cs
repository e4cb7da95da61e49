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
/// assembles the form. Bad input becomes a refusal, never an exception.
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
        var (verdict, package) = PackageInspector.Vet(bytes, fileName, limits);
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
                return FormReadResult.Refused(fileName, verdict.Format, Refusals.Corrupt(package.FileName, "una de sus partes no es XML válido"));
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
