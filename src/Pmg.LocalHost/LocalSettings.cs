using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Pmg.LocalHost;

/// <summary>Reads the Functions app's settings files so both hosts are configured by the same names.</summary>
public static class LocalSettings
{
    /// <summary>The section of configuration the WebJobs SDK binds extension options from (host.json's "extensions").</summary>
    public const string ExtensionsSection = "AzureWebJobs:Extensions";

    /// <summary>
    /// Adds host.json's "extensions" (as <see cref="ExtensionsSection"/>) and local.settings.json's "Values" ("__" read
    /// as ":"), both from <paramref name="directory"/> when present, then environment variables and
    /// <paramref name="args"/> again so they win, as they do under Core Tools.
    /// </summary>
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration, string directory, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.AddInMemoryCollection(ReadHostExtensions(Path.Combine(directory, "host.json")));
        configuration.AddInMemoryCollection(ReadValues(Path.Combine(directory, "local.settings.json")));
        return configuration.AddEnvironmentVariables().AddCommandLine(args);
    }

    /// <summary>The "Values" object of a local.settings.json file as configuration keys; empty when the file is absent.</summary>
    public static IReadOnlyDictionary<string, string?> ReadValues(string path)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return settings;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject())
            {
                settings[value.Name.Replace("__", ":", StringComparison.Ordinal)] =
                    value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
            }
        }

        return settings;
    }

    /// <summary>
    /// The "extensions" object of a host.json file, flattened under <see cref="ExtensionsSection"/>, and its
    /// "logging.logLevel" as "Logging:LogLevel" (so the SDK's request logs stay at Warning here too); empty when absent.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ReadHostExtensions(string path)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return settings;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("extensions", out var extensions))
        {
            Flatten(extensions, ExtensionsSection, settings);
        }

        if (document.RootElement.TryGetProperty("logging", out var logging) && logging.TryGetProperty("logLevel", out var levels))
        {
            foreach (var level in levels.EnumerateObject())
            {
                var category = string.Equals(level.Name, "default", StringComparison.OrdinalIgnoreCase) ? "Default" : level.Name;
                settings["Logging:LogLevel:" + category] = level.Value.GetString();
            }
        }

        return settings;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix + ":" + property.Name, settings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, prefix + ":" + index++, settings);
                }

                break;
            case JsonValueKind.String:
                settings[prefix] = element.GetString();
                break;
            default:
                settings[prefix] = element.GetRawText();
                break;
        }
    }
}
