using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Pmg.Hosting;
using Pmg.Pipeline.Ingestion;
using Pmg.Storage;

namespace Pmg.Functions.Tests;

public sealed class RecalculateComplianceTests
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(7);

    private readonly RecordingComplianceService compliance = new();
    private readonly FakeLogger<RecalculationTriggerHandler> logger = new();

    [Fact]
    public async Task RunAsync_PastDueTimer_SweepsThenRecalculatesEveryServiceYearWithTheTokenAndLogsStartAndFinish()
    {
        using var cancellation = new CancellationTokenSource();
        var missed = new IngestionOutcome(IngestionStatus.Accepted, "abc", "SERNAM/2009/CL-TA/f.docx", []);
        var reconciliation = new RecordingReconciliationService(missed);

        await new RecalculateCompliance(Handler(new FixedPoisonQueueGauge(), reconciliation))
            .RunAsync(new TimerInfo { IsPastDue = true }, cancellation.Token);

        // The timer's sweep leaves blobs younger than the grace period to their trigger, which may still be retrying them.
        Assert.Equal((GracePeriod, cancellation.Token), Assert.Single(reconciliation.Sweeps));
        Assert.Equal(((string?)null, (int?)null, cancellation.Token), Assert.Single(compliance.Runs));
        Assert.Equal(
            [
                "Compliance recalculation started (past due: True)",
                "Compliance recalculation finished: 1 missed forms ingested, 0 service-years, 0 activities at risk, 0 digests queued",
            ],
            logger.Collector.GetSnapshot().Select(r => r.Message));
    }

    [Fact]
    public async Task RunAsync_PoisonQueues_LogsEachLengthAsPoisonQueueLengthWarningWhenNotEmpty()
    {
        var gauge = new FixedPoisonQueueGauge(new PoisonQueueLength("alerts-poison", 0), new PoisonQueueLength("receipts-poison", 3));

        await new RecalculateCompliance(Handler(gauge, new RecordingReconciliationService()))
            .RunAsync(new TimerInfo(), CancellationToken.None);

        var measured = logger.Collector.GetSnapshot().Where(r => r.Id.Name == "PoisonQueueLength").ToList();
        Assert.Equal(["Poison queue alerts-poison holds 0 messages", "Poison queue receipts-poison holds 3 messages"], measured.Select(r => r.Message));
        Assert.Equal([LogLevel.Information, LogLevel.Warning], measured.Select(r => r.Level));
        Assert.Equal("receipts-poison", measured[1].StructuredState!.Single(p => p.Key == "Queue").Value);
        Assert.Equal("3", measured[1].StructuredState!.Single(p => p.Key == "Length").Value);
    }

    [Fact]
    public async Task RunAsync_PoisonQueuesUnreadable_StillRecalculates()
    {
        await new RecalculateCompliance(Handler(new FixedPoisonQueueGauge { Fail = true }, new RecordingReconciliationService()))
            .RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Single(compliance.Runs);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Name == "PoisonQueuesUnmeasured");
    }

    [Fact]
    public async Task RunAsync_NoTimer_ThrowsAndRecalculatesNothing()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(
            () => new RecalculateCompliance(Handler(new FixedPoisonQueueGauge(), new RecordingReconciliationService())).RunAsync(null!, CancellationToken.None));

        Assert.Empty(compliance.Runs);
    }

    private RecalculationTriggerHandler Handler(IPoisonQueueGauge gauge, IReconciliationService reconciliation) =>
        new(gauge, reconciliation, Options.Create(new ReconciliationOptions { GracePeriod = GracePeriod }), compliance, logger);
}
