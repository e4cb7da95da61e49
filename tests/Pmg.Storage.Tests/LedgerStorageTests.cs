using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;

namespace Pmg.Storage.Tests;

public sealed class LedgerStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Monday = new(2010, 1, 11, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryAddAsync_ThousandsOfDiagnostics_StoredTruncatedWithSpanishNote()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = context.Services.GetRequiredService<ISubmissionLedger>();
        var diagnostics = Enumerable.Range(1, 3000)
            .Select(i => Diagnostic.Error("CELL_ERROR", "Marca de cumplimiento no reconocida: «" + new string('ñ', 200) + "».", new SourceLocation(Section.III1, i, Columns.Compliance, "H" + i)))
            .ToArray();
        var record = Record("a1") with { Diagnostics = diagnostics };

        Assert.Null(await ledger.TryAddAsync(record));
        var stored = await ledger.FindAsync("SERNAM|2009", "a1");

        Assert.NotNull(stored);
        Assert.True(stored.Diagnostics.Count < 3000);
        Assert.Equal("III.1, fila 1, Cumple/no cumple, celda H1", stored.Diagnostics[0].Location!.ToString());
        Assert.StartsWith("Se omitieron ", stored.Diagnostics[^1].Message, StringComparison.Ordinal);
        Assert.EndsWith(" observaciones más.", stored.Diagnostics[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryAddAsync_SameIdTwice_ReturnsTheStoredRecord()
    {
        await using var context = await StorageTestContext.CreateAsync(azurite);
        var ledger = context.Services.GetRequiredService<ISubmissionLedger>();

        Assert.Null(await ledger.TryAddAsync(Record("b2")));
        var existing = await ledger.TryAddAsync(Record("b2") with { UploadedAt = Monday.AddHours(3) });

        Assert.NotNull(existing);
        Assert.Equal((Monday, false), (existing.UploadedAt, existing.Completed));
        await ledger.MarkCompletedAsync(existing);
        Assert.True((await ledger.FindAsync("SERNAM|2009", "b2"))!.Completed);
        Assert.Single(await context.HistoryAsync("SERNAM", 2009));
    }

    private static SubmissionRecord Record(string id) => new()
    {
        Id = id,
        BlobName = "SERNAM/2009/CL-TA/f.docx",
        BlobVersion = "0x1",
        Service = "SERNAM",
        Year = 2009,
        RegionCode = "CL-TA",
        UploadedAt = Monday,
        ProcessedAt = Monday.AddMinutes(1),
        Outcome = IngestionStatus.Refused,
    };
}
