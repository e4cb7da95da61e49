using Pmg.Domain.Model;
using Pmg.Domain.Rules;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using static Pmg.Pipeline.Tests.Compliance.RecalculationHarness;
using Mark = Pmg.Domain.Model.Compliance;

namespace Pmg.Pipeline.Tests.Compliance;

public sealed class ComplianceServiceTests
{
    private const string Unit = "Unidad de Gestión Territorial";
    private static readonly DateTimeOffset ClosingDay = new(2010, 1, 31, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayAfterClosing = new(2010, 2, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecalculateAsync_ExpectedRegionMissingOnClosingDay_NationalIsPendiente()
    {
        using var harness = new RecalculationHarness(ClosingDay, expectedRegions: "CL-TA,CL-VS");
        harness.Store.Put(Form("CL-TA", Ten()));

        var result = (await harness.Service.RecalculateAsync()).Results.Single();

        var iii1 = Assert.Single(result.National);
        Assert.Equal((Domain.Rules.ProgramStatus.Pendiente, 2, 1), (iii1.Status, iii1.Regions, iii1.Complying));
        Assert.Equal("CL-VS", Assert.Single(iii1.Missing).Code);
        Assert.Equal(("PENDIENTE", "CL-VS"), (harness.Store.National["III.1"].Status, harness.Store.National["III.1"].Missing));
    }

    [Fact]
    public async Task RecalculateAsync_ExpectedRegionMissingAfterClosingDate_NationalIsNoCumple()
    {
        using var harness = new RecalculationHarness(DayAfterClosing, expectedRegions: "CL-TA,CL-VS");
        harness.Store.Put(Form("CL-TA", Ten()));

        await harness.Service.RecalculateAsync("SERNAM", 2009);

        Assert.Equal(("NO CUMPLE", 2, 1, "CL-VS"), (harness.Store.National["III.1"].Status, harness.Store.National["III.1"].Regions, harness.Store.National["III.1"].Complying, harness.Store.National["III.1"].Missing));
    }

    [Fact]
    public async Task RecalculateAsync_NoExpectedRegionsConfigured_EveryRegionOf2009Counts()
    {
        using var harness = new RecalculationHarness(DayAfterClosing);
        harness.Store.Put(Form("CL-TA", Ten()));

        await harness.Service.RecalculateAsync();

        // 2009: 15 regions existed (Ñuble only from 2018); 14 sent nothing.
        Assert.Equal((15, 14), (harness.Store.National["III.1"].Regions, harness.Store.National["III.1"].Missing.Split(',').Length));
        Assert.DoesNotContain("CL-NB", harness.Store.National["III.1"].Missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecalculateAsync_ClosingMonthDaySetting_MovesTheClosingDate()
    {
        using var harness = new RecalculationHarness(DayAfterClosing, expectedRegions: "CL-TA,CL-VS", closingMonthDay: "03-15");
        harness.Store.Put(Form("CL-TA", Ten()));

        await harness.Service.RecalculateAsync();
        harness.Clock.SetUtcNow(new DateTimeOffset(2010, 3, 16, 3, 0, 0, TimeSpan.Zero)); // midnight of 16 March in Chile
        var after = (await harness.Service.RecalculateAsync()).Results.Single();

        Assert.Equal("NO CUMPLE", harness.Store.National["III.1"].Status);
        Assert.Equal(2, harness.Store.NationalWrites);
        Assert.Equal("NoCumple", after.National.Single().Status.ToString());
    }

    [Fact]
    public async Task RecalculateAsync_UnmarkedActivity_AtRiskOnlyAfterTheClosingDate()
    {
        using var before = new RecalculationHarness(ClosingDay);
        before.Store.Put(Form("CL-TA", Ten((3, Mark.Unmarked, Unit))));
        using var after = new RecalculationHarness(DayAfterClosing);
        after.Store.Put(Form("CL-TA", Ten((3, Mark.Unmarked, Unit))));

        var open = (await before.Service.RecalculateAsync()).Results.Single();
        var late = (await after.Service.RecalculateAsync()).Results.Single();

        Assert.Empty(open.AtRisk);
        Assert.Empty(before.Alerts.Messages);
        var item = Assert.Single(late.AtRisk);
        Assert.Equal(("Actividad 3", AlertReasons.UnmarkedAfterClosing), (item.Activity, item.Reason));
        var unitDigest = Assert.Single(after.Alerts.Messages, m => m.Recipient.Role == AlertRoles.Unit);
        Assert.Equal(
            "La actividad sigue sin marcar como cumplida o no cumplida después de la fecha de cierre.",
            Assert.Single(unitDigest.AllItems).ReasonText);
    }

    [Fact]
    public async Task RecalculateAsync_ProgressTextSaysLate_QuotesTheWords()
    {
        using var harness = new RecalculationHarness(ClosingDay);
        var objective = "Fortalecer la coordinación regional con los servicios públicos";
        harness.Store.Put(Form(
            "CL-VS",
            Ten((4, Mark.Unmarked, "Encargada regional de VIF")),
            [new ProgressRow { Objective = objective, Progress = "La actividad presenta retraso por dificultades con los municipios; aún no se inicia el catastro.", Location = new SourceLocation(Section.III4, 1) }]));

        var result = (await harness.Service.RecalculateAsync()).Results.Single();

        var item = Assert.Single(result.AtRisk);
        Assert.Equal(AlertReasons.ProgressLate, item.Reason);
        Assert.Equal("retraso … dificultades … aún no se inicia", item.Quote);
        var digest = Assert.Single(harness.Alerts.Messages, m => m.Recipient.Emails.SequenceEqual([VifValparaiso]));
        Assert.Equal((AlertRoles.Unit, "Encargada regional de VIF"), (digest.Recipient.Role, digest.Recipient.Name));
        Assert.Equal(new AlertRegion("CL-VS", "Valparaíso"), digest.Regions.Single().Region);
        Assert.Equal("retraso … dificultades … aún no se inicia", digest.AllItems.Single().Quote);
    }

    [Fact]
    public async Task RecalculateAsync_ObjectiveWithoutProgressRow_EachActivityAtRisk()
    {
        using var harness = new RecalculationHarness(ClosingDay);
        harness.Store.Put(Form("CL-TA", Ten(), [new ProgressRow { Objective = "Otro objetivo que no corresponde a ninguno", Location = new SourceLocation(Section.III4, 1) }]));

        var result = (await harness.Service.RecalculateAsync()).Results.Single();

        Assert.Equal(10, result.AtRisk.Count(a => a.Reason == AlertReasons.NoProgressRow));
        Assert.Equal("Su objetivo no tiene fila de análisis del avance en la sección III.4.", result.AtRisk[0].ReasonText);
    }

    [Fact]
    public async Task RecalculateAsync_MoreThanTenPointsLost_OpenActivitiesAtRiskAndDirectorAlerted()
    {
        using var harness = new RecalculationHarness(ClosingDay);
        harness.Store.Put(Form("CL-BI", Ten((1, Mark.NotComplied, "Jefa regional"), (2, Mark.NotComplied, "Jefa regional"), (3, Mark.Unmarked, "Coordinadora PMG"), (4, Mark.Unmarked, "Coordinadora PMG"))));

        var result = (await harness.Service.RecalculateAsync()).Results.Single();

        var lost = result.AtRisk.Where(a => a.Reason == AlertReasons.CannotReach90).Select(a => a.Activity).ToArray();
        Assert.Equal(["Actividad 3", "Actividad 4"], lost);
        Assert.Equal("La región ya no puede alcanzar el 90 % en III.1: se perdieron 20 puntos de ponderación.", result.AtRisk.First(a => a.Reason == AlertReasons.CannotReach90).ReasonText);
        // Biobío's units have no address: the director gets one e-mail with the summary and their four activities.
        Assert.Equal(2, harness.Alerts.Messages.Count);
        var director = Assert.Single(harness.Alerts.Messages, m => m.Recipient.Role == AlertRoles.Director);
        Assert.Equal(["direccion.biobio@example.org"], director.Recipient.Emails);
        Assert.Equal("Dirección Regional de Biobío", director.Recipient.Name);
        var region = director.Regions.Single();
        Assert.Equal(4, region.Items.Count);
        Assert.Equal([new AlertUnitSummary("Coordinadora PMG", 2, false), new AlertUnitSummary("Jefa regional", 2, false)], region.Units);
        var coordinator = Assert.Single(harness.Alerts.Messages, m => m.Recipient.Role == AlertRoles.Coordinator);
        Assert.Equal(["Coordinadora PMG", "Jefa regional"], coordinator.Regions.Single().UnknownUnits);
        Assert.Empty(coordinator.AllItems);
    }

    [Fact]
    public async Task RecalculateAsync_TenPointsLost_ProgrammeCanStillComplyAndNoCannotReachAlert()
    {
        using var harness = new RecalculationHarness(ClosingDay);
        harness.Store.Put(Form("CL-BI", Ten((1, Mark.NotComplied, Unit), (3, Mark.Unmarked, Unit))));

        var result = (await harness.Service.RecalculateAsync()).Results.Single();

        Assert.DoesNotContain(result.AtRisk, a => a.Reason == AlertReasons.CannotReach90);
        Assert.Single(result.AtRisk, a => a.Reason == AlertReasons.NotComplied);
    }

    [Fact]
    public async Task RecalculateAsync_RunAgainWithinTheInterval_NoRepeatAndSameTables()
    {
        using var harness = new RecalculationHarness(new DateTimeOffset(2010, 1, 10, 8, 0, 0, TimeSpan.Zero));
        harness.Store.Put(Form("CL-TA", Ten((2, Mark.NotComplied, Unit))));
        await harness.Service.RecalculateAsync();
        var first = harness.Alerts.Take();
        var national = harness.Store.National.Values.ToArray();
        var ledger = harness.Ledger.Entries["CL-TA"].Values.ToArray();

        harness.Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(23));
        var again = (await harness.Service.RecalculateAsync()).Results.Single();

        Assert.Equal(3, first.Count);
        Assert.Empty(harness.Alerts.Messages);
        Assert.Equal(0, again.DigestsQueued);
        Assert.Equal(national, harness.Store.National.Values.ToArray());
        Assert.Equal(ledger, harness.Ledger.Entries["CL-TA"].Values.ToArray());
    }

    [Fact]
    public async Task RecalculateAsync_AfterTheReminderInterval_AlertsAgainWithANewDigestId()
    {
        using var harness = new RecalculationHarness(ClosingDay);
        harness.Store.Put(Form("CL-TA", Ten((2, Mark.NotComplied, Unit))));
        await harness.Service.RecalculateAsync();
        var first = harness.Alerts.Take().Single(m => m.Recipient.Role == AlertRoles.Unit);

        harness.Clock.Advance(TimeSpan.FromDays(7));
        await harness.Service.RecalculateAsync();

        var reminder = Assert.Single(harness.Alerts.Messages, m => m.Recipient.Role == AlertRoles.Unit);
        Assert.Equal(first.AllItems, reminder.AllItems);
        Assert.NotEqual(first.DigestId, reminder.DigestId);
    }

    [Fact]
    public async Task RecalculateAsync_StatusChangesWithinTheInterval_AlertsAgain()
    {
        using var harness = new RecalculationHarness(ClosingDay);
        var objective = "Fortalecer la coordinación regional con los servicios públicos";
        ProgressRow[] late = [new ProgressRow { Objective = objective, Progress = "Pendiente la firma del convenio.", Location = new SourceLocation(Section.III4, 1) }];
        harness.Store.Put(Form("CL-TA", Ten((5, Mark.Unmarked, Unit)), late));
        await harness.Service.RecalculateAsync();
        harness.Alerts.Take();

        // The region uploads a new version a day later: the activity is now marked not complied.
        harness.Clock.Advance(TimeSpan.FromDays(1));
        harness.Store.Put(Form("CL-TA", Ten((5, Mark.NotComplied, Unit)), late));
        await harness.Service.RecalculateAsync();

        var digest = Assert.Single(harness.Alerts.Messages, m => m.Recipient.Role == AlertRoles.Unit);
        Assert.Equal([AlertReasons.NotComplied, AlertReasons.ProgressLate], digest.AllItems.Select(i => i.Reason).Order());
        Assert.Equal("Pendiente", digest.AllItems.Single(i => i.Reason == AlertReasons.ProgressLate).Quote);
    }

    [Fact]
    public async Task RecalculateAsync_IngestionSwitchesPointerWhileScoring_ScoresAndStoresTheNewSubmission()
    {
        using var harness = new RecalculationHarness(ClosingDay, expectedRegions: "CL-TA", wrapStore: store => new SwitchingStore(store, () => store.Put(Form("CL-TA", Ten()))));
        var old = harness.Store.Put(Form("CL-TA", Ten((1, Mark.NotComplied, Unit), (2, Mark.NotComplied, Unit))));

        var result = (await harness.Service.RecalculateAsync()).Results.Single();

        var current = Assert.Single(result.Regions);
        Assert.NotEqual(old, current.Pointer.SubmissionId);
        Assert.Equal(100m, current.Evaluation.Program(Section.III1)!.Performance);
        Assert.Equal(("CUMPLE", "CL-TA=" + current.Pointer.SubmissionId), (harness.Store.National["III.1"].Status, harness.Store.National["III.1"].Basis));
        Assert.True(harness.Store.RegionalResults.ContainsKey(current.Pointer.SubmissionId));
        Assert.False(harness.Store.RegionalResults.ContainsKey(old));
    }

    [Fact]
    public async Task RecalculateAsync_ServiceYear_WritesTimestampedAndLatestReports()
    {
        using var harness = new RecalculationHarness(new DateTimeOffset(2010, 2, 3, 4, 5, 6, TimeSpan.Zero));
        harness.Store.Put(Form("CL-TA", Ten()));

        await harness.Service.RecalculateAsync();

        Assert.Equal(["SERNAM/2009/cumplimiento-20100203T040506Z.xlsx", "SERNAM/2009/latest.xlsx"], harness.Reports.Blobs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(harness.Reports.Blobs["SERNAM/2009/latest.xlsx"], harness.Reports.Blobs["SERNAM/2009/cumplimiento-20100203T040506Z.xlsx"]);
        var report = Assert.Single(harness.Writer.Reports);
        Assert.Equal("CL-TA.docx", Assert.Single(report.Regions).File);
        // The report carries the national rows just stored: every other region is expected and missing after the closing date.
        var national = Assert.Single(report.National);
        Assert.Equal((Section.III1, "NO CUMPLE", 1), (national.Section, national.Status.Label(), national.Complying));
        Assert.Equal(harness.Store.National["III.1"].Status, national.Status.Label());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("CL-TA.docx"), harness.Reports.Blobs["SERNAM/2009/latest.xlsx"]);
    }

    [Fact]
    public void AlertDigestJson_Digest_IsCamelCaseWithAccents()
    {
        var digest = new AlertDigestMessage(
            "abc", "SERNAM", 2009, new AlertRecipient(AlertRoles.Director, "Dirección Regional de Valparaíso", ["direccion.valparaiso@example.org"]),
            [new AlertRegionDigest(
                new AlertRegion("CL-VS", "Valparaíso"),
                [new AlertScore("III.1", 88.00m, "NO CUMPLE")],
                [new AlertItem("III.1", "Objetivo", "Actividad", "Unidad", AlertReasons.NotComplied, "La actividad está marcada como no cumplida.", null, "Revise")],
                [new AlertUnitSummary("Unidad", 1, false)])],
            new DateOnly(2010, 1, 31),
            new DateTimeOffset(2010, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var json = AlertDigestJson.Serialize(digest);

        Assert.Contains("\"digestId\":\"abc\"", json, StringComparison.Ordinal);
        Assert.Contains("\"recipient\":{\"role\":\"director\",\"name\":\"Dirección Regional de Valparaíso\",\"emails\":[\"direccion.valparaiso@example.org\"]}", json, StringComparison.Ordinal);
        Assert.Contains("\"region\":{\"code\":\"CL-VS\",\"name\":\"Valparaíso\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"scores\":[{\"section\":\"III.1\",\"performance\":88.00,\"status\":\"NO CUMPLE\"}]", json, StringComparison.Ordinal);
        Assert.Contains("\"closingDate\":\"2010-01-31\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("allItems", json, StringComparison.Ordinal);
        var back = AlertDigestJson.Deserialize(json)!;
        Assert.Equal(digest.AllItems, back.AllItems);
        Assert.Equal(digest.Regions[0].Units, back.Regions[0].Units);
    }

    /// <summary>The in-memory store, except that the first load runs an ingestion that switches the pointer.</summary>
    internal sealed class SwitchingStore(MemoryComplianceStore inner, Action ingest) : ISubmissionContentStore
    {
        private bool _switched;

        public Task SaveAsync(SubmissionRecord record, Submission submission, CancellationToken cancellationToken = default) => inner.SaveAsync(record, submission, cancellationToken);

        public async Task<Submission> LoadAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default)
        {
            var submission = await inner.LoadAsync(pointer, cancellationToken);
            if (!_switched)
            {
                _switched = true;
                ingest();
            }

            return submission;
        }
    }
}
