using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Forms.Tests.Builders;

namespace Pmg.Forms.Tests.Reading;

/// <summary>The "Desempeño Anual Región (%)" line below a programme's objectives table (note 11), in both formats.</summary>
public sealed class DeclaredPerformanceTests
{
    public static TheoryData<FormFormat> Formats => FormReading.BothFormats;

    [Theory]
    [InlineData(FormFormat.Word, "88%", 88)]
    [InlineData(FormFormat.Excel, "88%", 88)]
    [InlineData(FormFormat.Word, "95,5 %", 95.5)]
    [InlineData(FormFormat.Excel, "95", 95)]
    public async Task ReadAsync_PerformanceWrittenAsText_ReadsItsPercentPoints(FormFormat format, string written, decimal points)
    {
        var program = await ReadProgram(format, Form(written));

        Assert.Equal(points, program.DeclaredPerformance);
        Assert.Equal(written, program.RawDeclaredPerformance);
        Assert.Equal(
            "III.1, Desempeño Anual Región (%)" + (format == FormFormat.Excel ? ", celda B8" : ""),
            program.DeclaredPerformanceLocation?.ToString());
    }

    [Theory]
    [InlineData("9", "0.88", 88)]
    [InlineData("0.0%", "0.955", 95.5)]
    [InlineData(null, "88", 88)]
    public async Task ReadAsync_ExcelNumericPerformance_PercentFormatMakesAFractionPoints(string? numberFormat, string stored, decimal points)
    {
        var value = decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);

        var program = await ReadProgram(FormFormat.Excel, Form(FormCell.Numeric(value, numberFormat)));

        Assert.Equal(points, program.DeclaredPerformance);
        Assert.Equal("III.1, Desempeño Anual Región (%), celda B8", program.DeclaredPerformanceLocation?.ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_PerformanceWrittenAfterTheLabel_ReadsIt(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => Activity(s)
            .DeclaringPerformance(FormCell.Blank, "Desempeño Anual Región Programa de Información 2009 (%) (14) = 92,5%"));

        var program = await ReadProgram(format, form);

        Assert.Equal(92.5m, program.DeclaredPerformance);
        Assert.Equal("92,5%", program.RawDeclaredPerformance);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_BlankPerformance_IsNullWithoutMessages(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form(FormCell.Blank), format);

        var program = result.Submission!.Program(Section.III1)!;
        Assert.Null(program.DeclaredPerformance);
        Assert.Equal("", program.RawDeclaredPerformance);
        Assert.NotNull(program.DeclaredPerformanceLocation);
        Assert.Empty(result.Diagnostics.Select(d => d.Code + ": " + d.Message));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_NoPerformanceLine_HasNoDeclaredPerformance(FormFormat format)
    {
        var program = await ReadProgram(format, new FormBuilder().WithGestion(s => Activity(s)));

        Assert.Null(program.DeclaredPerformance);
        Assert.Null(program.DeclaredPerformanceLocation);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_UnreadablePerformance_WarnsNamingTheCell(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form("noventa"), format);

        Assert.Null(result.Submission!.Program(Section.III1)!.DeclaredPerformance);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.DeclaredPerformanceUnreadable);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(
            "No se pudo leer el desempeño anual declarado «noventa» en III.1, Desempeño Anual Región (%)" + (format == FormFormat.Excel ? ", celda B8" : "") +
            ": escríbalo como porcentaje, por ejemplo «95%» o «95,5%»; se ignora y se usa el calculado.",
            warning.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Evaluate_DeclaredPerformanceReadFromTheForm_WarnsWhenItDisagrees(FormFormat format)
    {
        var submission = await FormReading.ReadSubmissionAsync(Form("88%"), format);

        var evaluation = FormRules.Evaluate(submission);

        Assert.Equal(100m, evaluation.Program(Section.III1)!.DisplayPerformance);
        var warning = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.DeclaredPerformanceMismatch);
        Assert.Equal("El desempeño declarado de III.1 (88,00 %) no coincide con el calculado (100,00 %).", warning.Message);
        Assert.Equal("III.1, Desempeño Anual Región (%)" + (format == FormFormat.Excel ? ", celda B8" : ""), warning.Location?.ToString());
    }

    // Two complied activities of one objective, weights 100 in all; the declared performance two rows below (row 8 in Excel).
    private static FormBuilder Form(FormCell performance) =>
        new FormBuilder().WithGestion(s => Activity(s).DeclaringPerformance(performance));

    private static SectionBuilder Activity(SectionBuilder section) => section
        .Row("Asesorar a los SSPP", "Nº", "5", FormCell.Text("Realizar asesorías", "Capacitar a FFPP"), "Profesional de apoyo", "Actas",
            FormCell.Text("50%", "50%"), FormCell.Text("sí", "sí"));

    private static async Task<WorkProgram> ReadProgram(FormFormat format, FormBuilder form) =>
        (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!;
}
