using System.Reflection;
using System.Text.RegularExpressions;
using Pmg.Functions;
using Pmg.Infra.Tests.Support;
using Pmg.Notifications;
using Pmg.Pipeline;
using Pmg.Storage;

namespace Pmg.Infra.Tests;

/// <summary>
/// The settings the templates give the function app are the ones the app's code reads: its options classes, the
/// connections its triggers name and the %settings% its schedules use. A rename on either side fails here, so a
/// deployment cannot start misconfigured.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed partial class OptionsContractTests(CompiledInfraFixture infra)
{
    // Settings read by the Functions host and the Application Insights SDK themselves, not by Pmg code.
    private static readonly string[] HostSettingPrefixes = ["AzureWebJobsStorage__", "APPLICATIONINSIGHTS_"];

    // Settings the templates give the app before the code that reads them is merged, with who brings that code. Once
    // the reader exists, AwaitingReader_Entries_AreNotReadYet fails: delete the entry then.
    private static readonly Dictionary<string, string> AwaitingReader = new(StringComparer.Ordinal);

    private IReadOnlyCollection<string> TemplateSettings => InfraPolicy.AppSettings(infra.Template).Keys.ToArray();

    [Fact]
    public void TemplateSettings_EachOne_IsReadByTheApp()
    {
        var readable = OptionSettingNames().Concat(TriggerConnections().SelectMany(IdentitySettings)).Concat(TriggerNameSettings()).ToHashSet(StringComparer.Ordinal);

        var unread = TemplateSettings
            .Where(name => !HostSettingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(name => !readable.Contains(name) && !AwaitingReader.ContainsKey(name))
            .ToArray();

        Assert.Empty(unread);
    }

    [Fact]
    public void AwaitingReader_Entries_AreNotReadYet()
    {
        var readable = OptionSettingNames().ToHashSet(StringComparer.Ordinal);

        Assert.All(AwaitingReader, entry => Assert.False(
            readable.Contains(entry.Key),
            $"{entry.Key} is read by {entry.Value} now: remove it from AwaitingReader."));
        Assert.All(AwaitingReader.Keys, name => Assert.Contains(name, TemplateSettings));
    }

    [Fact]
    public void OptionsClasses_Discovered_IncludeEveryKnownSection()
    {
        var sections = OptionsClasses().Select(entry => entry.Section).ToArray();

        Assert.Contains(PmgOptions.SectionName, sections);
        Assert.Contains(PmgStorageOptions.SectionName, sections);
        Assert.Contains(SendGridOptions.SectionName, sections);
        Assert.Contains(NotificationOptions.SectionName, sections);
        Assert.Contains(Pmg.Portal.PortalOptions.SectionName, sections);
    }

    [Fact]
    public void TriggerConnections_EachOne_IsIdentityBasedInTheTemplate()
    {
        var connections = TriggerConnections().ToArray();

        Assert.Contains(PmgStorageOptions.ConnectionName, connections);
        foreach (var connection in connections)
        {
            Assert.Contains($"{connection}__credential", TemplateSettings);
            Assert.Contains($"{connection}__blobServiceUri", TemplateSettings);
            Assert.Contains($"{connection}__queueServiceUri", TemplateSettings);
            Assert.DoesNotContain(connection, TemplateSettings);
        }
    }

    [Fact]
    public void ScheduleExpressions_EachSetting_IsInTheTemplate()
    {
        var schedules = TriggerAttributeValues("Schedule")
            .SelectMany(value => SettingReference().Matches(value).Select(match => match.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)))
            .ToArray();

        Assert.Contains("Pmg__RecalculationSchedule", schedules);
        Assert.All(schedules, setting => Assert.Contains(setting, TemplateSettings));
    }

    [Fact]
    public void TriggerNameExpressions_EachSetting_IsInTheTemplateWithTheUnprefixedName()
    {
        var settings = TriggerNameSettings().ToArray();
        var values = InfraPolicy.AppSettings(infra.Template);

        Assert.Equal(["Pmg__Triggers__AlertsQueue", "Pmg__Triggers__FormsContainer", "Pmg__Triggers__ReceiptsQueue"], settings);
        foreach (var (key, value) in StorageNames.Unprefixed.TriggerSettings)
        {
            Assert.Equal(value, values[key.Replace(":", "__", StringComparison.Ordinal)]?.ToString());
        }
    }

    [Fact]
    public void RequiredOptions_AreSetByTheTemplate()
    {
        // Pmg:Services is validated on start (an empty list stops the host); the sender must be configured too.
        Assert.Contains($"Pmg__{nameof(PmgOptions.Services)}", TemplateSettings);
        Assert.Contains($"SendGrid__{nameof(SendGridOptions.ApiKey)}", TemplateSettings);
        Assert.Contains($"SendGrid__{nameof(SendGridOptions.FromEmail)}", TemplateSettings);
    }

    /// <summary>
    /// Every options class of the app's assemblies (Pmg.*, reachable from Pmg.Functions): a class with a public
    /// <c>const string SectionName</c>, the convention every Pmg options class follows.
    /// </summary>
    private static IEnumerable<(Type Options, string Section)> OptionsClasses() =>
        from assembly in PmgAssemblies()
        from type in assembly.GetTypes()
        let field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)
        where type.IsClass && field is { IsLiteral: true } && field.FieldType == typeof(string)
        select (type, (string)field.GetRawConstantValue()!);

    private static IEnumerable<Assembly> PmgAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(IngestForm).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(name => name.Name!.StartsWith("Pmg.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return seen.Values;
    }

    private static IEnumerable<string> OptionSettingNames() =>
        from entry in OptionsClasses()
        from property in entry.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.SetMethod is { IsPublic: true }
        select entry.Section.Replace(":", "__", StringComparison.Ordinal) + "__" + property.Name;

    private static IEnumerable<string> IdentitySettings(string connection) =>
        new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId" }
            .Select(suffix => $"{connection}__{suffix}");

    // The %settings% the queue and blob triggers name their queues and container with.
    private static IEnumerable<string> TriggerNameSettings() =>
        TriggerAttributeValues("QueueName").Concat(TriggerAttributeValues("BlobPath"))
            .SelectMany(value => SettingReference().Matches(value).Select(match => match.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> TriggerConnections() => TriggerAttributeValues("Connection").Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> TriggerAttributeValues(string propertyName) =>
        from type in typeof(IngestForm).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        from parameter in method.GetParameters()
        from attribute in parameter.GetCustomAttributes(inherit: false)
        let property = attribute.GetType().GetProperty(propertyName, typeof(string))
        let value = property?.GetValue(attribute) as string
        where !string.IsNullOrEmpty(value)
        select value;

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
