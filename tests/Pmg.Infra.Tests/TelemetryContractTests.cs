using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pmg.Functions;
using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>
/// The alert and workbook queries read what the app really logs: every EventName is a [LoggerMessage] of the app (or
/// is listed in docs/operations.md as telemetry still to be added), every property a query reads is a placeholder of
/// those events' message templates, and every function a query names is a function of the app.
/// </summary>
public sealed partial class TelemetryContractTests
{
    private static readonly string QueriesDirectory = Path.Combine(BicepCli.RepositoryRoot, "infra", "queries");
    private static readonly string OperationsDoc = Path.Combine(BicepCli.RepositoryRoot, "docs", "operations.md");

    /// <summary>Every [LoggerMessage] of the app's assemblies: EventName → (method, message template).</summary>
    private static readonly IReadOnlyDictionary<string, (string Method, string Message)> LoggedEvents = LoadLoggedEvents();

    private static readonly string[] QueryFileNames =
        [.. Directory.EnumerateFiles(QueriesDirectory, "*.kql").Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> QueryFiles() => [.. QueryFileNames];

    [Fact]
    public void LoggedEvents_AppAssemblies_AreFound()
    {
        Assert.Equal("Form blob {BlobName} (ETag {ETag}) failed on every attempt; recording it as failed", LoggedEvents["FormPoisoned"].Message);
        Assert.Equal("Refused {BlobName} as submission {SubmissionId}: {Codes}", LoggedEvents["IngestionRefused"].Message);
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void Query_EventNames_AreLoggedByTheAppOrDocumentedAsToBeAdded(string file)
    {
        var query = ReadQuery(file);
        var documented = DocumentedTelemetry();

        Assert.All(EventNames(query), name => Assert.True(
            LoggedEvents.ContainsKey(name) || documented.TryGetValue(name, out var row) && row.Status == "to be added",
            $"{file} reads the event {name}, which the app does not log and docs/operations.md does not list as to be added."));
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void Query_Properties_ArePlaceholdersOfEveryEventItReads(string file)
    {
        var query = ReadQuery(file);
        var documented = DocumentedTelemetry();

        foreach (var name in EventNames(query))
        {
            // An event neither logged nor documented fails Query_EventNames_AreLoggedByTheAppOrDocumentedAsToBeAdded.
            IReadOnlyCollection<string> available = LoggedEvents.TryGetValue(name, out var logged)
                ? [.. Placeholder().Matches(logged.Message).Select(match => match.Groups[1].Value)]
                : documented.TryGetValue(name, out var row) ? row.Properties : [];
            Assert.All(Properties(query), property => Assert.True(
                available.Contains(property),
                $"{file} reads customDimensions.{property} of {name}, whose message has only {string.Join(", ", available)}."));
        }
    }

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void Query_FunctionNames_AreFunctionsOfTheApp(string file)
    {
        var functions = typeof(IngestForm).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(
            FunctionNames().Matches(ReadQuery(file)).Select(match => match.Groups[1].Value),
            name => Assert.Contains(name, functions));
    }

    [Fact]
    public void Queries_EveryFile_IsDeployedByATemplate()
    {
        var modules = Directory.EnumerateFiles(Path.Combine(BicepCli.RepositoryRoot, "infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .ToArray();

        Assert.All(
            QueryFileNames,
            file => Assert.Contains(modules, module => module.Contains($"loadTextContent('../queries/{file}')", StringComparison.Ordinal)));
    }

    [Fact]
    public void TelemetryDoc_Rows_MatchWhatTheAppLogsAndWhatTheQueriesRead()
    {
        var documented = DocumentedTelemetry();
        var read = QueryFileNames.SelectMany(file => EventNames(ReadQuery(file))).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(read.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(documented, row =>
        {
            if (row.Value.Status == "exists")
            {
                Assert.True(LoggedEvents.TryGetValue(row.Key, out var logged), $"docs/operations.md says {row.Key} exists; the app does not log it.");
                Assert.EndsWith("." + logged.Method, row.Value.LoggedBy, StringComparison.Ordinal);
            }
            else
            {
                // Once the app logs it, the row must say so (and name the method): update docs/operations.md.
                Assert.False(LoggedEvents.ContainsKey(row.Key), $"{row.Key} is logged now: mark it 'exists' in docs/operations.md.");
            }
        });
    }

    [Fact]
    public void TelemetryDoc_PoisonQueueLength_IsSpecifiedWithItsProperties()
    {
        var row = DocumentedTelemetry()["PoisonQueueLength"];

        Assert.Equal(["Queue", "Length"], row.Properties);
        Assert.Equal("exists", row.Status);
    }

    private static string ReadQuery(string file) => File.ReadAllText(Path.Combine(QueriesDirectory, file));

    private static string[] EventNames(string query) =>
        [.. EventNameCondition().Matches(query)
            .SelectMany(match => QuotedName().Matches(match.Groups[1].Value + match.Groups[2].Value))
            .Select(match => match.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)];

    private static string[] Properties(string query) =>
        [.. CustomDimension().Matches(query)
            .Select(match => match.Groups[1].Value)
            .Where(name => name != "EventName")
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The table under "Telemetry the alerts rely on" in docs/operations.md.</summary>
    private static Dictionary<string, DocumentedEvent> DocumentedTelemetry()
    {
        var text = File.ReadAllText(OperationsDoc);
        var section = text[text.IndexOf("## Telemetry the alerts rely on", StringComparison.Ordinal)..];
        var next = section.IndexOf("\n## ", 1, StringComparison.Ordinal);
        section = next < 0 ? section : section[..next];
        return TelemetryRow().Matches(section).ToDictionary(
            match => match.Groups["name"].Value,
            match => new DocumentedEvent(
                match.Groups["by"].Value.Trim('`', ' '),
                [.. BacktickedName().Matches(match.Groups["properties"].Value).Select(name => name.Groups[1].Value)],
                match.Groups["status"].Value),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, (string Method, string Message)> LoadLoggedEvents()
    {
        var events = new Dictionary<string, (string Method, string Message)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(IngestForm).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var method in assembly.GetTypes().SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { EventName: { Length: > 0 } name } attribute)
                {
                    Assert.True(events.TryAdd(name, (method.Name, attribute.Message)), $"Two log messages are named {name}.");
                }
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(reference => reference.Name!.StartsWith("Pmg.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return events;
    }

    private sealed record DocumentedEvent(string LoggedBy, string[] Properties, string Status);

    // customDimensions.EventName) == "X", EventName in ("A", "B"), countif(EventName == "X").
    [GeneratedRegex(@"EventName\)?\s*(?:==\s*(""\w+"")|in\s*\(([^)]*)\))")]
    private static partial Regex EventNameCondition();

    [GeneratedRegex(@"""(\w+)""")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"customDimensions\.(\w+)")]
    private static partial Regex CustomDimension();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bname == ""(\w+)""")]
    private static partial Regex FunctionNames();

    [GeneratedRegex(@"^\| `(?<name>\w+)` \| (?<by>[^|]+) \| (?<properties>[^|]+) \| (?<status>exists|to be added) \|$", RegexOptions.Multiline)]
    private static partial Regex TelemetryRow();

    [GeneratedRegex(@"`(\w+)`")]
    private static partial Regex BacktickedName();
}
