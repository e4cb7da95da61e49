using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Testing;
using Pmg.Hosting;

namespace Pmg.Functions.Tests;

public sealed class RecalculateComplianceTests
{
    private readonly RecordingComplianceService compliance = new();
    private readonly FakeLogger<RecalculationTriggerHandler> logger = new();

    [Fact]
    public async Task RunAsync_PastDueTimer_RecalculatesEveryServiceYearWithTheTokenAndLogsStartAndFinish()
    {
        using var cancellation = new CancellationTokenSource();

        await new RecalculateCompliance(new RecalculationTriggerHandler(compliance, logger))
            .RunAsync(new TimerInfo { IsPastDue = true }, cancellation.Token);

        Assert.Equal(((string?)null, (int?)null, cancellation.Token), Assert.Single(compliance.Runs));
        Assert.Equal(
            [
                "Compliance recalculation started (past due: True)",
                "Compliance recalculation finished: 0 service-years, 0 activities at risk, 0 digests queued",
            ],
            logger.Collector.GetSnapshot().Select(r => r.Message));
    }

    [Fact]
    public async Task RunAsync_NoTimer_ThrowsAndRecalculatesNothing()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(
            () => new RecalculateCompliance(new RecalculationTriggerHandler(compliance, logger)).RunAsync(null!, CancellationToken.None));

        Assert.Empty(compliance.Runs);
    }
}
