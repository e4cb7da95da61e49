using Microsoft.Extensions.Logging;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Domain.Reading;
using Pmg.Domain.Rules;
using Pmg.Forms.Safety;

namespace Pmg.Forms.Tests.Hostile;

/// <summary>
/// The fault suite of issue 10: every hostile shape, made in code from Valparaíso's year-end form (III.1 88,00 %
/// NO CUMPLE), is refused with its code or scored on what the office sees, and the read returns (the process lives).
/// How long each takes and how much it allocates is in the benchmark project (HostileFormBenchmarks), not here.
/// </summary>
public sealed class HostileFormTests
{
    private const string WordSample = "cierre-2009-CL-VS.docx";
    private const string ExcelSample = "cierre-2009-CL-VS.xlsx";

    // Far smaller than the thread-pool's default: recursion on document depth would overflow it at once.
    private const int SmallStack = 256 * 1024;

    private static readonly FormReadOptions Valparaiso = new() { Service = "SERNAM", Year = 2009, Region = "CL-VS" };

    [Fact]
    public async Task ReadAsync_CleanSamples_ScoreValparaisosResults()
    {
        foreach (var sample in new[] { WordSample, ExcelSample })
        {
            var scores = Scores(await ReadAsync(Safety.Samples.Read(sample), sample));

            Assert.Equal(("III.1", 88.00m, "NO CUMPLE"), scores[0]);
            Assert.Equal(("III.2", 88.88m, "NO CUMPLE"), scores[1]);
        }
    }

    [Fact]
    public async Task ReadAsync_BodyInHundredThousandNestedContentControls_ScoresTheVisibleForm()
    {
        var hostile = HostileForms.DeeplyNestedContentControls(Safety.Samples.Read(WordSample), depth: 100_000);

        var result = ReadOnSmallStack(hostile, WordSample);

        Assert.Equal(await CleanScoresAsync(WordSample), Scores(result));
    }

    [Fact]
    public async Task ReadAsync_TableNestedTenThousandDeepBeforeTheForm_ScoresTheVisibleForm()
    {
        var hostile = HostileForms.DeeplyNestedTables(Safety.Samples.Read(WordSample), depth: 10_000);

        var result = ReadOnSmallStack(hostile, WordSample);

        Assert.Equal(await CleanScoresAsync(WordSample), Scores(result));
    }

    [Fact]
    public async Task ReadAsync_HeadingAndRegionOfALongRunOfSpaces_ScoresTheVisibleForm()
    {
        // "Actividad III" + 200 000 spaces + "x": a backtracking "III\s*\.?\s*[1-4]" tries ~2·10¹⁰ splits of the spaces.
        var hostile = HostileForms.LongRunOfSpacesHeading(Safety.Samples.Read(WordSample), spaces: 200_000);

        var result = await ReadAsync(hostile, WordSample);

        Assert.Equal(await CleanScoresAsync(WordSample), Scores(result));
    }

    [Fact]
    public async Task ReadAsync_MergedRangeOverTheWholeSheet_ClipsItToTheCellsAndShowsWhatExcelShows()
    {
        var hostile = HostileForms.WholeSheetMerge(Safety.Samples.Read(ExcelSample));

        var result = await ReadAsync(hostile, ExcelSample);

        // Excel shows only A1 of a sheet merged whole: III.1's table is gone from view, III.2 reads as before.
        Assert.True(result.Accepted, Describe(result));
        var scores = Scores(result);
        Assert.DoesNotContain(scores, s => s.Section == "III.1");
        Assert.Contains(("III.2", 88.88m, "NO CUMPLE"), scores);
        Assert.Contains(result.Diagnostics, d => d.Code == ReadCodes.TableMissing && d.Location?.Section == Section.III1);
    }

    [Fact]
    public async Task ReadAsync_TwentyThousandMergedRangesOverTheTable_RefusedContentTooLarge()
    {
        var hostile = HostileForms.ManyMerges(Safety.Samples.Read(ExcelSample), count: 20_000);

        var result = await ReadAsync(hostile, ExcelSample);

        var refusal = Refusal(result, RefusalCodes.ContentTooLarge);
        Assert.StartsWith($"Las celdas combinadas del archivo «{ExcelSample}» (por ejemplo «A1:I40») abarcan más de 1.000.000 celdas con contenido", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SheetPartListedFiveHundredTimes_ReadsItOnceAndScoresTheVisibleForm()
    {
        var hostile = HostileForms.SheetListedManyTimes(Safety.Samples.Read(ExcelSample), times: 500);

        var result = await ReadAsync(hostile, ExcelSample);

        Assert.Equal(await CleanScoresAsync(ExcelSample), Scores(result));
    }

    [Fact]
    public async Task ReadAsync_OneHugeSharedStringInTwentyThousandCells_RefusedContentTooLarge()
    {
        // 1 000 000 characters × 20 000 cells would be 2·10¹⁰ characters (40 GB) if each cell took its copy.
        var hostile = HostileForms.HugeSharedString(Safety.Samples.Read(ExcelSample), characters: 1_000_000, cells: 20_000);

        var result = await ReadAsync(hostile, ExcelSample);

        var refusal = Refusal(result, RefusalCodes.ContentTooLarge);
        Assert.StartsWith($"Las celdas del archivo «{ExcelSample}» repiten textos que suman más de 8.000.000 caracteres", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_HiddenSheetMarkingAllComplied_ScoresTheVisibleSheetsAndSaysWhatWasIgnored(bool veryHidden)
    {
        var hostile = HostileForms.HiddenSheetAllComplied(Safety.Samples.Read(ExcelSample), veryHidden);

        var result = await ReadAsync(hostile, ExcelSample);

        Assert.Equal(await CleanScoresAsync(ExcelSample), Scores(result));
        var notice = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.HiddenContentIgnored);
        Assert.Equal(Severity.Warning, notice.Severity);
        Assert.Equal(
            "El libro tiene la hoja oculta «Respaldo», que no se ve al abrirlo: no se leyó ni se evaluó. Si es parte del formulario, muéstrela (clic derecho en una pestaña › Mostrar) y vuelva a enviarlo.",
            notice.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_HiddenWordTextMarkingAllComplied_ScoresTheVisibleTextAndSaysWhatWasIgnored(bool indented)
    {
        var hostile = HostileForms.HiddenWordTextAllComplied(Safety.Samples.Read(WordSample), indented);

        var result = await ReadAsync(hostile, WordSample);

        Assert.Equal(await CleanScoresAsync(WordSample), Scores(result));
        var notice = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.HiddenContentIgnored);
        Assert.Equal(Severity.Warning, notice.Severity);
        Assert.StartsWith("El documento tiene texto oculto (formato «Oculto» de Word), que no se ve al abrirlo: no se leyó ni se evaluó («FORMATOS DE LA ETAPA 3", notice.Message, StringComparison.Ordinal);
        Assert.EndsWith("Si ese contenido es parte del formulario, quite el formato oculto y vuelva a enviarlo.", notice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_WordTextHiddenThroughAStyleMarkingAllComplied_ScoresTheVisibleTextAndSaysWhatWasIgnored(bool paragraphStyle)
    {
        var hostile = HostileForms.HiddenWordTextThroughStyleAllComplied(Safety.Samples.Read(WordSample), paragraphStyle);

        var result = await ReadAsync(hostile, WordSample);

        Assert.Equal(await CleanScoresAsync(WordSample), Scores(result));
        var notice = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.HiddenContentIgnored);
        Assert.StartsWith("El documento tiene texto oculto (formato «Oculto» de Word), que no se ve al abrirlo: no se leyó ni se evaluó («FORMATOS DE LA ETAPA 3", notice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cierre-2009-CL-TA.docx", "III.1, REGIÓN")]
    [InlineData("cierre-2009-CL-TA.xlsx", "III.1, REGIÓN, celda B3")]
    public async Task ReadAsync_TarapacaWithACyrillicLookAlikeSentAsValparaiso_RefusedRegionUnreadableNamingTheLetter(string sample, string location)
    {
        var hostile = HostileForms.CyrillicLookAlikeRegion(Safety.Samples.Read(sample), excel: sample.EndsWith(".xlsx", StringComparison.Ordinal));

        var result = await ReadAsync(hostile, sample);

        Assert.Null(result.Submission?.Region);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReadCodes.RegionUnreadable);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(
            $"No se reconoce la región «I Región de Tarap{HostileForms.CyrillicA}cá» en {location}: contiene «{HostileForms.CyrillicA}» (U+0430, letra cirílica que imita la «a»), que no es una letra del español. Se ve como «Tarapacá», pero está escrita con letras de otro alfabeto (por ejemplo, copiadas de otro documento): escriba la región de nuevo con el teclado y vuelva a enviar el formulario.",
            error.Message);
        Assert.True(FormIdentity.Check(result, 2009, Domain.Regions.RegionCatalog.FindByCode("CL-VS")!).Refused);
    }

    [Fact]
    public async Task ReadAsync_BinaryWorkbookNamedXlsx_NamesItABinaryWorkbookNotMacros()
    {
        var result = await ReadAsync(HostileForms.BinaryWorkbook(), "formulario.xlsx");

        var refusal = Refusal(result, RefusalCodes.NotAFormFormat);
        Assert.Equal(
            "El archivo «formulario.xlsx» es un libro binario de Excel (.xlsb), aunque su nombre diga otra cosa; ese formato no se acepta. En Excel use Archivo › Guardar como y elija «Libro de Excel (*.xlsx)», y vuelva a enviarlo.",
            refusal.Message);
        Assert.DoesNotContain("macro", refusal.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadAsync_OpenDocumentSpreadsheetNamedXlsx_SaysLibreOfficeAndHowToSaveAsXlsx()
    {
        var result = await ReadAsync(HostileForms.OpenDocumentSpreadsheet(), "formulario.xlsx");

        var refusal = Refusal(result, RefusalCodes.NotOoxml);
        Assert.Equal(
            "El archivo «formulario.xlsx» es una hoja de cálculo (.ods) en formato OpenDocument (LibreOffice u OpenOffice), no un documento Word (.docx) ni un libro Excel (.xlsx). Ábralo en LibreOffice, use Archivo › Guardar como, elija el tipo «Libro de Excel 2007-365 (.xlsx)» y vuelva a enviarlo.",
            refusal.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_FileOf23Point4Megabytes_SaysItsRealSize(bool seekable)
    {
        var bytes = HostileForms.Oversized((long)(23.4 * 1024 * 1024));
        Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);

        var result = await new FormReader().ReadAsync(stream, "formulario.xlsx", Valparaiso);

        var refusal = Refusal(result, RefusalCodes.FileTooLarge);
        Assert.StartsWith("El archivo «formulario.xlsx» pesa 23,4 MB; el máximo es 20 MB.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ReaderFailsUnexpectedly_RefusedFormUnreadableWithTheExceptionTypeLogged()
    {
        // The fault is injected where a bug would surface: inside the read, after the layout, from a collaborator.
        var logger = new ThrowingLogger(failOnEventId: 1002);
        var reader = new FormReader(logger: logger);

        var result = await reader.ReadAsync(new MemoryStream(Safety.Samples.Read(WordSample)), WordSample, Valparaiso);

        var refusal = Refusal(result, RefusalCodes.FormUnreadable);
        Assert.StartsWith($"El archivo «{WordSample}» no se pudo leer por un error inesperado del lector; el equipo técnico quedó avisado.", refusal.Message, StringComparison.Ordinal);
        var logged = Assert.Single(logger.Entries, e => e.EventId == 1004);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Equal($"Form {WordSample} refused as unreadable: the reader failed with an unexpected System.InvalidOperationException", logged.Message);
    }

    private static async Task<FormReadResult> ReadAsync(byte[] bytes, string fileName) =>
        await new FormReader().ReadAsync(new MemoryStream(bytes), fileName, Valparaiso);

    private static FormReadResult ReadOnSmallStack(byte[] bytes, string fileName)
    {
        FormReadResult? result = null;
        var thread = new Thread(() => result = new FormReader().ReadAsync(new MemoryStream(bytes), fileName, Valparaiso).GetAwaiter().GetResult(), SmallStack);
        thread.Start();
        thread.Join();
        return result!;
    }

    private static async Task<List<(string Section, decimal? Performance, string Status)>> CleanScoresAsync(string sample) =>
        Scores(await ReadAsync(Safety.Samples.Read(sample), sample));

    private static List<(string Section, decimal? Performance, string Status)> Scores(FormReadResult result)
    {
        Assert.True(result.Submission is not null, Describe(result));
        return [.. FormRules.Evaluate(result.Submission!).Programs.Select(p => (p.Section.Code(), p.DisplayPerformance, p.Status.Label()))];
    }

    private static Diagnostic Refusal(FormReadResult result, string code)
    {
        Assert.Null(result.Submission);
        var refusal = Assert.Single(result.Diagnostics);
        Assert.True(refusal.Code == code, refusal.Message);
        Assert.Equal((code, Severity.Error), (refusal.Code, refusal.Severity));
        return refusal;
    }

    private static string Describe(FormReadResult result) => string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.Code + ": " + d.Message));

    /// <summary>A stream that does not know its length, as a blob download is.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }

    /// <summary>Records log entries and throws from one event, as a bug deep in a read would.</summary>
    private sealed class ThrowingLogger(int failOnEventId) : ILogger<FormReader>
    {
        public List<(int EventId, LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == failOnEventId)
            {
                throw new InvalidOperationException("a collaborator failed");
            }

            Entries.Add((eventId.Id, logLevel, formatter(state, exception)));
        }
    }
}
