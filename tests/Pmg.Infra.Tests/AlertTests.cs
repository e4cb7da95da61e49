using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using NCrontab;
using Pmg.Functions;
using Pmg.Infra.Tests.Support;

namespace Pmg.Infra.Tests;

/// <summary>Ops hear about every failure of issue 10: each alert exists, fires on its signal and e-mails ops.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class AlertTests(CompiledInfraFixture infra)
{
    private IReadOnlyList<AlertRule> Rules => AlertRule.All(infra.Template);

    private ArmResource ActionGroup => infra.Template.Single("Microsoft.Insights/actionGroups");

    [Fact]
    public void ActionGroup_EmailReceiver_IsTheOpsEmailParameter()
    {
        var group = Assert.Single(AlertRule.Instances(ActionGroup));
        var receiver = Assert.Single(group["properties"]!["emailReceivers"]!.AsArray())!;

        Assert.Equal("parameters('opsEmail')", receiver["emailAddress"]!.GetValue<string>());
        Assert.True(receiver["useCommonAlertSchema"]!.GetValue<bool>());
        Assert.True(group["properties"]!["enabled"]!.GetValue<bool>());
        Assert.InRange(group["properties"]!["groupShortName"]!.GetValue<string>().Length, 1, 12);
        Assert.True(infra.Template.Root["parameters"]!["opsEmail"]!["defaultValue"] is null, "opsEmail must be given, never defaulted.");
    }

    [Fact]
    public void RequiredAlerts_EachSignal_HasOneEnabledRuleThatEmailsOps()
    {
        var opsGroup = AlertRule.ActionGroupId(ActionGroup);

        Assert.All(InfraPolicy.RequiredAlerts, required =>
        {
            var rule = Assert.Single(Rules, rule => required.Matches(rule));
            Assert.True(rule.Enabled, rule.Name);
            Assert.Equal((required.Operator, required.Threshold), (rule.Operator, rule.Threshold));
            Assert.Equal([opsGroup], rule.ActionGroups);
        });
        Assert.Equal(InfraPolicy.RequiredAlerts.Count, Rules.Count);
    }

    [Theory]
    [InlineData("DeadLetteredCount", 1)]
    [InlineData("DroppedEventCount", 0)]
    [InlineData("DeliveryAttemptFailCount", 2)]
    public void EventGridAlert_OnTheSystemTopic_FiresOnAnyEventInFifteenMinutes(string metric, int severity)
    {
        var rule = Assert.Single(Rules, candidate => candidate.Signal == $"Microsoft.EventGrid/systemTopics/{metric}");
        var module = infra.Template.Module("alerts");

        Assert.False(rule.IsLogAlert);
        Assert.Equal(("Total", "GreaterThan", 0d), (rule.Aggregation, rule.Operator, rule.Threshold));
        Assert.Equal(("PT15M", "PT5M"), (rule.WindowSize, rule.EvaluationFrequency));
        Assert.Equal(severity, rule.Severity);
        Assert.StartsWith("resourceId('Microsoft.EventGrid/systemTopics', ", Assert.Single(rule.Scopes), StringComparison.Ordinal);
        Assert.Equal("[reference('eventGrid').outputs.name.value]", module.Resolved("properties", "parameters", "systemTopicName", "value")!.GetValue<string>());
    }

    [Fact]
    public void PoisonMessages_Alert_CountsEveryPoisonedFormAndNotificationPerEvent()
    {
        var rule = Assert.Single(Rules, candidate => candidate.Name.EndsWith("-poison-messages", StringComparison.Ordinal));

        Assert.Equal(("Occurrences", "Total", "GreaterThan", 0d), (rule.MeasureColumn, rule.Aggregation, rule.Operator, rule.Threshold));
        Assert.Equal(["EventName"], rule.Dimensions);
        Assert.Equal(1, rule.Severity);
        Assert.Contains("in (\"FormPoisoned\", \"IngestionFailed\", \"NotificationPoisoned\")", rule.Signal, StringComparison.Ordinal);
    }

    [Fact]
    public void PoisonQueueAlert_LatestLengthPerQueue_FiresAboveZero()
    {
        var rule = Assert.Single(Rules, candidate => candidate.Name.EndsWith("-poison-queue-not-empty", StringComparison.Ordinal));

        Assert.Equal(("Length", "Maximum", "GreaterThan", 0d), (rule.MeasureColumn, rule.Aggregation, rule.Operator, rule.Threshold));
        Assert.Equal(["Queue"], rule.Dimensions);
        Assert.Contains("summarize arg_max(timestamp, Length) by Queue", rule.Signal, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionFailures_Alert_SplitsByFunctionAndIgnoresClientErrors()
    {
        var rule = Assert.Single(Rules, candidate => candidate.Name.EndsWith("-function-failures", StringComparison.Ordinal));

        Assert.Equal(["FunctionName"], rule.Dimensions);
        Assert.Contains("| where resultCode == \"0\" or isempty(resultCode) or toint(resultCode) >= 500", rule.Signal, StringComparison.Ordinal);
        Assert.Equal(("PT15M", "PT15M"), (rule.WindowSize, rule.EvaluationFrequency));
    }

    [Fact]
    public void RecalculationMissed_DefaultPeriod_IsTheDefaultSchedulesLongestGap()
    {
        var schedule = Settings()["Pmg__RecalculationSchedule"];
        var period = LongestGap(schedule);

        Assert.Equal(TimeSpan.FromMinutes(60), period);
        Assert.Equal(60, infra.Template.Root["parameters"]!["recalculationPeriodMinutes"]!["defaultValue"]!.GetValue<int>());
    }

    [Fact]
    public void RecalculationMissed_Alert_FiresWithoutASuccessfulRunInTwoPeriods()
    {
        var rule = Assert.Single(Rules, candidate => candidate.Name.EndsWith("-recalculation-missed", StringComparison.Ordinal));

        Assert.StartsWith("// Successful runs", rule.Signal, StringComparison.Ordinal);
        Assert.Contains("let period = 60m;\nrequests\n| where timestamp > ago(2 * period)\n| where name == \"RecalculateCompliance\" and success == true\n| summarize SuccessfulRuns = count()", rule.Signal, StringComparison.Ordinal);
        Assert.Equal(("SuccessfulRuns", "Total", "LessThan", 1d), (rule.MeasureColumn, rule.Aggregation, rule.Operator, rule.Threshold));
        Assert.Empty(rule.Dimensions);
        // Log alerts look back at most two days: enough for two periods of the longest schedule allowed (daily).
        Assert.Equal("P2D", rule.WindowSize);
        Assert.Equal(1440, infra.Template.Root["parameters"]!["recalculationPeriodMinutes"]!["maxValue"]!.GetValue<int>());
    }

    [Fact]
    public void RecalculationMissed_DailySchedule_QueryLooksBackTwoDays()
    {
        var daily = WithParameterDefault("recalculationPeriodMinutes", 1440);

        var rule = Assert.Single(AlertRule.All(daily), candidate => candidate.Name.EndsWith("-recalculation-missed", StringComparison.Ordinal));

        Assert.Contains("let period = 1440m;\n", rule.Signal, StringComparison.Ordinal);
        Assert.DoesNotContain("60m", rule.Signal, StringComparison.Ordinal);
    }

    [Fact]
    public void RecalculationMissed_Function_IsTheTimerOnTheScheduleSetting()
    {
        var method = typeof(RecalculateCompliance).GetMethods()
            .Single(candidate => candidate.GetCustomAttribute<FunctionAttribute>()?.Name == "RecalculateCompliance");
        var timer = method.GetParameters().Select(parameter => parameter.GetCustomAttribute<TimerTriggerAttribute>()).Single(attribute => attribute is not null)!;

        Assert.Equal("%Pmg:RecalculationSchedule%", timer.Schedule);
    }

    [Fact]
    public void LogAlerts_Queries_AreTheFilesOpsCanRunInInfraQueries()
    {
        var files = Directory.EnumerateFiles(Path.Combine(BicepCli.RepositoryRoot, "infra", "queries"), "*.kql")
            .Select(File.ReadAllText)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Rules.Where(rule => rule.IsLogAlert), rule => Assert.Contains(rule.Signal, files));
    }

    [Fact]
    public void DailyCapAlert_Scope_IsTheWorkspace()
    {
        var rule = Assert.Single(Rules, candidate => candidate.Name.EndsWith("-daily-cap-reached", StringComparison.Ordinal));

        Assert.StartsWith("resourceId('Microsoft.OperationalInsights/workspaces', ", Assert.Single(rule.Scopes), StringComparison.Ordinal);
        Assert.All(
            Rules.Where(other => other.IsLogAlert && other.Name != rule.Name),
            other => Assert.StartsWith("resourceId('Microsoft.Insights/components', ", Assert.Single(other.Scopes), StringComparison.Ordinal));
    }

    [Fact]
    public void Workbook_Queries_ReadRefusalsPerRegionFromTheAppInsightsComponent()
    {
        var workbook = Assert.Single(AlertRule.Instances(infra.Template.Single("Microsoft.Insights/workbooks")));
        var content = JsonNode.Parse(workbook["properties"]!["serializedData"]!.GetValue<string>())!;
        var queries = content["items"]!.AsArray()
            .Where(item => item!["type"]!.GetValue<int>() == 3)
            .ToDictionary(item => item!["name"]!.GetValue<string>(), item => item!["content"]!["query"]!.GetValue<string>());

        Assert.Equal(["refusals-per-region", "refusal-codes-per-region", "uploads-per-region"], queries.Keys.ToArray());
        Assert.Contains("summarize Refusals = count() by Service = tostring(Path[0]), Year = tostring(Path[1]), Region = tostring(Path[2])", queries["refusals-per-region"], StringComparison.Ordinal);
        Assert.Equal("shared", workbook["kind"]!.GetValue<string>());
        Assert.StartsWith("resourceId('Microsoft.Insights/components', ", workbook["properties"]!["sourceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            workbook["properties"]!["sourceId"]!.GetValue<string>(),
            content["fallbackResourceIds"]![0]!.GetValue<string>());
    }

    private IReadOnlyDictionary<string, string> Settings()
    {
        var main = infra.Template.Module("functionApp").Scope;
        return InfraPolicy.AppSettings(infra.Template)
            .ToDictionary(pair => pair.Key, pair => ArmExpression.Text(pair.Value, main), StringComparer.Ordinal);
    }

    private ArmTemplate WithParameterDefault(string parameter, int value)
    {
        var root = infra.Template.Root.DeepClone().AsObject();
        root["parameters"]![parameter]!["defaultValue"] = value;
        return ArmTemplate.Parse(root.ToJsonString());
    }

    /// <summary>The longest time between two consecutive occurrences of an NCRONTAB schedule over a week.</summary>
    private static TimeSpan LongestGap(string schedule)
    {
        var parsed = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var start = new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc);
        var occurrences = parsed.GetNextOccurrences(start, start.AddDays(7)).ToList();
        return occurrences.Zip(occurrences.Skip(1), (earlier, later) => later - earlier).Max();
    }
}
