using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pmg.Hosting;

namespace Pmg.Testing;

/// <summary>
/// The one services builder of the tests: the hosts' own chain (<see cref="PmgApplicationServiceCollectionExtensions.AddPmgApplication"/>)
/// over a configuration, with silent logging; a test replaces what it fakes afterwards (a fake clock, an in-memory store).
/// </summary>
public static class TestServices
{
    /// <summary>A configuration from settings ("Pmg:Services" and the like).</summary>
    public static IConfiguration Configuration(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    /// <summary>The application's services over <paramref name="configuration"/>; <paramref name="replace"/> runs last.</summary>
    public static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? replace = null, bool validateOnBuild = true)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddPmgApplication(configuration);
        replace?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = validateOnBuild, ValidateScopes = true });
    }
}
