using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pmg.Infra.Tests.Support;

/// <summary>
/// Evaluates the ARM template expressions bicep emits, as far as they can be known before deployment: variables,
/// parameters (through module parameters to their defaults), copyIndex(), string and collection functions, property
/// and index access. What only Azure knows (reference(), resourceId(), uniqueString(), ...) comes back as its
/// expression text with the known parts filled in, so two references to the same resource compare equal.
/// </summary>
public static class ArmExpression
{
    /// <summary>Evaluates every expression inside a JSON value (strings starting with '['), recursively.</summary>
    public static JsonNode? Evaluate(JsonNode? node, TemplateScope scope, int? copyIndex = null) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, Evaluate(pair.Value, scope, copyIndex)))),
        JsonArray array => new JsonArray([.. array.Select(item => Evaluate(item, scope, copyIndex))]),
        JsonValue value when value.TryGetValue<string>(out var text) && IsExpression(text) =>
            new Parser(text[1..^1], scope, copyIndex).ParseWhole(),
        JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith("[[", StringComparison.Ordinal) =>
            JsonValue.Create(text[1..]),
        _ => node?.DeepClone(),
    };

    /// <summary>Evaluates a value and returns it as text (an opaque expression stays its text).</summary>
    public static string Text(JsonNode? node, TemplateScope scope, int? copyIndex = null) =>
        AsText(Evaluate(node, scope, copyIndex));

    private static bool IsExpression(string text) =>
        text.Length > 1 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    private static string AsText(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "True" : "False",
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>A value Azure computes at deployment; its text is the expression with known arguments substituted.</summary>
    private sealed record Opaque(string Text);

    private sealed class Parser(string source, TemplateScope scope, int? copyIndex)
    {
        private int position;

        public JsonNode? ParseWhole()
        {
            var result = ParseExpression();
            SkipSpace();
            if (position != source.Length)
            {
                throw new FormatException($"Unexpected '{source[position..]}' in [{source}].");
            }

            return ToJson(result);
        }

        private object? ParseExpression()
        {
            SkipSpace();
            object? value;
            if (Peek() == '\'')
            {
                value = JsonValue.Create(ReadString());
            }
            else if (Peek() == '-' || char.IsDigit(Peek()))
            {
                value = JsonValue.Create(ReadInteger());
            }
            else
            {
                var name = ReadIdentifier();
                while (Peek() == '.')
                {
                    // A user-defined function is called by its namespace: __bicep.name(...).
                    position++;
                    name += "." + ReadIdentifier();
                }

                if (name is "true" or "false")
                {
                    value = JsonValue.Create(name == "true");
                }
                else if (name == "null")
                {
                    value = null;
                }
                else
                {
                    Expect('(');
                    var arguments = new List<object?>();
                    SkipSpace();
                    if (Peek() != ')')
                    {
                        do
                        {
                            arguments.Add(ParseExpression());
                            SkipSpace();
                        }
                        while (TryConsume(','));
                    }

                    Expect(')');
                    value = Call(name, arguments);
                }
            }

            return ParseAccessors(value);
        }

        private object? ParseAccessors(object? value)
        {
            while (true)
            {
                SkipSpace();
                if (TryConsume('.'))
                {
                    var property = ReadIdentifier();
                    value = value switch
                    {
                        JsonObject obj => obj[property]?.DeepClone(),
                        Opaque opaque => new Opaque($"{opaque.Text}.{property}"),
                        _ => throw new FormatException($"Cannot read .{property} of {Describe(value)} in [{source}]."),
                    };
                }
                else if (TryConsume('['))
                {
                    var index = ParseExpression();
                    Expect(']');
                    value = (value, index) switch
                    {
                        (JsonArray array, JsonValue i) when i.TryGetValue<int>(out var n) => array[n]?.DeepClone(),
                        (JsonObject obj, JsonValue key) when key.TryGetValue<string>(out var k) => obj[k]?.DeepClone(),
                        (Opaque opaque, _) => new Opaque($"{opaque.Text}[{Render(index)}]"),
                        (_, Opaque opaqueIndex) => new Opaque($"{Render(value)}[{opaqueIndex.Text}]"),
                        _ => throw new FormatException($"Cannot index {Describe(value)} with {Describe(index)} in [{source}]."),
                    };
                }
                else
                {
                    return value;
                }
            }
        }

        private object? Call(string name, List<object?> arguments)
        {
            if (arguments.Any(argument => argument is Opaque) && !IsLazy(name))
            {
                return new Opaque($"{name}({string.Join(", ", arguments.Select(Render))})");
            }

            switch (name)
            {
                case "variables":
                    return Evaluate(scope.Template["variables"]?[Name(arguments)], scope, copyIndex);
                case "parameters":
                    return Parameter(Name(arguments));
                case "copyIndex":
                    return copyIndex is { } index
                        ? JsonValue.Create(index + (arguments.Count > 0 && arguments[^1] is JsonValue offset && offset.TryGetValue<int>(out var o) ? o : 0))
                        : new Opaque("copyIndex()");
                case "format":
                    return JsonValue.Create(Format(AsText(ToJson(arguments[0])), arguments.Skip(1).Select(argument => AsText(ToJson(argument))).ToArray()));
                case "replace":
                    return JsonValue.Create(AsText(ToJson(arguments[0])).Replace(AsText(ToJson(arguments[1])), AsText(ToJson(arguments[2])), StringComparison.Ordinal));
                case "concat":
                    return JsonValue.Create(string.Concat(arguments.Select(argument => AsText(ToJson(argument)))));
                case "string":
                    return JsonValue.Create(arguments[0] is JsonNode node && node is not JsonValue ? node.ToJsonString() : AsText(ToJson(arguments[0])));
                case "toLower":
                    return JsonValue.Create(AsText(ToJson(arguments[0])).ToLowerInvariant());
                case "empty":
                    return JsonValue.Create(IsEmpty(arguments[0]));
                case "not":
                    return JsonValue.Create(!Truth(arguments[0]));
                case "equals":
                    return JsonValue.Create(JsonNode.DeepEquals(ToJson(arguments[0]), ToJson(arguments[1])));
                case "if":
                    return arguments[0] is Opaque condition
                        ? new Opaque($"if({condition.Text}, {Render(arguments[1])}, {Render(arguments[2])})")
                        : Truth(arguments[0]) ? arguments[1] : arguments[2];
                case "length":
                    return JsonValue.Create(ToJson(arguments[0]) switch
                    {
                        JsonArray array => array.Count,
                        JsonObject obj => obj.Count,
                        var other => AsText(other).Length,
                    });
                case "createArray":
                    return new JsonArray([.. arguments.Select(ToJson)]);
                case "createObject":
                    var created = new JsonObject();
                    for (var i = 0; i < arguments.Count; i += 2)
                    {
                        created[AsText(ToJson(arguments[i]))] = ToJson(arguments[i + 1]);
                    }

                    return created;
                default:
                    return name.Contains('.', StringComparison.Ordinal)
                        ? CallUserFunction(name, arguments)
                        : new Opaque($"{name}({string.Join(", ", arguments.Select(Render))})");
            }
        }

        /// <summary>Evaluates a bicep func: its output expression with its parameters bound to the arguments.</summary>
        private JsonNode? CallUserFunction(string qualifiedName, List<object?> arguments)
        {
            var separator = qualifiedName.LastIndexOf('.');
            var (space, member) = (qualifiedName[..separator], qualifiedName[(separator + 1)..]);
            var function = scope.Template["functions"]?.AsArray()
                .Select(node => node!.AsObject())
                .Where(node => node["namespace"]?.GetValue<string>() == space)
                .Select(node => node["members"]?[member])
                .SingleOrDefault(node => node is not null)
                ?? throw new FormatException($"Function {qualifiedName} is not defined in the template.");
            var parameters = new JsonObject();
            foreach (var (declared, argument) in function["parameters"]!.AsArray().Zip(arguments))
            {
                parameters[declared!["name"]!.GetValue<string>()] = new JsonObject { ["defaultValue"] = Literal(ToJson(argument)) };
            }

            var body = new TemplateScope(new JsonObject { ["parameters"] = parameters }, Parent: null, ModuleParameters: null);
            return Evaluate(function["output"]!["value"], body);
        }

        // An evaluated value becomes a default value that evaluates to itself: a leading '[' is escaped as '[['.
        private static JsonNode? Literal(JsonNode? value) => value switch
        {
            JsonValue text when text.TryGetValue<string>(out var s) && s.StartsWith('[') => JsonValue.Create("[" + s),
            JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, Literal(pair.Value)))),
            JsonArray array => new JsonArray([.. array.Select(Literal)]),
            _ => value?.DeepClone(),
        };

        private object? Parameter(string name)
        {
            if (scope.Parent is not null && scope.ModuleParameters?[name] is JsonObject passed)
            {
                return Evaluate(passed["value"], scope.Parent, copyIndex: null);
            }

            return scope.Template["parameters"]?[name]?["defaultValue"] is { } defaultValue
                ? Evaluate(defaultValue, scope, copyIndex)
                : new Opaque($"parameters('{name}')");
        }

        private static bool IsLazy(string name) => name == "if";

        private static string Name(List<object?> arguments) => AsText(ToJson(arguments[0]));

        private static bool IsEmpty(object? value) => ToJson(value) switch
        {
            null => true,
            JsonArray array => array.Count == 0,
            JsonObject obj => obj.Count == 0,
            var other => AsText(other).Length == 0,
        };

        private static bool Truth(object? value) =>
            ToJson(value) is JsonValue flag && flag.TryGetValue<bool>(out var result)
                ? result
                : throw new FormatException($"{Describe(value)} is not a boolean.");

        private static JsonNode? ToJson(object? value) => value switch
        {
            Opaque opaque => JsonValue.Create(opaque.Text),
            JsonNode node => node,
            null => null,
            _ => throw new InvalidOperationException($"Unexpected value {value}."),
        };

        private static string Render(object? value) => value switch
        {
            Opaque opaque => opaque.Text,
            JsonValue text when text.TryGetValue<string>(out var s) => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
            null => "null",
            JsonNode node => node.ToJsonString(),
            _ => value.ToString() ?? "",
        };

        private static string Describe(object? value) => value switch
        {
            null => "null",
            Opaque opaque => opaque.Text,
            JsonNode node => node.ToJsonString(),
            _ => value.ToString() ?? "",
        };

        private static string Format(string template, string[] arguments)
        {
            var result = new StringBuilder();
            for (var i = 0; i < template.Length; i++)
            {
                var c = template[i];
                if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
                {
                    result.Append('{');
                    i++;
                }
                else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
                {
                    result.Append('}');
                    i++;
                }
                else if (c == '{')
                {
                    var end = template.IndexOf('}', i);
                    var index = int.Parse(template[(i + 1)..end], CultureInfo.InvariantCulture);
                    result.Append(arguments[index]);
                    i = end;
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        private string ReadString()
        {
            Expect('\'');
            var text = new StringBuilder();
            while (true)
            {
                if (position >= source.Length)
                {
                    throw new FormatException($"Unterminated string in [{source}].");
                }

                var c = source[position++];
                if (c == '\'')
                {
                    if (Peek() == '\'')
                    {
                        text.Append('\'');
                        position++;
                        continue;
                    }

                    return text.ToString();
                }

                text.Append(c);
            }
        }

        private int ReadInteger()
        {
            var start = position;
            if (Peek() == '-')
            {
                position++;
            }

            while (char.IsDigit(Peek()))
            {
                position++;
            }

            return int.Parse(source[start..position], CultureInfo.InvariantCulture);
        }

        private string ReadIdentifier()
        {
            SkipSpace();
            var start = position;
            while (position < source.Length && (char.IsLetterOrDigit(source[position]) || source[position] is '_' or '$' or '#'))
            {
                position++;
            }

            if (start == position)
            {
                throw new FormatException($"Expected a name at {position} in [{source}].");
            }

            return source[start..position];
        }

        private char Peek() => position < source.Length ? source[position] : '\0';

        private void SkipSpace()
        {
            while (position < source.Length && char.IsWhiteSpace(source[position]))
            {
                position++;
            }
        }

        private bool TryConsume(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                return false;
            }

            position++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw new FormatException($"Expected '{c}' at {position} in [{source}].");
            }
        }
    }
}
