using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pmg.Infra.Tests.Support;

/// <summary>A compiled ARM template with its nested module templates flattened into one list of resources.</summary>
public sealed partial class ArmTemplate
{
    private ArmTemplate(JsonObject root)
    {
        Root = root;
        var rootScope = new TemplateScope(root, Parent: null, ModuleParameters: null);
        var resources = new List<ArmResource>();
        Collect(rootScope, "", resources);
        Resources = resources;
    }

    /// <summary>The template JSON as bicep wrote it.</summary>
    public JsonObject Root { get; }

    /// <summary>Every resource declared (not merely referenced as existing), modules included, depth first.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>Parses bicep's ARM JSON output.</summary>
    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("The template is not a JSON object."));

    /// <summary>Resources of one type, e.g. Microsoft.Storage/storageAccounts.</summary>
    public IReadOnlyList<ArmResource> OfType(string type) =>
        [.. Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The single resource of a type; fails the test if there is not exactly one.</summary>
    public ArmResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>The module deployment main.bicep declares under a symbolic name.</summary>
    public ArmResource Module(string symbol) =>
        Resources.Single(resource => resource.Path == symbol && resource.Type == "Microsoft.Resources/deployments");

    /// <summary>Every output of every template, modules included, with the scope it is evaluated in.</summary>
    public IEnumerable<(string Path, JsonObject Output, TemplateScope Scope)> Outputs()
    {
        foreach (var scope in Scopes())
        {
            if (scope.Template["outputs"] is JsonObject outputs)
            {
                foreach (var (name, output) in outputs)
                {
                    yield return (name, output!.AsObject(), scope);
                }
            }
        }
    }

    private IEnumerable<TemplateScope> Scopes() =>
        Resources.Select(resource => resource.Scope).Distinct();

    private static void Collect(TemplateScope scope, string prefix, List<ArmResource> resources)
    {
        foreach (var (symbol, json) in Enumerate(scope.Template["resources"]))
        {
            if (json["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var path = prefix + symbol;
            var resource = new ArmResource(path, json, scope);
            resources.Add(resource);
            if (resource.Type == "Microsoft.Resources/deployments"
                && json["properties"]?["template"] is JsonObject nested)
            {
                var parameters = json["properties"]?["parameters"] as JsonObject;
                Collect(new TemplateScope(nested, scope, parameters), path + "/", resources);
            }
        }
    }

    private static IEnumerable<(string Symbol, JsonObject Json)> Enumerate(JsonNode? resources) => resources switch
    {
        JsonObject named => named.Select(pair => (pair.Key, pair.Value!.AsObject())),
        JsonArray list => list.Select((node, index) => (index.ToString(System.Globalization.CultureInfo.InvariantCulture), node!.AsObject())),
        _ => [],
    };
}

/// <summary>One resource of a compiled template and the template it was declared in.</summary>
public sealed record ArmResource(string Path, JsonObject Json, TemplateScope Scope)
{
    /// <summary>Resource type, e.g. Microsoft.Web/sites.</summary>
    public string Type => Json["type"]!.GetValue<string>();

    /// <summary>Name as written in the template: a literal or an ARM expression.</summary>
    public string Name => Json["name"]!.GetValue<string>();

    /// <summary>The properties object (empty when the resource has none).</summary>
    public JsonObject Properties => Json["properties"] as JsonObject ?? [];

    /// <summary>A property resolved through variables, parameter defaults and module parameters.</summary>
    public JsonNode? Resolved(params string[] path)
    {
        JsonNode? node = Json;
        foreach (var step in path)
        {
            node = Scope.Resolve(node?[step]);
        }

        return node;
    }

    /// <summary>The values a copy loop iterates over (`length(variables('x'))` or `length(parameters('x'))`).</summary>
    public IReadOnlyList<JsonNode?> LoopItems()
    {
        var count = Json["copy"]?["count"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{Path} is not a loop.");
        var match = TemplateScope.LengthOf().Match(count);
        Assert.True(match.Success, $"Loop count {count} is not length() of a variable or parameter.");
        var items = Scope.Resolve(JsonValue.Create($"[{match.Groups[1].Value}('{match.Groups[2].Value}')]"));
        return [.. items!.AsArray().Select(Scope.Resolve)];
    }
}

/// <summary>A template and, for a module, the parameter values its parent passes in.</summary>
public sealed partial record TemplateScope(JsonObject Template, TemplateScope? Parent, JsonObject? ModuleParameters)
{
    /// <summary>
    /// Resolves `[variables('x')]` and `[parameters('x')]` to what they stand for (module parameter, then default);
    /// any other expression comes back unchanged. Arrays resolve element by element.
    /// </summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            return new JsonArray([.. array.Select(item => Resolve(item)?.DeepClone())]);
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return node;
        }

        var match = Reference().Match(text);
        if (!match.Success)
        {
            return node;
        }

        var name = match.Groups[2].Value;
        if (match.Groups[1].Value == "variables")
        {
            return Resolve(Template["variables"]?[name]);
        }

        if (Parent is not null && ModuleParameters?[name] is JsonObject passed)
        {
            return Parent.Resolve(passed["value"]);
        }

        return Resolve(Template["parameters"]?[name]?["defaultValue"]);
    }

    /// <summary>Whether a parameter of this template is @secure().</summary>
    public bool IsSecureParameter(string name) =>
        Template["parameters"]?[name]?["type"]?.GetValue<string>() is { } type
        && type.StartsWith("secure", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\[(variables|parameters)\('([\w$#]+)'\)\]$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\[length\((variables|parameters)\('(\w+)'\)\)\]$")]
    internal static partial Regex LengthOf();
}
