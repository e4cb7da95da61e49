using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Pipeline.Ingestion;

namespace Pmg.LocalHost;

/// <summary>
/// Ingests every form blob with no submission record when the host starts and then every <c>LocalHost:SweepInterval</c>
/// (a minute by default): the polling blob trigger can skip a blob written in the same second as another, and a host
/// killed mid-batch leaves records half-done that the trigger only retries after its 10-minute visibility timeout. A
/// failed sweep (storage down) is logged and tried again at the next interval; it never stops the host.
/// </summary>
/// <remarks>
/// Every sweep, the start-up one included, leaves alone the blobs written less than
/// <c>Pmg:Reconciliation:GracePeriod</c> ago: those are the trigger's, which may be retrying them right now (a form that
/// fails is read by every delivery up to the poison threshold and leaves no ledger row meanwhile, so age is what tells
/// "being retried" from "missed"). At start-up too, because the restarted trigger scans the container and takes the
/// young blobs itself; what a killed host left half-done is taken once it is older than the grace, still well before
/// the trigger's own redelivery.
/// </remarks>
internal sealed class ReconciliationSweeper(
    IReconciliationService reconciliation,
    IOptions<ReconciliationOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<ReconciliationSweeper> logger) : BackgroundService
{
    /// <summary>The setting that spaces the sweeps (a TimeSpan).</summary>
    public const string IntervalSetting = "LocalHost:SweepInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalSetting, TimeSpan.FromMinutes(1));
        var grace = options.Value.GracePeriod;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reconciliation.SweepAsync(null, null, grace, stoppingToken).ConfigureAwait(false);
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
