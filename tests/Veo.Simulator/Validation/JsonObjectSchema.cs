using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>A field of a JSON object and the rule its value must satisfy.</summary>
internal sealed record JsonField(string Name, JsonRule Rule, bool Required = false)
{
    /// <summary>The error code the provider gives when this field's value is invalid, when it has one of its own.</summary>
    public string? InvalidCode { get; init; }
}

/// <summary>The first problem found in a JSON object: a message naming the field, and the field's own error code if any.</summary>
internal sealed record SchemaProblem(string Message, string? Code = null);

/// <summary>
/// A closed JSON object: unknown fields, missing required fields and invalid values are rejected.
/// A null value counts as absent, like the Go/protobuf JSON decoders these providers run on.
/// </summary>
internal sealed class JsonObjectSchema
{
    private readonly IReadOnlyList<JsonField> _fields;
    private readonly IReadOnlyList<Func<JsonElement, string?>> _crossFieldChecks;

    public JsonObjectSchema(IEnumerable<JsonField> fields, params Func<JsonElement, string?>[] crossFieldChecks)
    {
        _fields = fields.ToArray();
        _crossFieldChecks = crossFieldChecks;
    }

    /// <summary>Returns the first problem found, naming the field, or null when the value is acceptable.</summary>
    public string? Validate(JsonElement value, string path = "") => Diagnose(value, path)?.Message;

    /// <summary>Like <see cref="Validate"/>, with the failing field's own error code.</summary>
    public SchemaProblem? Diagnose(JsonElement value, string path = "")
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return new SchemaProblem(path.Length == 0 ? "request body must be a JSON object" : $"invalid value for '{path}': must be an object");
        }

        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (!_fields.Any(field => field.Name == property.Name))
            {
                return new SchemaProblem($"unknown field '{Child(path, property.Name)}'");
            }
        }

        foreach (JsonField field in _fields)
        {
            string fieldPath = Child(path, field.Name);
            if (value.Optional(field.Name) is not JsonElement fieldValue)
            {
                if (field.Required)
                {
                    return new SchemaProblem($"missing required field '{fieldPath}'");
                }

                continue;
            }

            if (field.Rule.Check(fieldValue, fieldPath) is string problem)
            {
                return new SchemaProblem(problem, field.InvalidCode);
            }
        }

        return _crossFieldChecks.Select(check => check(value)).FirstOrDefault(problem => problem is not null) is string combination
            ? new SchemaProblem(combination)
            : null;
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
