using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pmg.Pipeline;

/// <summary>Registers the ingestion pipeline.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IIngestionService"/> and <see cref="PmgOptions"/> (section "Pmg", validated on start).
    /// The host must also register an <c>IFormReader</c> (AddPmgForms) and the storage adapters (AddPmgStorage).
    /// </summary>
    public static IServiceCollection AddPmgPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PmgOptions>().BindConfiguration(PmgOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PmgOptions>, PmgOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIngestionService, IngestionService>();
        return services;
    }
}
