using System;
using System.Linq;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>Checks that relate fields of one body; they run after every field passed its own rule.</summary>
internal static class CrossFieldRules
{
    /// <summary>While <paramref name="condition"/> holds, <paramref name="field"/>, when given, must also satisfy <paramref name="rule"/>.</summary>
    public static Func<JsonElement, string?> When(Func<JsonElement, bool> condition, string reason, string field, JsonRule rule) =>
        body => condition(body) && body.Optional(field) is JsonElement value && rule.Check(value, field) is string problem
            ? $"{problem} {reason}"
            : null;

    /// <summary><paramref name="field"/> may only be given together with <paramref name="other"/>.</summary>
    public static Func<JsonElement, string?> Needs(string field, string other) =>
        body => body.Has(field) && !body.Has(other) ? $"invalid value for '{field}': must be used together with '{other}'" : null;

    /// <summary><paramref name="field"/> may not be given together with any of <paramref name="others"/>.</summary>
    public static Func<JsonElement, string?> Excludes(string field, params string[] others) =>
        body => body.Has(field) && others.FirstOrDefault(other => body.Has(other)) is string given
            ? $"invalid value for '{field}': cannot be combined with '{given}'"
            : null;
}
