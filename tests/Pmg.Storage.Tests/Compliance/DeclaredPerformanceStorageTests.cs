using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Rules;
using Pmg.Forms;
using Pmg.Pipeline.Compliance;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Storage.Tests.Compliance;

/// <summary>
/// A programme's declared "Desempeño Anual Región (%)" survives storage: written with the version's Activities rows at
/// ingestion, it is restored when the recalculation rebuilds the submission, so its mismatch warning stays in the report.
/// </summary>
public sealed class DeclaredPerformanceStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset AfterClosing = new(2010, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Upload = new(2010, 1, 20, 9, 0, 0, TimeSpan.Zero);

    // Tarapacá's closing workbook scores III.1 at 96,00 %; the form declares 95,5 % in cell H42.
    private const string Mismatch = "El desempeño declarado de III.1 (95,50 %) no coincide con el calculado (96,00 %).";
    private const string MismatchLocation = "III.1, fila 42, Desempeño Anual Región (%), celda H42";

    [Fact]
    public async Task LoadSubmissionAsync_DeclaredPerformanceIngested_RebuiltProgramCarriesValueRawTextAndCell()
    {
        await using var context = await CreateAsync();
        var outcome = await context.IngestAsync("CL-TA", "cierre-2009-CL-TA.xlsx", Upload);
        Assert.Equal(IngestionStatus.Accepted, outcome.Status);

        var pointer = Assert.Single(await context.Services.GetRequiredService<ICurrentSubmissionStore>().ListAsync("SERNAM", 2009));
        var submission = await context.Services.GetRequiredService<ISubmissionContentStore>().LoadAsync(pointer);

        var iii1 = submission.Program(Section.III1)!;
        Assert.Equal(
            (95.5m, "95,5 %", "III.1, fila 42, Desempeño Anual Región (%), celda H42"),
            (iii1.DeclaredPerformance, iii1.RawDeclaredPerformance, iii1.DeclaredPerformanceLocation?.ToString()));
        // III.2 keeps what the reader found in the workbook (no value), not III.1's.
        using var form = new MemoryStream(Samples.Form("cierre-2009-CL-TA.xlsx"));
        var read = (await new FormReader().ReadAsync(form, "cierre-2009-CL-TA.xlsx", FormReadOptions.Default)).Submission!.Program(Section.III2)!;
        var iii2 = submission.Program(Section.III2)!;
        Assert.Null(iii2.DeclaredPerformance);
        Assert.Equal(
            (read.DeclaredPerformance, read.RawDeclaredPerformance, read.DeclaredPerformanceLocation?.ToString()),
            (iii2.DeclaredPerformance, iii2.RawDeclaredPerformance, iii2.DeclaredPerformanceLocation?.ToString()));
        Assert.Equal(outcome.Programs.Single(p => p.Section == Section.III1).Activities, iii1.Activities.Count());
    }

    [Fact]
    public async Task LoadSubmissionAsync_DeclaredPerformanceIngested_ScoresAndWarnsAsAtIngestion()
    {
        await using var context = await CreateAsync();
        var outcome = await context.IngestAsync("CL-TA", "cierre-2009-CL-TA.xlsx", Upload);
        var atIngestion = Assert.Single(outcome.Diagnostics, d => d.Code == RuleCodes.DeclaredPerformanceMismatch);

        var pointer = Assert.Single(await context.Services.GetRequiredService<ICurrentSubmissionStore>().ListAsync("SERNAM", 2009));
        var rebuilt = FormRules.Evaluate(await context.Services.GetRequiredService<ISubmissionContentStore>().LoadAsync(pointer));

        var warning = Assert.Single(rebuilt.Diagnostics, d => d.Code == RuleCodes.DeclaredPerformanceMismatch);
        Assert.Equal((atIngestion.Message, atIngestion.Location?.ToString()), (warning.Message, warning.Location?.ToString()));
        Assert.Equal((Mismatch, MismatchLocation), (warning.Message, warning.Location?.ToString()));
        Assert.Equal("CUMPLE", rebuilt.Program(Section.III1)!.Status.Label());
    }

    [Fact]
    public async Task RecalculateAsync_DeclaredPerformanceDisagrees_ObservacionesSheetHasTheMismatchWarning()
    {
        await using var context = await CreateAsync();
        await context.IngestAsync("CL-TA", "cierre-2009-CL-TA.xlsx", Upload);

        await context.Compliance.RecalculateAsync("SERNAM", 2009);

        var content = (await context.Layout.Reports.GetBlobClient("SERNAM/2009/latest.xlsx").DownloadContentAsync()).Value.Content;
        using var document = SpreadsheetDocument.Open(content.ToStream(), false);
        var rows = SheetRows(document.WorkbookPart!, "Observaciones");
        var row = Assert.Single(rows, r => r.Contains(RuleCodes.DeclaredPerformanceMismatch));
        Assert.Equal(["cierre-2009-CL-TA.xlsx", "CL-TA", "advertencia", RuleCodes.DeclaredPerformanceMismatch, Mismatch, MismatchLocation], row);
    }

    [Fact]
    public async Task LoadAsync_ProgramRowsStored_RebuildsOnlyActivities()
    {
        await using var context = await CreateAsync();
        var outcome = await context.IngestAsync("CL-TA", "cierre-2009-CL-TA.xlsx", Upload);

        var pointer = Assert.Single(await context.Services.GetRequiredService<ICurrentSubmissionStore>().ListAsync("SERNAM", 2009));
        var activities = (await context.Services.GetRequiredService<ISubmissionContentStore>().LoadAsync(pointer)).Programs.SelectMany(p => p.Activities).ToList();

        Assert.Equal(outcome.SubmissionId, pointer.SubmissionId);
        Assert.Equal(outcome.Programs.Sum(p => p.Activities), activities.Count);
        Assert.DoesNotContain(activities, a => a.Text.Length == 0);
    }

    // The real reader, with Tarapacá's III.1 declaring 95,5 % in H42 (the closing samples leave the line out).
    private Task<ComplianceTestContext> CreateAsync() =>
        ComplianceTestContext.CreateAsync(azurite, AfterClosing, services => services.AddSingleton<IFormReader>(
            sp => new DeclaringReader(new FormReader())));

    private static List<string[]> SheetRows(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString
            ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
            : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
    }

    /// <summary>Reads with the real reader, then gives III.1 a declared performance as a form's line would.</summary>
    private sealed class DeclaringReader(IFormReader inner) : IFormReader
    {
        public async Task<FormReadResult> ReadAsync(Stream content, string fileName, FormReadOptions options, CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(content, fileName, options, cancellationToken);
            if (result.Submission is not { } submission)
            {
                return result;
            }

            var programs = submission.Programs.Select(p => p.Section != Section.III1 ? p : p with
            {
                RawDeclaredPerformance = "95,5 %",
                DeclaredPerformance = 95.5m,
                DeclaredPerformanceLocation = new SourceLocation(Section.III1, 42, Domain.Model.Columns.DeclaredPerformance, "H42"),
            }).ToArray();
            return result with { Submission = submission with { Programs = programs } };
        }
    }
}
