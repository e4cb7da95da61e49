using Pmg.Testing;
using Xunit.Abstractions;

namespace Pmg.LocalHost.Tests.Chaos;

/// <summary>
/// The pipeline under the faults of issue 10, each on its own Azurite with the local host as a separate process. After
/// each: every upload recorded exactly once (none lost, none twice), each region's current form the latest upload,
/// every receipt sent once or recorded failed. "Chaos" runs in CI; the slower ones run in eng/chaos.sh.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ChaosTests(ITestOutputHelper output)
{
    private static readonly string[] Regions = ["CL-TA", "CL-VS", "CL-BI"];

    [Fact]
    [Trait("Category", "Chaos")]
    public async Task Burst_64UploadsInOneSecond_EachRecordedOnceLatestCurrentReceiptsOnce()
    {
        await using var world = await ChaosWorld.StartAsync();
        world.StartHost();

        var uploads = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => world.UploadAsync(Name(i), Form(i))));
        await world.WaitSettledAsync(uploads);

        var counts = await AssertSoundAsync(world, "burst", uploads);
        Assert.Equal((64, 64, 0), (counts.Recorded, counts.ReceiptsSent, counts.Superseded));
    }

    [Fact]
    [Trait("Category", "Chaos")]
    public async Task KillMidBatch_HostRestarted_EachRecordedOnce()
    {
        await using var world = await ChaosWorld.StartAsync();
        world.StartHost();
        var uploads = new List<ChaosUpload>();
        for (var i = 0; i < 24; i++)
        {
            uploads.Add(await world.UploadAsync(Name(i), Form(i)));
        }

        // Kill as soon as the host is busy with the batch: some records done, most not.
        await WaitUntilAsync(async () => (await world.CountAsync("kill", uploads)).Recorded >= 2);
        await world.KillHostAsync();
        var atKill = await world.CountAsync("at-kill", uploads);
        output.WriteLine(atKill.ToString());
        world.StartHost();
        await world.WaitSettledAsync(uploads, hostWasKilled: true);

        var counts = await AssertSoundAsync(world, "kill-restart", uploads, hostWasKilled: true);
        Assert.Equal(24, counts.Recorded);
    }

    [ChaosScriptFact]
    [Trait("Category", "ChaosSlow")]
    public async Task StorageStopped30Seconds_HostSurvivesAndRecordsEverything()
    {
        await using var world = await ChaosWorld.StartAsync();
        world.StartHost();
        var uploads = new List<ChaosUpload>();
        for (var i = 0; i < 6; i++)
        {
            uploads.Add(await world.UploadAsync(Name(i), Form(i)));
        }

        await world.StopStorageAsync();
        await Task.Delay(TimeSpan.FromSeconds(30));
        Assert.True(world.HostRunning, "The local host died while storage was down:\n" + world.HostLog());
        await world.StartStorageAgainAsync();
        for (var i = 6; i < 12; i++)
        {
            uploads.Add(await world.UploadAsync(Name(i), Form(i)));
        }

        await world.WaitSettledAsync(uploads);
        Assert.True(world.HostRunning, "The local host died after storage came back:\n" + world.HostLog());
        Assert.Equal(12, (await AssertSoundAsync(world, "storage-outage", uploads)).Recorded);
    }

    [ChaosScriptFact]
    [Trait("Category", "ChaosSlow")]
    public async Task TwentyVersionsOfOneRegionAtOnce_LatestIsCurrent()
    {
        await using var world = await ChaosWorld.StartAsync();
        world.StartHost();

        // Ten overwrites of one name and ten different names, all of Tarapacá, at once.
        var form = Samples.Form("cierre-2009-CL-TA.docx");
        var uploads = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            world.UploadAsync(i < 10 ? "SERNAM/2009/CL-TA/cierre.docx" : $"SERNAM/2009/CL-TA/cierre-{i}.docx", form)));
        await world.WaitSettledAsync(uploads);

        var counts = await AssertSoundAsync(world, "twenty-versions", uploads);
        Assert.Equal(20, counts.Recorded + counts.Superseded);
    }

    [ChaosScriptFact]
    [Trait("Category", "ChaosSlow")]
    public async Task PickupDirectoryUnwritable_ReceiptsRecordedFailedNothingLost()
    {
        await using var world = await ChaosWorld.StartAsync();

        // A file where the folder should be: no process can write e-mails there, root included.
        await File.WriteAllTextAsync(world.MailDirectory, "no es una carpeta");
        world.StartHost();
        var uploads = new List<ChaosUpload>();
        for (var i = 0; i < 4; i++)
        {
            uploads.Add(await world.UploadAsync(Name(i), Form(i)));
        }

        await world.WaitSettledAsync(uploads);
        var counts = await AssertSoundAsync(world, "pickup-unwritable", uploads);
        Assert.Equal((4, 0, 4), (counts.Recorded, counts.ReceiptsSent, counts.ReceiptsFailed));
    }

    private async Task<ChaosCounts> AssertSoundAsync(ChaosWorld world, string scenario, IReadOnlyList<ChaosUpload> uploads, bool hostWasKilled = false)
    {
        var counts = await world.CountAsync(scenario, uploads);
        output.WriteLine(counts.ToString());
        ChaosWorld.Report(counts);
        Assert.True(counts.Lost == 0 && counts.Duplicated == 0 && counts.Incomplete == 0, counts.ToString());
        Assert.True(counts.RegionsCurrentLatest == counts.Regions, counts.ToString());
        Assert.True(counts.ReceiptsVisible == 0 && (hostWasKilled ? counts.ReceiptsAccountedForAfterKill : counts.ReceiptsSettled), counts.ToString());
        Assert.Equal(counts.ReceiptsSent, counts.MailFiles);
        return counts;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!await done())
        {
            limit.Token.ThrowIfCancellationRequested();
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static string Name(int i) => $"SERNAM/2009/{Regions[i % Regions.Length]}/cierre-{i:00}{(i % 2 == 0 ? ".docx" : ".xlsx")}";

    private static byte[] Form(int i) => Samples.Form($"cierre-2009-{Regions[i % Regions.Length]}{(i % 2 == 0 ? ".docx" : ".xlsx")}");
}
