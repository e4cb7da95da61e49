using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmg.Storage;

namespace Pmg.Functions;

/// <summary>
/// The Functions host resolves the triggers' <c>%Pmg:Triggers:…%</c> expressions from its app settings, which the
/// worker cannot set: at start the worker checks that they name what <see cref="StorageNames"/> derives from
/// Pmg:Storage:Prefix, so a host never writes to one queue and listens on another.
/// </summary>
public static class TriggerSettingsCheck
{
    /// <summary>Validates, on start, the trigger settings against the storage names.</summary>
    public static IServiceCollection AddPmgTriggerSettingsCheck(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<PmgStorageOptions>, TriggerSettingsValidator>();
        services.AddOptions<PmgStorageOptions>().ValidateOnStart();
        return services;
    }

    /// <summary>The settings that are missing or name something else than the storage names, as Spanish-free operator messages.</summary>
    public static IReadOnlyList<string> Mismatches(IConfiguration configuration, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(names);
        return names.TriggerSettings
            .Where(setting => !string.Equals(configuration[setting.Key], setting.Value, StringComparison.Ordinal))
            .Select(setting => $"{setting.Key} must be '{setting.Value}' (from Pmg:Storage:Prefix '{names.Prefix}') but is '{configuration[setting.Key]}': the triggers would listen where the app does not write.")
            .ToArray();
    }

    private sealed class TriggerSettingsValidator(IConfiguration configuration) : IValidateOptions<PmgStorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, PmgStorageOptions options)
        {
            var mismatches = Mismatches(configuration, new StorageNames(options.Prefix));
            return mismatches.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(mismatches);
        }
    }
}
