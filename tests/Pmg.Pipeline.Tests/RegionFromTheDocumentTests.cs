using System.IO.Compression;
using System.Text;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Forms;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Pipeline.Tests;

/// <summary>
/// The region is the document's (issue 10): a form whose region does not resolve is never filed under its folder's
/// region, and one that states none takes the folder's with a notice. Read by the real reader, ingested as a host does.
/// </summary>
public sealed class RegionFromTheDocumentTests
{
    private const string Cyrillic = "\u0430";

    [Fact]
    public async Task IngestAsync_TarapacaFormWithACyrillicLetterUploadedAsValparaiso_RefusedRegionUnreadableAndNeverCurrent()
    {
        using var harness = new Harness(reader: new FormReader());
        var form = RewriteDocument(Samples.Form("cierre-2009-CL-TA.docx"), xml => xml
            .Replace("Tarapacá", "Tarap" + Cyrillic + "cá", StringComparison.Ordinal)
            .Replace("TARAPACÁ", "TARAP\u0410CÁ", StringComparison.Ordinal));

        var outcome = await IngestAsync(harness, "SERNAM/2009/CL-VS/cierre-2009.docx", form);

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        var reason = Assert.Single(outcome.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(FormIdentity.RegionUnreadable, reason.Code);
        Assert.Contains($"«{Cyrillic}» (U+0430, letra cirílica que imita la «a»)", reason.Message, StringComparison.Ordinal);
        Assert.Contains("Se ve como «Tarapacá»", reason.Message, StringComparison.Ordinal);
        Assert.Null(harness.Current.Current("SERNAM", 2009, "CL-VS"));
        Assert.Null(harness.Current.Current("SERNAM", 2009, "CL-TA"));
        Assert.Contains(reason.Message + " (III.1, REGIÓN)", Assert.Single(harness.Receipts.Messages).Reasons);
    }

    [Fact]
    public async Task IngestAsync_ReaderSilentAboutARegionItCouldNotResolve_RefusedByTheIdentityCheck()
    {
        using var harness = new Harness();
        var read = new SubmissionBuilder().WithActivity(100m, Domain.Model.Compliance.Complied).Read("formulario.docx");
        harness.Reader.Returns("formulario.docx", read with { Submission = read.Submission! with { Region = null, RegionLabel = "Narnia" } });

        var outcome = await harness.IngestAsync("SERNAM/2009/CL-VS/formulario.docx");

        Assert.Equal(IngestionStatus.Refused, outcome.Status);
        var reason = Assert.Single(outcome.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(FormIdentity.RegionUnreadable, reason.Code);
        Assert.Equal(
            "El formulario indica la región «Narnia», que no corresponde a ninguna región de Chile; no se archiva en la carpeta de Valparaíso (CL-VS) sin saber de qué región es. Corrija la región en el formulario y vuelva a enviarlo.",
            reason.Message);
        Assert.Null(harness.Current.Current("SERNAM", 2009, "CL-VS"));
    }

    [Fact]
    public async Task IngestAsync_FormStatingNoRegion_FiledUnderTheFolderRegionWithANotice()
    {
        using var harness = new Harness(reader: new FormReader());
        var form = RewriteDocument(Samples.Form("cierre-2009-CL-TA.docx"), xml => xml
            .Replace("I Región de Tarapacá", "", StringComparison.Ordinal)
            .Replace("REGIÓN (1) I REGIÓN DE TARAPACÁ", "", StringComparison.Ordinal));

        var outcome = await IngestAsync(harness, "SERNAM/2009/CL-TA/cierre-2009.docx", form);

        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        Assert.True(outcome.IsCurrent);
        var notice = Assert.Single(outcome.Diagnostics, d => d.Code == ReadCodes.RegionFromPath);
        Assert.Equal((Severity.Info, "El formulario no indica la región (fila «REGIÓN»): se tomó la región a la que se envió, Tarapacá (CL-TA)."), (notice.Severity, notice.Message));
        Assert.NotNull(harness.Current.Current("SERNAM", 2009, "CL-TA"));
    }

    private static Task<IngestionOutcome> IngestAsync(Harness harness, string name, byte[] content) =>
        harness.Service.IngestAsync(new IncomingBlob(name, "0x1", new MemoryStream(content), new Dictionary<string, string>()));

    private static byte[] RewriteDocument(byte[] docx, Func<string, string> edit)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var buffer = new MemoryStream();
                from.CopyTo(buffer);
                var bytes = entry.FullName == "word/document.xml" ? Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(buffer.ToArray()))) : buffer.ToArray();
                using var to = target.CreateEntry(entry.FullName).Open();
                to.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
