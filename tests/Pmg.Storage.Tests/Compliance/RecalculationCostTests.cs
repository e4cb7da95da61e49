using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pmg.Domain.Reading;
using Pmg.Domain.Regions;
using Pmg.Domain.Rules;
using Pmg.Forms;
using Pmg.Pipeline.Ingestion;
using Pmg.Testing;
using Xunit.Abstractions;

namespace Pmg.Storage.Tests.Compliance;

/// <summary>
/// The figure in BENCHMARKS.md: one service with 16 regions (2019, Ñuble included) recalculated on Azurite, with the
/// storage requests it makes. Prints the numbers; asserts results and request counts, never times.
/// Run: dotnet test tests/Pmg.Storage.Tests --filter RecalculationCost --logger "console;verbosity=detailed".
/// </summary>
public sealed class RecalculationCostTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RecalculateAsync_SixteenRegions_ScoresAllAndPrintsTimeAndRequests()
    {
        await using var context = await ComplianceTestContext.CreateAsync(azurite, new DateTimeOffset(2020, 3, 2, 12, 0, 0, TimeSpan.Zero), expectedRegions: "");
        var regions = RegionCatalog.ExistingIn(2019);
        var read = await new FormReader().ReadAsync(new MemoryStream(Samples.Form("cierre-2009-CL-VS.docx")), "cierre-2009-CL-VS.docx", FormReadOptions.Default);
        var content = context.Services.GetRequiredService<ISubmissionContentStore>();
        var pointers = context.Services.GetRequiredService<ICurrentSubmissionStore>();
        foreach (var region in regions)
        {
            // The Valparaíso closing form, filed for every region of 2019 (stored as an ingestion stores it).
            var submission = read.Submission! with { Year = 2019, Region = region };
            var name = $"SERNAM/2019/{region.Code}/cierre.docx";
            var record = new SubmissionRecord
            {
                Id = SubmissionKeys.SubmissionId(name, "v1"),
                BlobName = name,
                BlobVersion = "v1",
                Service = "SERNAM",
                Year = 2019,
                RegionCode = region.Code,
                UploadedAt = new DateTimeOffset(2020, 1, 20, 9, 0, 0, TimeSpan.Zero),
                ProcessedAt = new DateTimeOffset(2020, 1, 20, 9, 0, 0, TimeSpan.Zero),
                Outcome = IngestionStatus.Accepted,
            };
            await content.SaveAsync(record, submission);
            Assert.True(await pointers.TryAddAsync(new CurrentSubmission("SERNAM", 2019, region.Code, record.Id, name, "v1", record.UploadedAt)));
        }

        var counter = context.Services.GetRequiredService<StorageRequestCounter>();
        counter.Reset();
        var clock = Stopwatch.StartNew();
        var first = (await context.Compliance.RecalculateAsync("SERNAM", 2019)).Results.Single();
        var firstTime = clock.Elapsed;
        var firstRequests = counter.Count;

        counter.Reset();
        clock.Restart();
        var second = (await context.Compliance.RecalculateAsync("SERNAM", 2019)).Results.Single();
        var secondTime = clock.Elapsed;
        var secondRequests = counter.Count;

        Assert.Equal(16, first.Regions.Count);
        Assert.All(first.National, n => Assert.Equal((16, 0), (n.Regions, n.Missing.Count)));
        Assert.Equal(0, second.DigestsQueued);

        // Reads: 2 pointer-partition pages (start, re-check) + per region 3 (Activities page, ProgressRows page,
        // pointer point-read) + 1 alert-ledger page + 1 NationalResults page.
        var reads = 2 + (16 * 4) + 1;
        Assert.True(secondRequests >= reads, "a run makes at least its reads");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"16 regions, {first.AtRisk.Count} at-risk items, {first.DigestsQueued} digests."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"First run:  {firstTime.TotalMilliseconds:0} ms, {firstRequests} storage requests."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Second run: {secondTime.TotalMilliseconds:0} ms, {secondRequests} storage requests (nothing new to alert, national rows unchanged)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Table pages read per run: {reads}."));
    }
}
