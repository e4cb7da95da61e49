using System.Text.Json.Nodes;

namespace Pmg.Infra.Tests.Support;

/// <summary>
/// One alert rule as it will be deployed (copy loops expanded, expressions evaluated): a log alert over a query or a
/// metric alert over a platform metric, with its condition and the action groups it notifies.
/// </summary>
public sealed record AlertRule(
    string Name,
    bool IsLogAlert,
    bool Enabled,
    int Severity,
    string Signal,
    string Operator,
    double Threshold,
    string Aggregation,
    string? MeasureColumn,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> ActionGroups,
    string WindowSize,
    string EvaluationFrequency)
{
    /// <summary>Every log and metric alert rule the template deploys.</summary>
    public static IReadOnlyList<AlertRule> All(ArmTemplate template)
    {
        var rules = new List<AlertRule>();
        foreach (var resource in template.OfType("Microsoft.Insights/scheduledQueryRules"))
        {
            rules.AddRange(Instances(resource).Select(FromLogAlert));
        }

        foreach (var resource in template.OfType("Microsoft.Insights/metricAlerts"))
        {
            rules.AddRange(Instances(resource).Select(FromMetricAlert));
        }

        return rules;
    }

    /// <summary>The ARM id expression of an action group resource, as rules referencing it evaluate to.</summary>
    public static string ActionGroupId(ArmResource actionGroup) =>
        $"resourceId('Microsoft.Insights/actionGroups', '{ArmExpression.Text(actionGroup.Json["name"], actionGroup.Scope).Replace("'", "''", StringComparison.Ordinal)}')";

    /// <summary>The resource's JSON once per copy-loop iteration (once if it is no loop), expressions evaluated.</summary>
    public static IEnumerable<JsonObject> Instances(ArmResource resource)
    {
        if (resource.Json["copy"]?["count"] is { } count)
        {
            var instances = ArmExpression.Evaluate(count, resource.Scope)!.GetValue<int>();
            for (var index = 0; index < instances; index++)
            {
                yield return ArmExpression.Evaluate(resource.Json, resource.Scope, index)!.AsObject();
            }
        }
        else
        {
            yield return ArmExpression.Evaluate(resource.Json, resource.Scope)!.AsObject();
        }
    }

    private static AlertRule FromLogAlert(JsonObject json)
    {
        var properties = json["properties"]!;
        var criterion = Assert.Single(properties["criteria"]!["allOf"]!.AsArray())!;
        return new AlertRule(
            Text(json["name"]),
            IsLogAlert: true,
            properties["enabled"]!.GetValue<bool>(),
            properties["severity"]!.GetValue<int>(),
            Signal: Text(criterion["query"]),
            Text(criterion["operator"]),
            criterion["threshold"]!.GetValue<double>(),
            Text(criterion["timeAggregation"]),
            criterion["metricMeasureColumn"]?.GetValue<string>(),
            [.. (criterion["dimensions"]?.AsArray() ?? []).Select(dimension => Text(dimension!["name"]))],
            [.. properties["scopes"]!.AsArray().Select(Text)],
            [.. (properties["actions"]?["actionGroups"]?.AsArray() ?? []).Select(Text)],
            Text(properties["windowSize"]),
            Text(properties["evaluationFrequency"]));
    }

    private static AlertRule FromMetricAlert(JsonObject json)
    {
        var properties = json["properties"]!;
        var criterion = Assert.Single(properties["criteria"]!["allOf"]!.AsArray())!;
        return new AlertRule(
            Text(json["name"]),
            IsLogAlert: false,
            properties["enabled"]!.GetValue<bool>(),
            properties["severity"]!.GetValue<int>(),
            Signal: $"{Text(criterion["metricNamespace"])}/{Text(criterion["metricName"])}",
            Text(criterion["operator"]),
            criterion["threshold"]!.GetValue<double>(),
            Text(criterion["timeAggregation"]),
            MeasureColumn: null,
            Dimensions: [],
            [.. properties["scopes"]!.AsArray().Select(Text)],
            [.. (properties["actions"]?.AsArray() ?? []).Select(action => Text(action!["actionGroupId"]))],
            Text(properties["windowSize"]),
            Text(properties["evaluationFrequency"]));
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
