using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Pmg.Domain.Reading;
using Pmg.Forms.Safety;

namespace Pmg.Forms;

/// <summary>Registers the form readers.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IFormReader"/> as a singleton <see cref="FormReader"/> with the default package limits.</summary>
    public static IServiceCollection AddPmgForms(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IFormReader>(sp => new FormReader(PackageLimits.Default, sp.GetService<ILogger<FormReader>>()));
        return services;
    }
}
