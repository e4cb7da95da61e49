using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Forms.Tests.Builders;

namespace Pmg.Forms.Tests.Reading;

/// <summary>Reads a generated form the way the pipeline does.</summary>
internal static class FormReading
{
    public static async Task<FormReadResult> ReadAsync(FormBuilder form, FormFormat format, FormReadOptions? options = null)
    {
        var bytes = form.Build(format);
        using var stream = new MemoryStream(bytes);
        var name = format == FormFormat.Word ? "formulario.docx" : "formulario.xlsx";
        return await new FormReader().ReadAsync(stream, name, options ?? FormReadOptions.Default);
    }

    public static async Task<Submission> ReadSubmissionAsync(FormBuilder form, FormFormat format, FormReadOptions? options = null)
    {
        var result = await ReadAsync(form, format, options);
        Assert.True(result.Accepted, string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.Code + ": " + d.Message)));
        return result.Submission!;
    }

    public static TheoryData<FormFormat> BothFormats => new() { FormFormat.Word, FormFormat.Excel };
}
