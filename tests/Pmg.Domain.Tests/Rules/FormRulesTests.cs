using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;

namespace Pmg.Domain.Tests.Rules;

public class FormRulesTests
{
    private const string ObjectiveA = "Asesorar técnicamente a los SSPP desconcentrados";
    private const string ObjectiveB = "Fortalecer las Redes regionales de prevención VIF";

    [Theory]
    [InlineData("100.4", "100,40")]
    [InlineData("99.5", "99,50")]
    [InlineData("100.5", "100,50")]
    [InlineData("99.6667", "99,6667")]
    public void Evaluate_TotalWithinHalfPoint_PassesWithNotice(string totalText, string shown)
    {
        var total = decimal.Parse(totalText, System.Globalization.CultureInfo.InvariantCulture);
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 50m, total - 50m));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(ProgramStatus.Cumple, result.Status);
        Assert.Equal(100m, result.DisplayPerformance);
        var notice = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.WeightTotalTolerated);
        Assert.Equal(Severity.Info, notice.Severity);
        Assert.Contains($"suman {shown} puntos", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TotalExactly100_HasNoWeightNotice()
    {
        var evaluation = Evaluate(p => p.WithObjective(ObjectiveA, Compliance.Complied, 60m, 40m));

        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Code.StartsWith("WEIGHT", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("100.6", "100,60")]
    [InlineData("99.49", "99,49")]
    public void Evaluate_TotalBeyondHalfPoint_IsInvalido(string totalText, string shown)
    {
        var total = decimal.Parse(totalText, System.Globalization.CultureInfo.InvariantCulture);
        var evaluation = Evaluate(p => p.WithObjective(ObjectiveA, Compliance.Complied, 50m, total - 50m));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(ProgramStatus.Invalido, result.Status);
        Assert.Null(result.Performance);
        Assert.Null(result.DisplayPerformance);
        var error = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.WeightTotalInvalid);
        Assert.Equal($"Las ponderaciones de III.1 suman {shown} puntos; deben sumar 100 (tolerancia ±0,5).", error.Message);
    }

    [Fact]
    public void Evaluate_Exactly90_IsCumple()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 45m, 45m)
            .WithObjective(ObjectiveB, Compliance.NotComplied, 5m, 5m));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(90m, result.Performance);
        Assert.Equal(ProgramStatus.Cumple, result.Status);
    }

    [Fact]
    public void Evaluate_8999_IsNoCumple()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 44.99m, 45m)
            .WithObjective(ObjectiveB, Compliance.NotComplied, 5.01m, 5m));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(89.99m, result.DisplayPerformance);
        Assert.Equal(ProgramStatus.NoCumple, result.Status);
    }

    [Fact]
    public void Evaluate_JustBelow90ThatDisplaysAs90_IsNoCumple()
    {
        // 100 × 89.995 ÷ 100 rounds to 90,00 for display, but the status is decided unrounded.
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 89.995m, 0m)
            .WithObjective(ObjectiveB, Compliance.NotComplied, 10.005m, 0m));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(90.00m, result.DisplayPerformance);
        Assert.Equal(ProgramStatus.NoCumple, result.Status);
    }

    [Fact]
    public void DisplayPerformance_Midpoint_RoundsHalfUp()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 88.885m, 0m)
            .WithObjective(ObjectiveB, Compliance.NotComplied, 11.115m, 0m));

        Assert.Equal(88.89m, evaluation.Program(Section.III1)!.DisplayPerformance);
    }

    [Fact]
    public void Evaluate_NoWeights_WeighsUniformlyInDecimal()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, null, null)
            .WithObjective(ObjectiveB, Compliance.NotComplied, (decimal?)null));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(100m, result.WeightTotal);
        Assert.Equal(66.67m, result.DisplayPerformance);
        Assert.Equal(200m / 3m, result.Performance);
        Assert.Equal(ProgramStatus.NoCumple, result.Status);
        Assert.Contains(evaluation.Diagnostics, d => d.Code == RuleCodes.WeightsUniform && d.Severity == Severity.Info);
    }

    [Fact]
    public void Evaluate_NoWeightsAllComplied_IsExactly100()
    {
        var evaluation = Evaluate(p => p.WithObjective(ObjectiveA, Compliance.Complied, null, null, null));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(100m, result.Performance);
        Assert.Equal(ProgramStatus.Cumple, result.Status);
    }

    [Fact]
    public void Evaluate_SomeWeightsMissing_IsInvalidoWithErrorPerCell()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, o => o
                .WithActivity("Realizar 4 asesorías", a => a.Weighing(50m).Complied())
                .WithActivity("Capacitar a FFPP", a => a.Complied().InCell(Columns.Weight, "G10")))
            .WithObjective(ObjectiveB, o => o
                .WithActivity("Asesoría a las Redes VIF", a => a.Complied())
                .WithActivity("Capacitar a integrantes de redes", a => a.Weighing(50m).Complied())));

        Assert.Equal(ProgramStatus.Invalido, evaluation.Program(Section.III1)!.Status);
        var errors = evaluation.Diagnostics.Where(d => d.Code == RuleCodes.WeightMissing).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(Severity.Error, e.Severity));
        Assert.Equal("III.1, fila 2, Ponderación (%), celda G10", errors[0].Location!.ToString());
        Assert.Equal("III.1, fila 3, Ponderación (%)", errors[1].Location!.ToString());
        Assert.Equal(
            "Falta la ponderación de la actividad «Capacitar a FFPP»: si una actividad de III.1 tiene ponderación, todas deben tenerla. El programa queda INVALIDO.",
            errors[0].Message);
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Code == RuleCodes.WeightTotalInvalid);
    }

    [Fact]
    public void Evaluate_UnmarkedActivity_IsPendienteWithPerformanceSoFar()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 40m, 40m)
            .WithObjective(ObjectiveB, Compliance.Unmarked, 10m, 10m));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(ProgramStatus.Pendiente, result.Status);
        Assert.Equal(80m, result.Performance);
        Assert.Equal(80m, result.EarnedWeight);
    }

    [Fact]
    public void Evaluate_InvalidWeightsAndUnmarked_InvalidoWins()
    {
        var evaluation = Evaluate(p => p.WithObjective(ObjectiveA, Compliance.Unmarked, 0.5m, 0.5m));

        Assert.Equal(ProgramStatus.Invalido, evaluation.Program(Section.III1)!.Status);
    }

    [Fact]
    public void Evaluate_UnrecognisedMark_ErrorQuotesCellAndCountsAsUnmarked()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, o => o
                .WithActivity("Realizar 4 asesorías por cada Servicio", a => a.Weighing(50m).MarkedAsWritten("parcial").InCell(Columns.Compliance, "H9"))
                .WithActivity("Capacitar a FFPP", a => a.Weighing(50m).MarkedAsWritten("SÍ"))));

        var result = evaluation.Program(Section.III1)!;
        Assert.Equal(ProgramStatus.Pendiente, result.Status);
        Assert.Equal(50m, result.EarnedWeight);
        var error = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.ComplianceUnrecognised);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(
            "No se reconoce «parcial» en «Cumple/no cumple» de la actividad «Realizar 4 asesorías por cada Servicio»: escriba «sí» o «no», " +
            "o deje la celda en blanco si aún no se evalúa. La actividad se considera sin marcar.",
            error.Message);
        Assert.Equal("III.1, fila 1, Cumple/no cumple, celda H9", error.Location!.ToString());
    }

    [Fact]
    public void Evaluate_DeclaredEarnedDisagrees_WarnsAtEarnedCell()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, o => o
                .WithActivity("Realizar 4 asesorías", a => a.Weighing(50m).NotComplied().DeclaringEarned(50m).InCell(Columns.Earned, "I9"))
                .WithActivity("Capacitar a FFPP", a => a.Weighing(50m).Complied().DeclaringEarned(50m))));

        var warning = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.EarnedMismatch);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("La ponderación ganada declarada para la actividad «Realizar 4 asesorías» es 50 y la calculada es 0: se usa la calculada.", warning.Message);
        Assert.Equal("III.1, fila 1, Ponderación ganada, celda I9", warning.Location!.ToString());
        Assert.Equal(50m, evaluation.Program(Section.III1)!.EarnedWeight);
    }

    [Fact]
    public void Evaluate_DeclaredEarnedMatchesUniformShareToTheCent_NoWarning()
    {
        var evaluation = Evaluate(p => p.WithObjective(ObjectiveA, o => o
            .WithActivity("Uno", a => a.Complied().DeclaringEarned(33.33m))
            .WithActivity("Dos", a => a.Complied().DeclaringEarned(33.33m))
            .WithActivity("Tres", a => a.Complied().DeclaringEarned(33.33m))));

        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Code == RuleCodes.EarnedMismatch);
    }

    [Fact]
    public void Evaluate_DeclaredPerformanceAgreesWithDisplayedPerformance_NoWarning()
    {
        // 2 of 3 uniform activities: 66.666… displays as 66.67, which is what the region wrote.
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, null, null)
            .WithObjective(ObjectiveB, Compliance.NotComplied, [null])
            .DeclaringPerformance(66.67m, "B27"));

        Assert.Equal(66.67m, evaluation.Program(Section.III1)!.DisplayPerformance);
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Code == RuleCodes.DeclaredPerformanceMismatch);
    }

    [Fact]
    public void Evaluate_DeclaredPerformanceDisagrees_WarnsAtDeclaredCellWithBothValues()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 44m, 44m)
            .WithObjective(ObjectiveB, Compliance.NotComplied, 6m, 6m)
            .DeclaringPerformance(95m, "B27"));

        var warning = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.DeclaredPerformanceMismatch);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("El desempeño declarado de III.1 (95,00 %) no coincide con el calculado (88,00 %).", warning.Message);
        Assert.Equal("III.1, Desempeño Anual Región (%), celda B27", warning.Location!.ToString());
        Assert.Equal(ProgramStatus.NoCumple, evaluation.Program(Section.III1)!.Status);
    }

    [Fact]
    public void Evaluate_DeclaredPerformanceOnInvalidoProgramme_WarnsThereIsNothingToCompare()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 50m, 40m)
            .DeclaringPerformance(100m));

        var warning = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.DeclaredPerformanceMismatch);
        Assert.Equal(
            "El desempeño declarado de III.1 (100,00 %) no se puede comparar: el programa está INVALIDO por sus ponderaciones, " +
            "por lo que no tiene desempeño calculado.",
            warning.Message);
        Assert.Equal("III.1, Desempeño Anual Región (%)", warning.Location!.ToString());
    }

    [Fact]
    public void Evaluate_DeclaredPerformanceOnPendienteProgramme_WarnsThereIsNothingToCompare()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 50m, 25m)
            .WithObjective(ObjectiveB, Compliance.Unmarked, 25m)
            .DeclaringPerformance(75m));

        Assert.Equal(ProgramStatus.Pendiente, evaluation.Program(Section.III1)!.Status);
        var warning = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.DeclaredPerformanceMismatch);
        Assert.Equal(
            "El desempeño declarado de III.1 (75,00 %) no se puede comparar: el programa está PENDIENTE (hay actividades sin marcar), " +
            "por lo que no tiene desempeño calculado.",
            warning.Message);
    }

    [Fact]
    public void Evaluate_NoDeclaredPerformance_NoWarning()
    {
        var evaluation = Evaluate(p => p.WithObjective(ObjectiveA, Compliance.Complied, 44m, 44m).WithObjective(ObjectiveB, Compliance.NotComplied, 6m, 6m));

        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Code == RuleCodes.DeclaredPerformanceMismatch);
    }

    [Fact]
    public void Evaluate_ProgrammeWithoutActivities_IsNotScoredWithNotice()
    {
        var submission = new SubmissionBuilder()
            .WithProgram(Section.III1, p => p.WithObjective(ObjectiveA, Compliance.Complied, 50m, 50m))
            .WithProgram(Section.III3, _ => { })
            .WithProgressRowsForAllObjectives()
            .Build();

        var evaluation = FormRules.Evaluate(submission);

        Assert.Null(evaluation.Program(Section.III3));
        var notice = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.ProgramEmpty);
        Assert.Equal("III.3 no tiene actividades comprometidas: no se califica.", notice.Message);
        Assert.Equal(Severity.Info, notice.Severity);
    }

    [Fact]
    public void Evaluate_ObjectiveWithOneActivity_WarnsOnlyForThatObjective()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, Compliance.Complied, 60m)
            .WithObjective(ObjectiveB, Compliance.Complied, 20m, 20m));

        var warning = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.ObjectiveSingleActivity);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"El objetivo «{ObjectiveA}» de III.1 tiene una sola actividad; la nota 5 pide al menos dos.", warning.Message);
        Assert.Equal("III.1, fila 1, Objetivo específico", warning.Location!.ToString());
    }

    [Fact]
    public void Evaluate_ObjectiveWithoutProgressRow_WarnsNamingIt()
    {
        var submission = new SubmissionBuilder()
            .WithProgram(Section.III1, p => p
                .WithObjective(ObjectiveA, Compliance.Complied, 50m, 50m)
                .WithObjective(ObjectiveB, Compliance.Complied, 0m, 0m))
            .WithProgressRow(ObjectiveA)
            .Build();

        var evaluation = FormRules.Evaluate(submission);

        var warning = Assert.Single(evaluation.Diagnostics, d => d.Code == RuleCodes.ProgressRowMissing);
        Assert.Equal(
            $"El objetivo «{ObjectiveB}» de III.1 no tiene fila en III.4 Análisis del avance: agréguela para informar su avance.",
            warning.Message);
        Assert.Equal(Section.III1, warning.Location!.Section);
    }

    [Fact]
    public void Evaluate_ProgressRowTruncated_CountsAsCovered()
    {
        var submission = new SubmissionBuilder()
            .WithProgram(Section.III1, p => p.WithObjective(ObjectiveA + " para que incorporen la variable territorial", Compliance.Complied, 50m, 50m))
            .WithProgressRow("ASESORAR TECNICAMENTE a los SSPP")
            .Build();

        Assert.DoesNotContain(FormRules.Evaluate(submission).Diagnostics, d => d.Code == RuleCodes.ProgressRowMissing);
    }

    [Fact]
    public void Evaluate_NoProgressRowsAtAll_OneWarningForTheSection()
    {
        var submission = new SubmissionBuilder()
            .WithProgram(Section.III1, p => p
                .WithObjective(ObjectiveA, Compliance.Complied, 50m, 50m)
                .WithObjective(ObjectiveB, Compliance.Complied, 0m, 0m))
            .Build();

        var evaluation = FormRules.Evaluate(submission);

        var warning = Assert.Single(evaluation.Diagnostics, d => d.Code is RuleCodes.ProgressSectionMissing or RuleCodes.ProgressRowMissing);
        Assert.Equal(RuleCodes.ProgressSectionMissing, warning.Code);
        Assert.Equal("El formulario no trae filas en III.4 Análisis del avance: los 2 objetivos de III.1–III.3 quedan sin avance informado.", warning.Message);
    }

    [Fact]
    public void Evaluate_WeightsAsWritten_ReadToPointsBeforeSumming()
    {
        var evaluation = Evaluate(p => p
            .WithObjective(ObjectiveA, o => o
                .WithActivity("Uno", a => a.WeighingAsWritten("11,11%").Complied())
                .WithActivity("Dos", a => a.WeighingAsWritten("88.89 %").Complied())));

        Assert.Equal(100m, evaluation.Program(Section.III1)!.WeightTotal);
        Assert.Equal(ProgramStatus.Cumple, evaluation.Program(Section.III1)!.Status);
    }

    private static SubmissionEvaluation Evaluate(Action<ProgramBuilder> program)
    {
        var builder = new SubmissionBuilder().WithProgram(Section.III1, program);
        return FormRules.Evaluate(builder.WithProgressRowsForAllObjectives().Build());
    }
}

public class FormRulesReachabilityTests
{
    [Theory]
    [InlineData("10", true)]
    [InlineData("10.01", false)]
    public void Evaluate_PendingProgramme_KnowsWhetherItCanStillReach90(string lostText, bool canStillComply)
    {
        var lostWeight = decimal.Parse(lostText, System.Globalization.CultureInfo.InvariantCulture);
        var submission = new SubmissionBuilder()
            .WithProgram(Section.III1, p => p
                .WithObjective("Objetivo con actividades no cumplidas", Compliance.NotComplied, lostWeight, 0m)
                .WithObjective("Objetivo con actividades abiertas", Compliance.Unmarked, 100m - lostWeight, 0m))
            .WithProgressRowsForAllObjectives()
            .Build();

        var result = FormRules.Evaluate(submission).Program(Section.III1)!;

        Assert.Equal(ProgramStatus.Pendiente, result.Status);
        Assert.Equal(lostWeight, result.LostWeight);
        Assert.Equal(100m - lostWeight, result.MaxReachablePerformance);
        Assert.Equal(canStillComply, result.CanStillComply);
    }

    [Fact]
    public void Evaluate_UniformWeightingOneOfThreeNotComplied_LosesAThirdAndCannotComply()
    {
        var submission = new SubmissionBuilder()
            .WithProgram(Section.III3, p => p
                .WithObjective("Definir la información a proveer al GORE", o => o
                    .WithActivity("Proveer información ARI y PROPIR", a => a.NotComplied())
                    .WithActivity("Participar en comisiones del GORE")
                    .WithActivity("Poblamiento del sistema informático", a => a.Complied())))
            .WithProgressRowsForAllObjectives()
            .Build();

        var result = FormRules.Evaluate(submission).Program(Section.III3)!;

        Assert.Equal(100m / 3m, result.LostWeight);
        Assert.False(result.CanStillComply);
    }

    [Fact]
    public void Evaluate_InvalidoProgramme_CannotComply()
    {
        var submission = new SubmissionBuilder()
            .WithProgram(Section.III1, p => p.WithObjective("Objetivo con pesos inválidos", Compliance.Unmarked, 5m, 5m))
            .WithProgressRowsForAllObjectives()
            .Build();

        var result = FormRules.Evaluate(submission).Program(Section.III1)!;

        Assert.Null(result.MaxReachablePerformance);
        Assert.False(result.CanStillComply);
    }
}
