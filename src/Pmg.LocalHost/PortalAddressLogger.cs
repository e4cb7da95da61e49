using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pmg.LocalHost;

/// <summary>Logs the portal's address once Kestrel listens (run.sh reads it from the log; with port 0 it is chosen then).</summary>
internal sealed partial class PortalAddressLogger(IServer server, IHostApplicationLifetime lifetime, ILogger<PortalAddressLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                PortalListening(logger, address);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5000, EventName = "PortalListening", Level = LogLevel.Information, Message = "Portal listening on {Address}")]
    private static partial void PortalListening(ILogger logger, string address);
}
