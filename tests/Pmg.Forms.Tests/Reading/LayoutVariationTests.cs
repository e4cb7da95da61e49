using Pmg.Domain.Model;
using Pmg.Forms.Tests.Builders;

namespace Pmg.Forms.Tests.Reading;

/// <summary>The layouts regions actually send read to the same objectives and activities, in Word and in Excel.</summary>
public sealed class LayoutVariationTests
{
    public static TheoryData<FormFormat> Formats => FormReading.BothFormats;

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_ActivitiesAsLinesOfOneCell_ReadsOneActivityPerLineWithItsWeightUnitAndMeans(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº de SSPP asesorados", "5 SSPP",
                FormCell.Text("Realizar asesorías", "Capacitar a FFPP"),
                FormCell.Text("Profesional de apoyo", "Encargado MJH"),
                FormCell.Text("Actas", "Nóminas"),
                FormCell.Text("40%", "60%")));

        var program = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!;

        var objective = Assert.Single(program.Objectives);
        Assert.Equal("Asesorar a los SSPP", objective.Text);
        Assert.Equal(["Realizar asesorías", "Capacitar a FFPP"], objective.Activities.Select(a => a.Text));
        Assert.Equal(["Profesional de apoyo", "Encargado MJH"], objective.Activities.Select(a => a.Unit));
        Assert.Equal(["Actas", "Nóminas"], objective.Activities.Select(a => a.Means));
        Assert.Equal([40m, 60m], objective.Activities.Select(a => a.Weight));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_OneRowPerActivityWithMergedObjective_ReadsTheSameAsOneCell(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº de SSPP asesorados", "5 SSPP", "Realizar asesorías", "Profesional de apoyo", "Actas", "40%")
            .Row(FormCell.MergedAbove, FormCell.MergedAbove, FormCell.MergedAbove, "Capacitar a FFPP", "Encargado MJH", "Nóminas", "60%")
            .Row("Difundir derechos", "Nº de talleres", "10", "Realizar talleres", "Unidad de participación", "Registros", "0%"));

        var program = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!;

        Assert.Equal(2, program.Objectives.Count);
        var first = program.Objectives[0];
        Assert.Equal("Asesorar a los SSPP", first.Text);
        Assert.Equal(["Nº de SSPP asesorados"], first.Indicators);
        Assert.Equal(["Realizar asesorías", "Capacitar a FFPP"], first.Activities.Select(a => a.Text));
        Assert.Equal(["Profesional de apoyo", "Encargado MJH"], first.Activities.Select(a => a.Unit));
        Assert.Equal([40m, 60m], first.Activities.Select(a => a.Weight));
        Assert.Equal("III.1, fila 2, Ponderación (%)" + (format == FormFormat.Excel ? ", celda G7" : ""), first.Activities[1].At(Columns.Weight).ToString());
        Assert.Equal(["Realizar talleres"], program.Objectives[1].Activities.Select(a => a.Text));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_BlankObjectiveAndUnitBelowTheFirstRow_ActivitiesJoinTheObjectiveAndKeepItsUnit(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº de SSPP asesorados", "5 SSPP", "Realizar asesorías", "Profesional de apoyo", "Actas", "50%")
            .Row(activity: "Capacitar a FFPP", weight: "50%"));

        var objective = Assert.Single((await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!.Objectives);

        Assert.Equal(["Realizar asesorías", "Capacitar a FFPP"], objective.Activities.Select(a => a.Text));
        Assert.Equal(["Profesional de apoyo", "Profesional de apoyo"], objective.Activities.Select(a => a.Unit));
        Assert.Equal(["Actas", "Actas"], objective.Activities.Select(a => a.Means));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_RowStartingInLowerCase_ContinuesTheObjectiveAbove(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Lograr que los funcionarios mejoren sus capacidades,", "Nº de capacitaciones", "4 cursos", "Difundir el programa", "Profesional de apoyo", "Registros", "100%")
            .Row("profundicen sus conocimientos y adquieran herramientas"));

        var program = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!;

        var objective = Assert.Single(program.Objectives);
        Assert.Equal("Lograr que los funcionarios mejoren sus capacidades, profundicen sus conocimientos y adquieran herramientas", objective.Text);
        Assert.Single(objective.Activities);
    }

    [Fact]
    public async Task ReadAsync_WordRunsSplitMidWordAndLineBreaks_ReadsWholeWordsAndOneActivityPerLine()
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row(FormCell.Runs("Ases", "orar a los ", "SSPP"), "Nº", "5",
                FormCell.Breaks("Realizar asesorías", "Capacitar a FFPP"),
                FormCell.Runs("Profesional ", "de apo", "yo"), "Actas",
                FormCell.Breaks("0,", "5%") with { AsBreaks = false, AsRuns = true }));

        var objective = Assert.Single((await FormReading.ReadSubmissionAsync(form, FormFormat.Word)).Program(Section.III1)!.Objectives);

        Assert.Equal("Asesorar a los SSPP", objective.Text);
        Assert.Equal(["Realizar asesorías", "Capacitar a FFPP"], objective.Activities.Select(a => a.Text));
        Assert.Equal("Profesional de apoyo", objective.Activities[0].Unit);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_ColumnsInAnotherOrder_ReadsEachValueFromItsTitledColumn(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .WithColumnOrder(6, 3, 0, 8, 7, 5, 4, 2, 1)
            .Row("Asesorar a los SSPP", "Nº de SSPP", "5 SSPP", "Realizar asesorías", "Profesional de apoyo", "Actas", "100%", "sí"));

        var objective = Assert.Single((await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!.Objectives);

        Assert.Equal("Asesorar a los SSPP", objective.Text);
        Assert.Equal(["Nº de SSPP"], objective.Indicators);
        Assert.Equal("5 SSPP", objective.AnnualResult);
        var activity = Assert.Single(objective.Activities);
        Assert.Equal("Realizar asesorías", activity.Text);
        Assert.Equal("Profesional de apoyo", activity.Unit);
        Assert.Equal("Actas", activity.Means);
        Assert.Equal(100m, activity.Weight);
        Assert.Equal(Compliance.Complied, activity.Compliance);
        Assert.Equal("III.1, fila 1, Ponderación (%)" + (format == FormFormat.Excel ? ", celda A6" : ""), activity.At(Columns.Weight).ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_HeaderWithOtherNoteNumbersCaseAndAccents_FindsTheTable(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .WithTitles("OBJETIVOS ESPECIFICOS (7)", "Indicador(8)", "Resultado Anual del Indicador ( 9 )", "META ANUAL O ACTIVIDADES COMPROMETIDAS (10)",
                "Unidad responsable (11)", "Medio de Verificacion (12)", "PONDERACION (%) (13)", "Cumple / No cumple (14)", "Ponderación Ganada (15)")
            .Row("Asesorar a los SSPP", "Nº", "5", "Realizar asesorías", "Profesional de apoyo", "Actas", "100%", "no", "0%"));

        var activity = Assert.Single((await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!.Activities);

        Assert.Equal("Realizar asesorías", activity.Text);
        Assert.Equal(100m, activity.Weight);
        Assert.Equal(Compliance.NotComplied, activity.Compliance);
        Assert.Equal(0m, activity.DeclaredEarned);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_FewerUnitsAndMeansThanActivities_TheyApplyToEveryActivity(FormFormat format)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Acercar la oferta", "Nº", "40 talleres",
                FormCell.Text("Realizar talleres", "Difundir derechos", "Participar en Gobierno + Cerca"),
                "Unidad de participación", "Informes OIRS",
                FormCell.Text("30%", "30%", "40%")));

        var activities = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III1)!.Activities.ToList();

        Assert.Equal(3, activities.Count);
        Assert.All(activities, a => Assert.Equal("Unidad de participación", a.Unit));
        Assert.All(activities, a => Assert.Equal("Informes OIRS", a.Means));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_InformationSectionCategoryCell_MakesOneObjectivePerListedObjectiveWithItsCategory(FormFormat format)
    {
        var form = new FormBuilder().WithSection(Section.III3, s => s
            .Row(FormCell.Text("Oferta de información al GORE (11)", "Definir la información", "Definir los procedimientos"),
                FormCell.Text("% de compromisos", "% de procedimientos"), FormCell.Text("100%", "100%"),
                FormCell.Text("Proveer información ARI", "Participar en comisiones"), "Directora Regional", "Actas")
            .Row(FormCell.Text("Otros objetivos institucionales (13)")));

        var program = (await FormReading.ReadSubmissionAsync(form, format)).Program(Section.III3)!;

        Assert.Equal(["Definir la información", "Definir los procedimientos"], program.Objectives.Select(o => o.Text));
        Assert.All(program.Objectives, o => Assert.Equal("Oferta de información al GORE", o.Category));
        Assert.Equal(["% de compromisos"], program.Objectives[0].Indicators);
        Assert.Equal(["Proveer información ARI"], program.Objectives[0].Activities.Select(a => a.Text));
        Assert.Equal(["Participar en comisiones"], program.Objectives[1].Activities.Select(a => a.Text));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_WordTableSplitAtAPageBreak_ReadsTheRowsOfBothTables(bool repeatHeader)
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Lograr que los funcionarios mejoren sus capacidades,", "Nº", "4", "Difundir el programa", "Profesional de apoyo", "Registros", "50%")
            .PageBreak(repeatHeader)
            .Row("profundicen sus conocimientos")
            .Row("Difundir derechos", "Nº", "10", "Realizar talleres", "Unidad de participación", "Registros", "50%"));

        var program = (await FormReading.ReadSubmissionAsync(form, FormFormat.Word)).Program(Section.III1)!;

        Assert.Equal(["Lograr que los funcionarios mejoren sus capacidades, profundicen sus conocimientos", "Difundir derechos"], program.Objectives.Select(o => o.Text));
        Assert.Equal([50m, 50m], program.Activities.Select(a => a.Weight));
    }

    [Fact]
    public async Task ReadAsync_WordNestedTableInACell_ReadsItsParagraphsAsLinesOfTheCell()
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº", "5", FormCell.Nested("Realizar asesorías", "Capacitar a FFPP"), "Profesional", "Actas", FormCell.Text("50%", "50%")));

        var activities = (await FormReading.ReadSubmissionAsync(form, FormFormat.Word)).Program(Section.III1)!.Activities;

        Assert.Equal(["Realizar asesorías", "Capacitar a FFPP"], activities.Select(a => a.Text));
    }

    [Fact]
    public async Task ReadAsync_WordCellsInsideContentControls_ReadsThemInTheirColumns()
    {
        var form = new FormBuilder().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº", "5", FormCell.Text("Realizar asesorías") with { InContentControl = true }, "Profesional",
                FormCell.Text("Actas") with { InContentControl = true }, FormCell.Text("100%") with { InContentControl = true }, "sí"));

        var activity = Assert.Single((await FormReading.ReadSubmissionAsync(form, FormFormat.Word)).Program(Section.III1)!.Activities);

        Assert.Equal("Realizar asesorías", activity.Text);
        Assert.Equal("Actas", activity.Means);
        Assert.Equal(100m, activity.Weight);
        Assert.Equal(Compliance.Complied, activity.Compliance);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ReadAsync_ProgressTable_CarriesTheProgrammeDownAndJoinsRowsWithoutObjective(FormFormat format)
    {
        var form = new FormBuilder()
            .WithGestion(s => s.Row("Asesorar a los SSPP", "Nº", "5", "Realizar asesorías", "Profesional de apoyo", "Actas", "100%"))
            .WithProgress(s => s
                .Cells("Diseño Acceso y Distribución", "Objetivo 1: asesorar a los SSPP", "Avance del 50%", "Oficios enviados", "Recomendaciones: insistir", "Responsable: Profesional de apoyo")
                .Cells("", "Capacitar a FFPP", "Escuelas aún no ejecutadas", "Consultas al NC", "Acelerar la licitación", "Encargada")
                .Cells("", "", "por retraso en la licitación"));

        var rows = (await FormReading.ReadSubmissionAsync(form, format)).ProgressRows;

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Diseño Acceso y Distribución", "Diseño Acceso y Distribución"], rows.Select(r => r.Program));
        Assert.Equal("Objetivo 1: asesorar a los SSPP", rows[0].Objective);
        Assert.Equal("Avance del 50%", rows[0].Progress);
        Assert.Equal("Responsable: Profesional de apoyo", rows[0].Responsible);
        Assert.Equal("Escuelas aún no ejecutadas por retraso en la licitación", rows[1].Progress);
        Assert.Equal("III.4, fila 2", rows[1].Location.ToString());
    }

    [Fact]
    public async Task ReadAsync_ExcelWithoutCellReferences_PlacesCellsByTheirOrder()
    {
        var form = new FormBuilder().WithoutCellReferences().WithGestion(s => s
            .Row("Asesorar a los SSPP", "Nº", "5", "Realizar asesorías", "Profesional de apoyo", "Actas", "100%", "no"));

        var activity = Assert.Single((await FormReading.ReadSubmissionAsync(form, FormFormat.Excel)).Program(Section.III1)!.Activities);

        Assert.Equal("Realizar asesorías", activity.Text);
        Assert.Equal(100m, activity.Weight);
        Assert.Equal(Compliance.NotComplied, activity.Compliance);
        Assert.Equal("III.1, fila 1, Ponderación (%), celda G5", activity.At(Columns.Weight).ToString());
    }
}
