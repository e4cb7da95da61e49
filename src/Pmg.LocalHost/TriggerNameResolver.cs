using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Pmg.Storage;

namespace Pmg.LocalHost;

/// <summary>
/// Resolves the triggers' <c>%setting%</c> expressions: the <see cref="StorageNames.Triggers"/> settings from the storage
/// names (so the triggers listen exactly where this instance, prefix included, writes), anything else from
/// configuration as the SDK's default resolver does (the recalculation schedule).
/// </summary>
internal sealed class TriggerNameResolver(StorageNames names, IConfiguration configuration) : INameResolver
{
    public string? Resolve(string name) =>
        names.TriggerSettings.TryGetValue(name, out var value) ? value : configuration[name];
}
