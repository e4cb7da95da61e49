using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Forms.Tests.Builders;

namespace Pmg.Forms.Tests.Reading;

/// <summary>Weights and compliance marks in every spelling the regions use, and the messages a user reads about them.</summary>
public sealed class WeightAndComplianceTests
{
    public static TheoryData<FormFormat> Formats => FormReading.BothFormats;

    [Theory]
    [InlineData(FormFormat.Word, "0,5%", 0.5)]
    [InlineData(FormFormat.Excel, "0,5%", 0.5)]
    [InlineData(FormFormat.Word, "0.05 %", 0.05)]
    [InlineData(FormFormat.Word, "5", 5)]
    [InlineData(FormFormat.Excel, "5", 5)]
    [InlineData(FormFormat.Excel, "11,11%", 11.11)]
    public async Task ReadAsync_WeightWrittenAsText_ReadsItsPoints(FormFormat format, string written, decimal points)
    {
        var activity = await ReadSingleActivity(format, weight: written);

        Assert.Equal(points, activity.Weight);
        Assert.Equal(written, activity.RawWeight);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_WeightWithLeadingZero_ReadsTheNumberWithANotice(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form(weight: "01%"), format);

        Assert.Equal(1m, result.Submission!.Program(Section.III1)!.Activities.Single().Weight);
        var notice = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.WeightLeadingZero);
        Assert.Equal(Severity.Info, notice.Severity);
        Assert.Equal(
            "La ponderación «01%» en III.1, fila 1, Ponderación (%)" + (format == FormFormat.Excel ? ", celda G6" : "") + " tiene un cero a la izquierda y se leyó como 1 %.",
            notice.Message);
    }

    [Theory]
    [InlineData("9", "0.05", 5)]
    [InlineData("0.0%", "0.125", 12.5)]
    [InlineData(null, "5", 5)]
    [InlineData("9", "0.10000000000000001", 10)]
    public async Task ReadAsync_ExcelNumericWeight_PercentFormatMakesAFractionPoints(string? numberFormat, string stored, decimal points)
    {
        var value = decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);
        var activity = await ReadSingleActivity(FormFormat.Excel, weight: FormCell.Numeric(value, numberFormat));

        Assert.Equal(points, activity.Weight);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_UnreadableWeight_IsAnErrorQuotingTheCell(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form(weight: "cinco"), format);

        Assert.Null(result.Submission!.Program(Section.III1)!.Activities.Single().Weight);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.WeightUnreadable);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(
            "No se pudo leer la ponderación «cinco» en III.1, fila 1, Ponderación (%)" + (format == FormFormat.Excel ? ", celda G6" : "") + ": escríbala como porcentaje, por ejemplo «5%» o «0,5%».",
            error.Message);
        Assert.Equal(Columns.Weight, error.Location?.Column);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_FewerWeightsThanActivitiesInOneCell_WarnsWithBothCounts(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar", "Nº", "5", FormCell.Text("Realizar asesorías", "Capacitar a FFPP"), "Profesional", "Actas", "50%"));

        var result = await FormReading.ReadAsync(form, format);

        var activities = result.Submission!.Program(Section.III1)!.Activities.ToList();
        Assert.Equal([50m, null], activities.Select(a => a.Weight));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.WeightCountMismatch);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.StartsWith("En III.1, fila 1, Ponderación (%)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("hay 1 ponderación para 2 actividades", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FormFormat.Word, "SÍ", Compliance.Complied)]
    [InlineData(FormFormat.Excel, "SÍ", Compliance.Complied)]
    [InlineData(FormFormat.Word, "si", Compliance.Complied)]
    [InlineData(FormFormat.Excel, "Cumple", Compliance.Complied)]
    [InlineData(FormFormat.Word, "No cumple", Compliance.NotComplied)]
    [InlineData(FormFormat.Excel, "NO", Compliance.NotComplied)]
    [InlineData(FormFormat.Word, "", Compliance.Unmarked)]
    [InlineData(FormFormat.Excel, "", Compliance.Unmarked)]
    public async Task ReadAsync_ComplianceSpelling_ReadsTheMark(FormFormat format, string written, Compliance expected)
    {
        var result = await FormReading.ReadAsync(Form(compliance: written), format);

        Assert.Equal(expected, result.Submission!.Program(Section.III1)!.Activities.Single().Compliance);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ReadCodes.ComplianceUnrecognised);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_UnrecognisedCompliance_IsAnErrorNamingTheCell(FormFormat format)
    {
        var result = await FormReading.ReadAsync(Form(compliance: "quizás"), format);

        var activity = result.Submission!.Program(Section.III1)!.Activities.Single();
        Assert.Equal(Compliance.Unrecognised, activity.Compliance);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.ComplianceUnrecognised);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(
            "El valor «quizás» en III.1, fila 1, Cumple/no cumple" + (format == FormFormat.Excel ? ", celda H6" : "") + " no es un cumplimiento reconocido: escriba «Sí», «No», «Cumple» o «No cumple», o déjelo en blanco si aún no se evalúa.",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_CompliancePerLine_MarksEachActivityInOrder(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar", "Nº", "5", FormCell.Text("Realizar asesorías", "Capacitar a FFPP"), "Profesional", "Actas",
                FormCell.Text("50%", "50%"), FormCell.Text("NO", "SÍ")));

        var activities = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!.Activities;

        Assert.Equal([Compliance.NotComplied, Compliance.Complied], activities.Select(a => a.Compliance));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_ComplianceMergedOverTheObjectivesRows_MarksEachActivity(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar", "Nº", "5", "Realizar asesorías", "Profesional", "Actas", "50%", "Cumple")
            .Row(FormCell.MergedAbove, FormCell.MergedAbove, FormCell.MergedAbove, "Capacitar a FFPP", "Profesional", "Actas", "50%", FormCell.MergedAbove));

        var activities = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!.Activities;

        Assert.Equal([Compliance.Complied, Compliance.Complied], activities.Select(a => a.Compliance));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_UnreadableEarnedWeight_WarnsAndIgnoresIt(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar", "Nº", "5", "Realizar asesorías", "Profesional", "Actas", "100%", "sí", "todo"));

        var result = await FormReading.ReadAsync(form, format);

        Assert.Null(result.Submission!.Program(Section.III1)!.Activities.Single().DeclaredEarned);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.EarnedUnreadable);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.StartsWith("No se pudo leer la ponderación ganada «todo» en III.1, fila 1, Ponderación ganada", warning.Message, StringComparison.Ordinal);
    }

    private static FormBuilder Form(FormCell? weight = null, FormCell? compliance = null) =>
        new FormBuilder().WithGestion(s => s.Row("Asesorar a los SSPP", "Nº", "5", "Realizar asesorías", "Profesional de apoyo", "Actas", weight ?? "100%", compliance));

    private static async Task<Activity> ReadSingleActivity(FormFormat format, FormCell weight) =>
        (await FormReading.ReadSubmissionAsync(Form(weight: weight), format)).Program(Section.III1)!.Activities.Single();
}
