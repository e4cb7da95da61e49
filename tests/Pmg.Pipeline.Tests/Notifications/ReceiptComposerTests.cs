using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;

namespace Pmg.Pipeline.Tests.Notifications;

public sealed class ReceiptComposerTests
{
    private static readonly PortalLinks Portal = PortalLinks.For("https://pmg.example.org/")!;

    [Fact]
    public void Why_WeightsSumSevenPointThreeFive_SaysTheTotalAndWhatItMustBe()
    {
        var program = new ProgramSummary("III.1", "INVALIDO", null, 7.35m, 0m, 3, 9);

        Assert.Equal("las ponderaciones suman 7,35; deben sumar 100", ProgramVerdicts.Why(program, []));
    }

    [Fact]
    public void Why_WeightMissingInItsSection_SaysHowManyAreMissing()
    {
        var program = new ProgramSummary("III.2", "INVALIDO", null, 80m, 0m, 2, 4);
        Diagnostic[] diagnostics =
        [
            Diagnostic.Error(RuleCodes.WeightMissing, "Falta…", new SourceLocation(Section.III2, 3, Columns.Weight)),
            Diagnostic.Error(RuleCodes.WeightMissing, "Falta…", new SourceLocation(Section.III1, 2, Columns.Weight)),
        ];

        Assert.Equal("falta la ponderación de 1 actividad; si una actividad tiene ponderación, todas deben tenerla", ProgramVerdicts.Why(program, diagnostics));
    }

    [Fact]
    public void Compose_AcceptedWithAnInvalidProgramme_SaysSoInSubjectAndBodyAndNeverThatAllIsWell()
    {
        var receipt = Accepted(
            errors: 1,
            [new ReceiptProgram("III.1", null, "INVALIDO", "las ponderaciones suman 7,35; deben sumar 100"), new ReceiptProgram("III.2", 100m, "CUMPLE", "desempeño 100,00 %, igual o sobre el 90 % exigido")],
            [new ReceiptObservation("error", "Las ponderaciones de III.1 suman 7,35 puntos; deben sumar 100 (tolerancia ±0,5).", "III.1, Ponderación (%)")]);

        var mail = ReceiptComposer.Compose(receipt);

        Assert.Equal("[PMG GT 2009] Tarapacá: formulario aceptado con 1 error — III.1 INVALIDO, III.2 CUMPLE (semilla.docx)", mail.Subject);
        Assert.Contains("El formulario «semilla.docx» (SERNAM, región de Tarapacá, 2009) fue aceptado, pero tiene 1 error que debe corregir: III.1 queda INVALIDO y no cumple hasta que envíe una versión corregida.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- III.1 Gestión Territorial: — — INVALIDO — las ponderaciones suman 7,35; deben sumar 100", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- III.1, Ponderación (%) — error: Las ponderaciones de III.1 suman 7,35 puntos", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ya cuenta en el cálculo", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("pmg ", mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(";background:#D9D9D9;color:#404040;font-weight:bold\">INVALIDO</td>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TwentyFiveObservations_ListsTheFirstTwentyAndSaysHowManyMore()
    {
        var observations = Enumerable.Range(1, Receipt.MaxObservations)
            .Select(i => new ReceiptObservation("advertencia", $"Observación {i}.", $"III.1, fila {i}"))
            .ToArray();
        var receipt = Accepted(errors: 0, [new ReceiptProgram("III.1", 96m, "CUMPLE", "desempeño 96,00 %, igual o sobre el 90 % exigido")], observations) with { ObservationCount = 25 };

        var mail = ReceiptComposer.Compose(receipt);

        Assert.Equal("[PMG GT 2009] Tarapacá: formulario aceptado — III.1 CUMPLE — 25 observaciones (semilla.docx)", mail.Subject);
        Assert.Contains("Observaciones (25)", mail.Text, StringComparison.Ordinal);
        Assert.Contains("- III.1, fila 20 — advertencia: Observación 20.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Y 5 más.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("se lo entrega la coordinación nacional del PMG", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PortalConfigured_LinksToTheSubmissionTheRegionAndTheBlankForms()
    {
        var receipt = Accepted(errors: 1, [new ReceiptProgram("III.1", null, "INVALIDO", "las ponderaciones suman 7,35; deben sumar 100")], []);

        var mail = ReceiptComposer.Compose(receipt, Portal, new DateOnly(2010, 1, 31), new DateOnly(2010, 1, 29));

        Assert.Contains("Vea cada observación en el portal: https://pmg.example.org/regiones/CL-TA/envios/s-1?servicio=SERNAM&anio=2009&archivo=semilla.docx", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Suba la versión corregida en la página de su región: https://pmg.example.org/regiones/CL-TA?servicio=SERNAM&anio=2009", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Formulario en blanco de su región (Word): https://pmg.example.org/regiones/CL-TA/formulario?servicio=SERNAM&anio=2009&formato=docx", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://pmg.example.org/regiones/CL-TA/formulario?servicio=SERNAM&amp;anio=2009&amp;formato=xlsx\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("El PMG Gestión Territorial 2009 cierra el 31 de enero de 2010 (hora de Chile): quedan 2 días.", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RefusedMacroDocument_SaysHowToFixWithoutACommandLineTool()
    {
        var receipt = new Receipt("s-2", "SERNAM/2009/CL-TA/semilla.docm", "SERNAM", 2009, "CL-TA", "refused", 0,
            ["El archivo contiene macros (.docm) y no se abre por seguridad."], "ana.perez@example.org");

        var mail = ReceiptComposer.Compose(receipt, Portal);

        Assert.Equal("[PMG GT 2009] Tarapacá: formulario rechazado (semilla.docm)", mail.Subject);
        Assert.Contains("- Guarde el formulario como documento de Word (.docx) o libro de Excel (.xlsx) sin macros ni contraseña, y vuelva a subirlo.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Suba la versión corregida en la página de su región: https://pmg.example.org/regiones/CL-TA?servicio=SERNAM&anio=2009", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("pmg validate", mail.Text, StringComparison.Ordinal);
    }

    private static Receipt Accepted(int errors, IReadOnlyList<ReceiptProgram> programs, IReadOnlyList<ReceiptObservation> observations) =>
        new("s-1", "SERNAM/2009/CL-TA/semilla.docx", "SERNAM", 2009, "CL-TA", "accepted", 0, [], "ana.perez@example.org")
        {
            Programs = programs,
            Observations = observations,
            ObservationCount = observations.Count,
            Errors = errors,
        };
}
