using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmg.Pipeline.Ingestion;

namespace Pmg.LocalHost;

/// <summary>
/// Ingests every form blob with no submission record when the host starts and then every <c>LocalHost:SweepInterval</c>
/// (a minute by default): the polling blob trigger can skip a blob written in the same second as another, and a host
/// killed mid-batch leaves records half-done that the trigger only retries after its 10-minute visibility timeout. A
/// failed sweep (storage down) is logged and tried again at the next interval; it never stops the host.
/// </summary>
internal sealed class ReconciliationSweeper(IReconciliationService reconciliation, IConfiguration configuration, TimeProvider time, ILogger<ReconciliationSweeper> logger) : BackgroundService
{
    /// <summary>The setting that spaces the sweeps (a TimeSpan).</summary>
    public const string IntervalSetting = "LocalHost:SweepInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalSetting, TimeSpan.FromMinutes(1));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reconciliation.SweepAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.SweepFailed(logger, exception, interval);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
