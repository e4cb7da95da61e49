using Microsoft.Extensions.Configuration;
using Pmg.Pipeline;

namespace Pmg.Cli;

/// <summary>The service a coordinator names on the command line, as the configured service list when none is set.</summary>
internal static class ServiceScope
{
    /// <summary>
    /// A workstation rarely sets <c>Pmg__Services</c>; a command that ingests (the sweep of <c>pmg recalc</c>,
    /// <c>pmg retry</c>) needs it, or every form would be refused as of an unknown service. The <c>--service</c> given
    /// stands for it then; a configured list always wins.
    /// </summary>
    public static IConfiguration With(IConfiguration configuration, string? service)
    {
        if (service is null || !string.IsNullOrWhiteSpace(configuration[PmgOptions.SectionName + ":" + nameof(PmgOptions.Services)]))
        {
            return configuration;
        }

        return new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { [PmgOptions.SectionName + ":" + nameof(PmgOptions.Services)] = service })
            .Build();
    }
}
