using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pmg.LocalHost;

/// <summary>
/// Runs the local host and keeps it running through a storage outage: when a listener fails, or the host cannot start
/// because storage does not answer, it waits (2 s, doubling to at most 30 s) and builds the host again. Stopping the
/// process (Ctrl+C, SIGTERM) ends it; nothing else does.
/// </summary>
internal sealed class HostSupervisor(Func<HostRestartSignal, IHost> build, TimeProvider time, TimeSpan? firstDelay = null)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _firstDelay = firstDelay ?? TimeSpan.FromSeconds(2);

    /// <summary>Runs host after host until <paramref name="cancellationToken"/> is cancelled or a host stops by itself.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var signal = new HostRestartSignal();
        var delay = _firstDelay;
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            var host = build(signal);
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger<HostSupervisor>();
            var started = false;
            try
            {
                signal.Attach(host.Services.GetRequiredService<IHostApplicationLifetime>());
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                started = true;
                delay = _firstDelay;
                await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsStorageUnreachable(exception))
            {
                Log.HostStartFailed(logger, exception.GetType().Name, exception.Message);
            }
            finally
            {
                await StopAsync(host).ConfigureAwait(false);
            }

            if (started && !signal.Requested)
            {
                return; // stopped on purpose (Ctrl+C or SIGTERM through the host's console lifetime)
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            Log.HostRestarting(logger, delay, attempt);
            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 2));
        }
    }

    // Only an unreachable storage is waited out; a configuration refused at start (options validation) ends the process.
    private static bool IsStorageUnreachable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is Azure.RequestFailedException or HttpRequestException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStorageUnreachable))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task StopAsync(IHost host)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or AggregateException)
        {
            // A host that never started, or whose listeners cannot reach storage, stops as far as it can.
        }
        finally
        {
            host.Dispose();
        }
    }
}
