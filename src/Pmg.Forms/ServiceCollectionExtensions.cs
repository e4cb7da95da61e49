using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Pmg.Domain.Reading;
using Pmg.Domain.Reports;
using Pmg.Forms.Reports;
using Pmg.Forms.Safety;
using Pmg.Forms.Templates;

namespace Pmg.Forms;

/// <summary>Registers the form readers, the blank-form writer and the consolidated workbook writer.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFormReader"/> as a singleton <see cref="FormReader"/> with the default package limits, and
    /// <see cref="IReportWriter"/> as a singleton <see cref="XlsxReportWriter"/>, and the blank-form writer
    /// <see cref="FormTemplateWriter"/> (stateless) as a singleton.
    /// </summary>
    public static IServiceCollection AddPmgForms(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IFormReader>(sp => new FormReader(PackageLimits.Default, sp.GetService<ILogger<FormReader>>()));
        services.TryAddSingleton<IReportWriter, XlsxReportWriter>();
        services.TryAddSingleton<FormTemplateWriter>();
        return services;
    }
}
