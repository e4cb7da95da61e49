using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Pmg.Forms.Templates;
using Pmg.Forms.Tests.Samples;

namespace Pmg.Forms.Tests.Templates;

/// <summary>Writes forms with the template writer and reads them back with the real reader, in memory.</summary>
internal static class TemplateFiles
{
    public static Region Tarapaca { get; } = RegionCatalog.FindByCode("CL-TA")!;

    public static async Task<byte[]> BlankAsync(FormFormat format, int year = 2010, Submission? prefill = null)
    {
        using var output = new MemoryStream();
        await new FormTemplateWriter().WriteAsync("SERNAM", year, Tarapaca, format, output, prefill);
        return output.ToArray();
    }

    public static async Task<byte[]> WriteAsync(Submission content, FormFormat format, TemplateLayout layout)
    {
        using var output = new MemoryStream();
        await new FormTemplateWriter().WriteAsync(content, format, output, layout);
        return output.ToArray();
    }

    public static async Task<FormReadResult> ReadAsync(byte[] bytes, FormFormat format)
    {
        using var stream = new MemoryStream(bytes);
        return await new FormReader().ReadAsync(stream, FileName(format), FormReadOptions.Default);
    }

    public static async Task<Submission> ReadSeedAsync(FormFormat format)
    {
        await using var stream = File.OpenRead(SharedSamples.Form("tarapaca-2009-etapa3." + Extension(format)));
        var result = await new FormReader().ReadAsync(stream, "tarapaca-2009-etapa3." + Extension(format), FormReadOptions.Default);
        return result.Submission!;
    }

    /// <summary>What the Open XML SDK's validator finds wrong, one line each (empty when the file opens without repair).</summary>
    public static List<string> ValidationErrors(byte[] bytes, FormFormat format)
    {
        using var stream = new MemoryStream(bytes);
        var validator = new OpenXmlValidator();
        if (format == FormFormat.Word)
        {
            using var document = WordprocessingDocument.Open(stream, false);
            return [.. validator.Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")];
        }

        using var workbook = SpreadsheetDocument.Open(stream, false);
        return [.. validator.Validate(workbook).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    public static string FileName(FormFormat format) => "plantilla." + Extension(format);

    public static string Extension(FormFormat format) => format == FormFormat.Word ? "docx" : "xlsx";

    public static TheoryData<FormFormat> BothFormats => new() { FormFormat.Word, FormFormat.Excel };
}
