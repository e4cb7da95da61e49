using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Model;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Pipeline.Messages;
using Pmg.Pipeline.Notifications;
using Pmg.Storage.Ingestion;
using Pmg.Testing;

namespace Pmg.Storage.Tests.Compliance;

public sealed class RecalculationStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // 15 March 2010: after the 2009 closing date (31 January 2010).
    private static readonly DateTimeOffset AfterClosing = new(2010, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Upload = new(2010, 1, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Regions = ["CL-TA", "CL-VS", "CL-BI"];

    [Fact]
    public async Task RecalculateAsync_ThreeClosingForms_WritesTheExpectedRegionalAndNationalResults()
    {
        await using var context = await ComplianceTestContext.CreateAsync(azurite, AfterClosing);
        var ingested = new Dictionary<string, IngestionOutcome>();
        foreach (var region in Regions)
        {
            ingested[region] = await context.IngestAsync(region, $"cierre-2009-{region}.docx", Upload);
            Assert.Equal(IngestionStatus.Accepted, ingested[region].Status);
        }

        var summary = await context.Compliance.RecalculateAsync("SERNAM", 2009);

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Samples.FormsDirectory, "..", "expected", "cierre-2009-expected.json")));
        var results = await ComplianceTestContext.RowsAsync(context.Layout.RegionalResults, "SERNAM|2009");
        var result = Assert.Single(summary.Results);
        foreach (var region in Regions)
        {
            var pointer = result.Regions.Single(r => r.Pointer.RegionCode == region).Pointer;
            foreach (var program in expected.RootElement.GetProperty("regions").GetProperty(region).GetProperty("results").EnumerateObject())
            {
                var row = Assert.Single(results, r => r.RowKey == $"{region}|{program.Name}|{pointer.SubmissionId}");
                Assert.Equal(
                    (program.Value.GetProperty("status").GetString(), program.Value.GetProperty("performance").GetString()),
                    (row.GetString("Status"), row.GetString("DisplayPerformance")));
                Assert.Equal(decimal.Parse(program.Value.GetProperty("earned").GetString()!, CultureInfo.InvariantCulture), decimal.Parse(row.GetString("EarnedWeight"), CultureInfo.InvariantCulture));

                // Rebuilt from the stored rows, the programme scores as it did when the form was read.
                var atIngestion = ingested[region].Programs.Single(p => p.Section.Code() == program.Name);
                Assert.Equal(
                    (atIngestion.Objectives, atIngestion.Activities, atIngestion.WeightTotal, atIngestion.Performance, atIngestion.Status),
                    (row.GetInt32("Objectives")!.Value, row.GetInt32("Activities")!.Value, decimal.Parse(row.GetString("WeightTotal"), CultureInfo.InvariantCulture), decimal.Parse(row.GetString("Performance"), CultureInfo.InvariantCulture), Domain.Rules.ProgramStatusExtensions.ParseLabel(row.GetString("Status"))));
            }
        }

        var national = await ComplianceTestContext.RowsAsync(context.Layout.NationalResults, "SERNAM|2009");
        foreach (var program in expected.RootElement.GetProperty("national").EnumerateObject())
        {
            var row = Assert.Single(national, r => r.RowKey == program.Name);
            Assert.Equal((program.Value.GetString(), 3, ""), (row.GetString("Status"), row.GetInt32("Regions"), row.GetString("Missing")));
        }
    }

    [Fact]
    public async Task RecalculateAsync_ThreeClosingForms_WritesTheWorkbookToReports()
    {
        await using var context = await ComplianceTestContext.CreateAsync(azurite, AfterClosing);
        Contact[] biobioUnits =
        [
            new("SERNAM", "CL-BI", "Encargada regional de VIF", ["Encargada de la Unidad Regional de VIF", "Unidad de VIF"], ["vif.biobio@example.org"], ContactRole.Unit),
            new("SERNAM", "CL-BI", "Encargado MJH", ["Encargado del PMJH", "Unidad PMJH", "Encargado del PM"], ["mjh.biobio@example.org"], ContactRole.Unit),
            new("SERNAM", "CL-BI", "Encargada Regional de Participación", ["Encargada de Participación", "Unidad de Participación"], ["participacion.biobio@example.org"], ContactRole.Unit),
        ];
        await context.Services.GetRequiredService<IContactDirectory>().SaveAsync(biobioUnits);
        foreach (var region in Regions)
        {
            await context.IngestAsync(region, $"cierre-2009-{region}.docx", Upload);
        }

        var summary = await context.Compliance.RecalculateAsync();

        Assert.Equal("SERNAM/2009/cumplimiento-20100315T120000Z.xlsx", summary.Results[0].ReportName);
        var names = await context.Layout.Reports.GetBlobsAsync().Select(b => b.Name).ToListAsync();
        Assert.Equal(["SERNAM/2009/cumplimiento-20100315T120000Z.xlsx", "SERNAM/2009/latest.xlsx"], names.Order(StringComparer.Ordinal));
        var content = (await context.Layout.Reports.GetBlobClient("SERNAM/2009/latest.xlsx").DownloadContentAsync()).Value.Content;
        using var document = SpreadsheetDocument.Open(content.ToStream(), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Nacional", "Regiones", "Actividades en riesgo", "Observaciones"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));

        // The title block: 12:00 UTC on 15 March 2010 is 09:00 in Chile (summer time, UTC-3).
        var nationalRows = SheetRows(workbook, "Nacional");
        Assert.Equal(
            ["Consolidado PMG Gestión Territorial", "Servicio: SERNAM", "Año: 2009", "Generado el 15 de marzo de 2010, 09:00 (hora de Chile)", "Reglas aplicadas:"],
            nationalRows.Take(5).Select(r => r[0]));
        var header = nationalRows.FindIndex(r => r[0] == "Sección");
        Assert.Equal(["III.1", "Gestión Territorial", "NO CUMPLE", "3", "1"], nationalRows[header + 1]);
        Assert.Equal(["III.2", "Complementariedad Territorial", "NO CUMPLE", "3", "1"], nationalRows[header + 2]);
        Assert.Equal(header + 3, nationalRows.Count);

        // No sample form commits III.3: no III.3 column anywhere.
        var regionRows = SheetRows(workbook, "Regiones");
        Assert.DoesNotContain(regionRows[0], h => h.StartsWith("III.3", StringComparison.Ordinal));
        var valparaiso = Assert.Single(regionRows, r => r[0] == "CL-VS");
        Assert.Equal(("0.88", "NO CUMPLE"), (valparaiso[5], valparaiso[6]));

        var atRisk = SheetRows(workbook, "Actividades en riesgo");
        Assert.Equal(["Región", "Programa", "Objetivo", "Actividad", "Unidad", "Correo de contacto", "Motivo", "Cita"], atRisk[0]);
        Assert.Equal(summary.Results[0].AtRisk.Count, atRisk.Count - 1);
        Assert.Contains(atRisk, r => r[0] == "Biobío" && r[6] == "La actividad está marcada como no cumplida.");
        var book = new ContactBook(biobioUnits);
        foreach (var row in atRisk.Skip(1))
        {
            var region = row[0] == "Biobío" ? "CL-BI" : "other";
            var expectedContact = book.FindUnit(region, row[4]) is { } unit ? string.Join("; ", unit.Emails) : "sin contacto";
            Assert.Equal(expectedContact, row[5]);
        }

        Assert.Contains(atRisk, r => r[0] == "Biobío" && r[5].EndsWith("biobio@example.org", StringComparison.Ordinal));
        Assert.Contains(atRisk, r => r[0] == "Tarapacá" && r[5] == "sin contacto");
    }

    [Fact]
    public async Task RecalculateAsync_ThreeClosingForms_QueuesOneDigestPerAddress()
    {
        await using var context = await ComplianceTestContext.CreateAsync(azurite, AfterClosing);
        await context.Services.GetRequiredService<IContactDirectory>().SaveAsync(
        [
            new Contact("SERNAM", "CL-BI", "Dirección Regional", [], ["direccion.biobio@example.org"], ContactRole.RegionalDirector),
            new Contact("SERNAM", null, "Coordinación Nacional", [], ["coordinacion.pmg@example.org"], ContactRole.NationalCoordinator),
        ]);
        foreach (var region in Regions)
        {
            await context.IngestAsync(region, $"cierre-2009-{region}.docx", Upload);
        }

        var summary = await context.Compliance.RecalculateAsync("SERNAM", 2009);

        // Only Biobío's director and the coordinator are in the book: two addresses, two e-mails for the whole run.
        var digests = await context.DigestsAsync();
        Assert.Equal(summary.Results[0].DigestsQueued, digests.Count);
        Assert.Equal(["coordinacion.pmg@example.org", "direccion.biobio@example.org"], digests.Select(d => d.Recipient.Emails.Single()).Order(StringComparer.Ordinal));
        var biobio = summary.Results[0].AtRisk.Where(a => a.RegionCode == "CL-BI").ToList();
        Assert.NotEmpty(biobio);
        var director = Assert.Single(digests, d => d.Recipient.Role == AlertRoles.Director);
        var part = Assert.Single(director.Regions);
        Assert.Equal("CL-BI", part.Region.Code);
        Assert.Equal(biobio.Count, part.Items.Count);
        Assert.Contains(part.Scores, s => s.Section == "III.1" && s.Performance == 72.00m && s.Status == "NO CUMPLE");
        // "Dirección Regional" as a responsible unit is the director's own entry; every other unit has no contact.
        Assert.Contains(new AlertUnitSummary("Dirección Regional", biobio.Where(a => a.Unit == "Dirección Regional").Select(a => a.Activity).Distinct().Count(), true), part.Units);
        Assert.Equal(part.Units.Count - 1, part.UnknownUnits.Count());
        Assert.Contains("Encargada regional de VIF", part.UnknownUnits);
        var coordinator = Assert.Single(digests, d => d.Recipient.Role == AlertRoles.Coordinator);
        Assert.Contains("CL-BI", coordinator.Regions.Select(r => r.Region.Code));
        Assert.Empty(coordinator.Regions.Single(r => r.Region.Code == "CL-BI").Items);
        Assert.Equal(new DateOnly(2010, 1, 31), coordinator.ClosingDate);
    }

    [Fact]
    public async Task RecalculateAsync_RunTwice_SameTablesAndNoNewDigests()
    {
        await using var context = await ComplianceTestContext.CreateAsync(azurite, AfterClosing);
        foreach (var region in Regions)
        {
            await context.IngestAsync(region, $"cierre-2009-{region}.docx", Upload);
        }

        await context.Compliance.RecalculateAsync();
        var first = await context.DigestsAsync();
        var regional = await ComplianceTestContext.DumpAsync(context.Layout.RegionalResults);
        var national = await ComplianceTestContext.DumpAsync(context.Layout.NationalResults);
        var ledger = await ComplianceTestContext.DumpAsync(context.Layout.AlertLedger);

        context.Time.SetUtcNow(AfterClosing.AddHours(1));
        var again = await context.Compliance.RecalculateAsync();

        Assert.NotEmpty(first);
        Assert.Empty(await context.DigestsAsync());
        Assert.Equal(0, again.Results[0].DigestsQueued);
        Assert.Equal(regional, await ComplianceTestContext.DumpAsync(context.Layout.RegionalResults));
        Assert.Equal(national, await ComplianceTestContext.DumpAsync(context.Layout.NationalResults));
        Assert.Equal(ledger, await ComplianceTestContext.DumpAsync(context.Layout.AlertLedger));
    }

    [Fact]
    public async Task RecalculateAsync_IngestionSwitchesPointerMidway_TablesHoldTheNewSubmission()
    {
        // Tarapacá first sends the seed form (weights do not add up: INVALIDO); while the recalculation is scoring
        // it, the closing form arrives (CUMPLE) and switches the pointer.
        ComplianceTestContext? world = null;
        IngestionOutcome? newer = null;
        await using var context = await ComplianceTestContext.CreateAsync(azurite, AfterClosing, services =>
        {
            services.AddSingleton<TableSubmissionContentStore>();
            services.AddSingleton<ISubmissionContentStore>(sp => new RacingStore(sp.GetRequiredService<TableSubmissionContentStore>(), async () =>
            {
                newer = await world!.IngestAsync("CL-TA", "cierre-2009-CL-TA.docx", Upload.AddDays(1));
            }));
        });
        world = context;
        var older = await context.IngestAsync("CL-TA", "tarapaca-2009-etapa3.docx", Upload);
        foreach (var region in Regions.Skip(1))
        {
            await context.IngestAsync(region, $"cierre-2009-{region}.docx", Upload);
        }

        var summary = await context.Compliance.RecalculateAsync("SERNAM", 2009);

        Assert.NotNull(newer);
        var tarapaca = summary.Results[0].Regions.Single(r => r.Pointer.RegionCode == "CL-TA");
        Assert.Equal(newer!.SubmissionId, tarapaca.Pointer.SubmissionId);
        var rows = await ComplianceTestContext.RowsAsync(context.Layout.RegionalResults, "SERNAM|2009");
        Assert.Equal("CUMPLE", rows.Single(r => r.RowKey == $"CL-TA|III.1|{newer.SubmissionId}").GetString("Status"));
        Assert.Equal("INVALIDO", rows.Single(r => r.RowKey == $"CL-TA|III.1|{older.SubmissionId}").GetString("Status"));
        var national = await ComplianceTestContext.RowsAsync(context.Layout.NationalResults, "SERNAM|2009");
        var iii1 = national.Single(r => r.RowKey == "III.1");
        Assert.Contains("CL-TA=" + newer.SubmissionId, iii1.GetString("Basis"), StringComparison.Ordinal);
        Assert.Equal(1, iii1.GetInt32("Complying"));
    }

    private static List<string[]> SheetRows(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString
            ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
            : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
    }

    /// <summary>The real store, except that the first time a Tarapacá submission is loaded an ingestion runs first and switches the pointer.</summary>
    private sealed class RacingStore(ISubmissionContentStore inner, Func<Task> ingest) : ISubmissionContentStore
    {
        private bool _raced;

        public Task SaveAsync(SubmissionRecord record, Submission submission, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(record, submission, cancellationToken);

        public async Task<Submission> LoadAsync(CurrentSubmission pointer, CancellationToken cancellationToken = default)
        {
            var submission = await inner.LoadAsync(pointer, cancellationToken);
            if (!_raced && pointer.RegionCode == "CL-TA")
            {
                _raced = true;
                await ingest();
            }

            return submission;
        }
    }
}
