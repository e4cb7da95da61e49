using DocumentFormat.OpenXml.Spreadsheet;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Forms.Layout;
using Pmg.Forms.Tests.Builders;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Tests.Reading;

/// <summary>
/// The "Total" rows offices add to an objectives table: the form's declared totals, compared with the activities',
/// never counted as an activity.
/// </summary>
public sealed class SummaryRowTests
{
    public static TheoryData<FormFormat, string> Labels
    {
        get
        {
            var data = new TheoryData<FormFormat, string>();
            foreach (var format in new[] { FormFormat.Word, FormFormat.Excel })
            {
                foreach (var label in new[] { "Total", "TOTAL", "Totales", "Subtotal", "Suma", "Total ponderación", "TOTAL PONDERACIÓN (%)", "Total:" })
                {
                    data.Add(format, label);
                }
            }

            return data;
        }
    }

    public static TheoryData<FormFormat> Formats => FormReading.BothFormats;

    [Theory]
    [MemberData(nameof(Labels))]
    public async Task ReadAsync_SummaryRowAtTheEnd_IsNotAnActivityAndTheProgrammeScores(FormFormat format, string label)
    {
        var form = OfficeEditsTests.Clean(more: s => s.Row(label, weight: "100%", earned: "60%"));

        var result = await FormReading.ReadAsync(form, format);

        OfficeEditsTests.AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
        var scored = FormRules.Evaluate(result.Submission!).Program(Section.III1)!;
        Assert.Equal(100m, scored.WeightTotal);
        Assert.Equal(60m, scored.Performance);
        Assert.Equal(ProgramStatus.NoCumple, scored.Status);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_TotalLabelInTheActivityColumn_IsASummaryRow(FormFormat format)
    {
        var form = OfficeEditsTests.Clean(more: s => s.Row("", "", "", "TOTAL", "", "", "100 %", "", "60 %"));

        var result = await FormReading.ReadAsync(form, format);

        OfficeEditsTests.AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task ReadAsync_ExcelTotalRowOfSumFormulas_ReadsTheirCachedTotalsWithoutWarnings()
    {
        var form = OfficeEditsTests.Clean(more: s => s.Row("Total", weight: FormCell.Numeric(1m, "9"), earned: FormCell.Numeric(0.6m, "9")))
            .EditingExcel(document =>
            {
                DocumentEdits.Cell(document, "G8").CellFormula = new CellFormula("SUM(G6:G7)");
                DocumentEdits.Cell(document, "I8").CellFormula = new CellFormula("SUM(I6:I7)");
            });

        var result = await FormReading.ReadAsync(form, FormFormat.Excel);

        OfficeEditsTests.AssertCleanActivities(result.Submission!);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_DeclaredTotalsDifferFromTheActivities_WarnNamingTheSectionAndCell(FormFormat format)
    {
        var form = OfficeEditsTests.Clean(more: s => s.Row("Total ponderación", weight: "90%", earned: "50%"));

        var result = await FormReading.ReadAsync(form, format);

        OfficeEditsTests.AssertCleanActivities(result.Submission!);
        var warnings = result.Diagnostics.Where(d => d.Code == ReadCodes.SummaryTotalMismatch).ToList();
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        var excel = format == FormFormat.Excel;
        Assert.Equal(
            [
                $"La fila «Total ponderación» en III.1, fila 3, Ponderación (%){(excel ? ", celda G8" : "")} declara una ponderación total de 90%, pero las ponderaciones de sus actividades suman 100 %: se usa la suma de las actividades (la fila de total no se cuenta como actividad).",
                $"La fila «Total ponderación» en III.1, fila 3, Ponderación ganada{(excel ? ", celda I8" : "")} declara una ponderación ganada total de 50%, pero la calculada según el cumplimiento de sus actividades es 60 %: se usa la calculada.",
            ],
            warnings.Select(w => w.Message));
        Assert.Equal(100m, FormRules.Evaluate(result.Submission!).Program(Section.III1)!.WeightTotal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_SubtotalsInsideTheTableAndATotal_EachSumsItsOwnActivities(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº", "5", "Realizar asesorías", "Profesional", "Actas", "30%", "sí")
            .Row("", "", "", "Capacitar a FFPP", "Profesional", "Listas", "20%", "no")
            .Row("Subtotal", weight: "50%", earned: "30%")
            .Row("Difundir la oferta", "Nº", "2", "Publicar folletos", "Comunicaciones", "Folletos", "25%", "sí")
            .Row("", "", "", "Visitar comunas", "Comunicaciones", "Actas", "25%", "sí")
            .Row("Subtotal", weight: "40%", earned: "50%")
            .Row("Total", weight: "100%", earned: "80%"));

        var result = await FormReading.ReadAsync(form, format);

        var program = result.Submission!.Program(Section.III1)!;
        Assert.Equal(["Asesorar a los SSPP", "Difundir la oferta"], program.Objectives.Select(o => o.Text));
        Assert.Equal(4, program.Activities.Count());
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(ReadCodes.SummaryTotalMismatch, warning.Code);
        Assert.StartsWith("La fila «Subtotal» en III.1, fila 6, Ponderación (%)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("declara una ponderación total de 40%, pero las ponderaciones de sus actividades suman 50 %", warning.Message, StringComparison.Ordinal);
        Assert.Equal(ProgramStatus.NoCumple, FormRules.Evaluate(result.Submission).Program(Section.III1)!.Status);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_ObjectiveOrActivityThatStartsWithTotalOrSuma_IsStillRead(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Total de mujeres atendidas aumenta", "Nº", "5", "Realizar asesorías", "Profesional", "Actas", "50%", "sí")
            .Row("", "", "", "Suma de voluntades con los municipios", "", "", "50%", "sí"));

        var program = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!;

        Assert.Equal("Total de mujeres atendidas aumenta", Assert.Single(program.Objectives).Text);
        Assert.Equal(["Realizar asesorías", "Suma de voluntades con los municipios"], program.Activities.Select(a => a.Text));
    }

    [Fact]
    public void SummaryLabels_TheVocabularyAndTheTemplatesTotalLine_AreRecognised()
    {
        foreach (var label in FormVocabulary.SummaryLabels.Append(FormVocabulary.ProgramTotalLabel))
        {
            Assert.True(FormVocabulary.IsSummaryLabel(new LayoutCell([label], 0).NormalizedText, out _, out _), label);
        }

        Assert.False(FormVocabulary.IsSummaryLabel("totalmente", out _, out _));
        Assert.True(FormVocabulary.IsSummaryLabel("sub total", out var subtotal, out var exact) && subtotal && exact);
    }
}
