using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pmg.LocalHost;

/// <summary>
/// Replaces the WebJobs SDK's default handler, which ends the process when a listener throws (for instance the queue
/// listener when storage stops answering). A listener that threw has stopped for good, so this logs the failure and
/// asks <see cref="HostSupervisor"/> to build the host again once storage answers; the process never dies from it.
/// </summary>
internal sealed class ListenerFailureHandler(HostRestartSignal signal, ILogger<ListenerFailureHandler> logger) : IWebJobsExceptionHandler
{
    public void Initialize(JobHost host)
    {
    }

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => OnUnhandledExceptionAsync(exceptionInfo);

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        Log.ListenerFailed(logger, exceptionInfo.SourceException, exceptionInfo.SourceException.GetType().Name);
        signal.Request();
        return Task.CompletedTask;
    }
}

/// <summary>Gives the job host a <see cref="ListenerFailureHandler"/> instead of the SDK's default.</summary>
internal sealed class ListenerFailureHandlerFactory(HostRestartSignal signal, ILoggerFactory loggers) : IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => new ListenerFailureHandler(signal, loggers.CreateLogger<ListenerFailureHandler>());
}

/// <summary>Set when a listener failed: the host is stopped so that <see cref="HostSupervisor"/> builds a fresh one.</summary>
internal sealed class HostRestartSignal
{
    private IHostApplicationLifetime? _lifetime;
    private int _requested;

    /// <summary>Whether a restart was asked for since the host started.</summary>
    public bool Requested => Volatile.Read(ref _requested) == 1;

    /// <summary>Binds the signal to the running host's lifetime.</summary>
    public void Attach(IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
        Volatile.Write(ref _requested, 0);
    }

    /// <summary>Stops the running host so the supervisor can start a new one.</summary>
    public void Request()
    {
        Volatile.Write(ref _requested, 1);
        _lifetime?.StopApplication();
    }
}
