using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Forms.Tests.Builders;

namespace Pmg.Forms.Tests.Reading;

/// <summary>Service, year and region from the document with the options as fallback, refusals, and registration.</summary>
public sealed partial class DocumentFieldsTests
{
    public static TheoryData<FormFormat> Formats => FormReading.BothFormats;

    [Theory]
    [InlineData(FormFormat.Word, "Bío-Bío", "CL-BI")]
    [InlineData(FormFormat.Excel, "Bío-Bío", "CL-BI")]
    [InlineData(FormFormat.Word, "O´Higgins", "CL-LI")]
    [InlineData(FormFormat.Excel, "O´Higgins", "CL-LI")]
    [InlineData(FormFormat.Word, "RM", "CL-RM")]
    [InlineData(FormFormat.Excel, "I Región de Tarapacá", "CL-TA")]
    [InlineData(FormFormat.Word, "Región de la Araucanía", "CL-AR")]
    public async Task ReadAsync_RegionSpelling_ResolvesTheRegionAndKeepsTheLabel(FormFormat format, string label, string code)
    {
        var submission = await FormReading.ReadSubmissionAsync(Form(region: label), format);

        Assert.Equal(code, submission.Region?.Code);
        Assert.Equal(label, submission.RegionLabel);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_DocumentSilentOnRegionYearAndService_UsesTheOptions(FormFormat format)
    {
        var form = Form(region: null).WithYear(null).WithService(null);

        var result = await FormReading.ReadAsync(form, format, new FormReadOptions { Region = "CL-VS", Year = 2010, Service = "SERNAM" });

        Assert.Equal("CL-VS", result.Submission?.Region?.Code);
        Assert.Equal(2010, result.Submission?.Year);
        Assert.Equal("SERNAM", result.Submission?.Service);
        var notice = Assert.Single(result.Diagnostics);
        Assert.Equal((ReadCodes.RegionFromPath, Severity.Info), (notice.Code, notice.Severity));
        Assert.Equal("El formulario no indica la región (fila «REGIÓN»): se tomó la región a la que se envió, Valparaíso (CL-VS).", notice.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_DocumentStatesRegionYearAndService_ReadsThem(FormFormat format)
    {
        var submission = await FormReading.ReadSubmissionAsync(Form(region: "Tarapacá").WithYear(2009).WithService("SERNAM"), format);

        Assert.Equal("CL-TA", submission.Region?.Code);
        Assert.Equal(2009, submission.Year);
        Assert.Equal("SERNAM", submission.Service);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_DocumentYearDiffersFromOptions_KeepsTheDocumentYearWithAnError(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form().WithYear(2009), format, new FormReadOptions { Year = 2010 });

        Assert.Equal(2009, result.Submission?.Year);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.YearMismatch);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("El formulario corresponde al año 2009, pero el archivo se envió para el año 2010. Verifique que envió el formulario del año correcto.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_DocumentRegionDiffersFromOptions_IsAnErrorNamingBothRegions(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form(region: "Bío-Bío"), format, new FormReadOptions { Region = "CL-TA" });

        Assert.Equal("CL-BI", result.Submission?.Region?.Code);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.RegionMismatch);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("indica la región Biobío", error.Message, StringComparison.Ordinal);
        Assert.Contains("se envió para la región Tarapacá", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_DocumentServiceDiffersFromOptions_KeepsTheDocumentServiceWithAnError(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form().WithService("SERNAM"), format, new FormReadOptions { Service = "INDAP" });

        Assert.Equal("SERNAM", result.Submission?.Service);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.ServiceMismatch);
        Assert.Equal("El formulario indica el servicio «SERNAM», pero el archivo se envió para el servicio «INDAP».", error.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_UnknownRegionAndNoOption_IsAnErrorQuotingTheLabel(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form(region: "Región 5"), format);

        Assert.Null(result.Submission?.Region);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.RegionUnreadable);
        Assert.StartsWith("No se reconoce la región «Región 5» en III.1, REGIÓN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_NoYearAnywhere_IsAnError(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form().WithYear(null), format);

        Assert.Equal(0, result.Submission?.Year);
        Assert.Contains(result.Diagnostics, d => d.Code == ReadCodes.YearMissing && d.Severity == Severity.Error);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_FileWithoutAnySection_IsRefusedWithNoForm(FormFormat format)
    {
        var form = new FormBuilder().WithParagraph("Acta de reunión del equipo regional");

        var result = await FormReading.ReadAsync(form, format);

        Assert.False(result.Accepted);
        Assert.Null(result.Submission);
        var refusal = Assert.Single(result.Diagnostics);
        Assert.Equal(ReadCodes.NoForm, refusal.Code);
        Assert.Equal(Severity.Error, refusal.Severity);
        Assert.StartsWith("El archivo «formulario", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("no contiene un formulario de la Etapa 3", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SectionWithoutObjectivesTable_WarnsAndLeavesTheProgrammeOut()
    {
        var form = Form().WithParagraph("Actividad III. 2: Programa de Complementariedad Territorial 2009");

        var result = await FormReading.ReadAsync(form, FormFormat.Word);

        Assert.NotNull(result.Submission);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.TableMissing);
        Assert.Contains("La sección III.2 no tiene la tabla de objetivos", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_MalformedMainPart_IsRefusedAsCorruptWithoutThrowing(FormFormat format)
    {
        var bytes = RewritePart(Form().Build(format), format == FormFormat.Word ? "word/document.xml" : "xl/worksheets/sheet1.xml", xml => xml[..(xml.Length / 2)]);
        using var stream = new MemoryStream(bytes);

        var result = await new FormReader().ReadAsync(stream, "dañado.docx", FormReadOptions.Default);

        Assert.False(result.Accepted);
        var refusal = Assert.Single(result.Diagnostics);
        Assert.Equal(ReadCodes.FileCorrupt, refusal.Code);
        Assert.Contains("«dañado.docx» está dañado", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WorkbookSheetPointingAtAMissingPart_IsReadWithoutThrowing()
    {
        var form = Form().WithSection(Section.III2, s => s.Row("Aplicar metodología", "Nº", "14", "3 reuniones", "Dirección Regional", "Actas", "100%"));
        var bytes = RewritePart(form.Build(FormFormat.Excel), "xl/workbook.xml", xml => FirstSheetId().Replace(xml, "id=\"rId999\"", 1));
        using var stream = new MemoryStream(bytes);

        var result = await new FormReader().ReadAsync(stream, "formulario.xlsx", FormReadOptions.Default);

        Assert.True(result.Accepted);
        Assert.Equal([Section.III2], result.Submission!.Programs.Select(p => p.Section));
    }

    [Fact]
    public void AddPmgForms_RegistersOneFormReader()
    {
        using var provider = new ServiceCollection().AddPmgForms().BuildServiceProvider();

        var reader = provider.GetRequiredService<IFormReader>();

        Assert.IsType<FormReader>(reader);
        Assert.Same(reader, provider.GetRequiredService<IFormReader>());
    }

    private static FormBuilder Form(string? region = "Tarapacá") =>
        new FormBuilder().WithGestion(s => s
            .WithRegion(region)
            .Row("Asesorar a los SSPP", "Nº", "5", "Realizar asesorías", "Profesional de apoyo", "Actas", "100%"));

    [System.Text.RegularExpressions.GeneratedRegex("(?<=<(?:x:)?sheet [^>]*)id=\"[^\"]+\"")]
    private static partial System.Text.RegularExpressions.Regex FirstSheetId();

    // Rewrites one part's XML (e.g. cut in the middle of an element), leaving a well-formed zip around it.
    private static byte[] RewritePart(byte[] package, string part, Func<string, string> rewrite)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write(rewrite(xml));
        }

        return stream.ToArray();
    }
}
