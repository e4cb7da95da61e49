using System.Runtime.ExceptionServices;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Pmg.LocalHost.Tests;

/// <summary>What keeps the local host's process alive when storage goes away, without a storage outage to wait for.</summary>
public sealed class HostSupervisorTests
{
    [Fact]
    public async Task ListenerFailureHandler_ListenerThrows_StopsTheHostForARestartInsteadOfEndingTheProcess()
    {
        using var host = Host.CreateDefaultBuilder().ConfigureLogging(l => l.ClearProviders()).Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var signal = new HostRestartSignal();
        signal.Attach(lifetime);

        await new ListenerFailureHandler(signal, NullLogger<ListenerFailureHandler>.Instance)
            .OnUnhandledExceptionAsync(ExceptionDispatchInfo.Capture(new RequestFailedException(0, "Connection refused (127.0.0.1:10001)")));

        Assert.True(signal.Requested);
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_StorageUnreachableAtStartThenListenerFails_BuildsTheHostAgainEachTime()
    {
        var builds = 0;
        var supervisor = new HostSupervisor(
            signal => ++builds switch
            {
                1 => Failing(new RequestFailedException(0, "Connection refused")),
                2 => Running(afterStart: () => signal.Request()),
                _ => Running(afterStart: null, stopAtOnce: true),
            },
            TimeProvider.System,
            firstDelay: TimeSpan.FromMilliseconds(10));

        await supervisor.RunAsync();

        Assert.Equal(3, builds);
    }

    [Fact]
    public async Task RunAsync_ConfigurationRefused_EndsWithTheRefusal()
    {
        var builds = 0;
        var supervisor = new HostSupervisor(
            _ =>
            {
                builds++;
                return Failing(new OptionsValidationException("Pmg", typeof(object), ["Pmg:RecalculationSchedule «hourly» must be an NCRONTAB expression"]));
            },
            TimeProvider.System,
            firstDelay: TimeSpan.FromMilliseconds(10));

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => supervisor.RunAsync());

        Assert.Contains("NCRONTAB", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, builds);
    }

    private static IHost Failing(Exception exception) =>
        Host.CreateDefaultBuilder().ConfigureLogging(l => l.ClearProviders())
            .ConfigureServices(s => s.AddHostedService(_ => new ThrowingService(exception)))
            .Build();

    private static IHost Running(Action? afterStart, bool stopAtOnce = false) =>
        Host.CreateDefaultBuilder().ConfigureLogging(l => l.ClearProviders())
            .ConfigureServices(s => s.AddHostedService(p => new CallbackService(p.GetRequiredService<IHostApplicationLifetime>(), afterStart, stopAtOnce)))
            .Build();

    private sealed class ThrowingService(Exception exception) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromException(exception);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class CallbackService(IHostApplicationLifetime lifetime, Action? afterStart, bool stopAtOnce) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                afterStart?.Invoke();
                if (stopAtOnce)
                {
                    lifetime.StopApplication();
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
