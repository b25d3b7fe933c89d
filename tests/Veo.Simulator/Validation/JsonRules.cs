using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>The value rules provider schemas are built from.</summary>
internal static class JsonRules
{
    public static JsonRule AnyString { get; } = new StringRule(allowEmpty: true);

    public static JsonRule NonEmptyString { get; } = new StringRule(allowEmpty: false);

    public static JsonRule Boolean { get; } = new BooleanRule(onlyTrue: false);

    /// <summary>A boolean that may only be true, for switches a model cannot turn off.</summary>
    public static JsonRule True { get; } = new BooleanRule(onlyTrue: true);

    /// <summary>An http(s) URL or raw base64 of a JPEG/PNG.</summary>
    public static JsonRule Image { get; } = new MediaRule(MediaKind.Image, acceptUrl: true, acceptBase64: true);

    /// <summary>An http(s) URL of an image.</summary>
    public static JsonRule ImageUrl { get; } = new MediaRule(MediaKind.Image, acceptUrl: true, acceptBase64: false);

    /// <summary>Google's <c>{"bytesBase64Encoded", "mimeType"}</c> object holding a JPEG/PNG.</summary>
    public static JsonRule InlineImage { get; } = new InlineMediaRule(MediaKind.Image);

    /// <summary>An http(s) URL or raw base64 of an MP4.</summary>
    public static JsonRule Video { get; } = new MediaRule(MediaKind.Video, acceptUrl: true, acceptBase64: true);

    /// <summary>An http(s) URL of a video.</summary>
    public static JsonRule VideoUrl { get; } = new MediaRule(MediaKind.Video, acceptUrl: true, acceptBase64: false);

    /// <summary>Google's <c>{"bytesBase64Encoded", "mimeType"}</c> object holding an MP4.</summary>
    public static JsonRule InlineVideo { get; } = new InlineMediaRule(MediaKind.Video);

    /// <summary>A non-empty string of at most <paramref name="maxLength"/> characters.</summary>
    public static JsonRule NonEmptyStringUpTo(int maxLength) => new StringRule(allowEmpty: false, maxLength);

    /// <summary>A string, possibly empty, of at most <paramref name="maxLength"/> characters.</summary>
    public static JsonRule StringUpTo(int maxLength) => new StringRule(allowEmpty: true, maxLength);

    public static JsonRule OneOf(params string[] allowed) => new StringEnumRule(allowed);

    public static JsonRule IntegerBetween(long min, long max) => new IntegerRule(value => value >= min && value <= max, $"must be an integer between {min} and {max}");

    public static JsonRule IntegerOneOf(params long[] allowed) => new IntegerRule(allowed.Contains, MustBe(allowed.Select(value => value.ToString(CultureInfo.InvariantCulture))));

    public static JsonRule ArrayOf(JsonRule element, int minItems, int maxItems) => new ArrayRule(element, minItems, maxItems);

    public static JsonRule Object(JsonObjectSchema schema) => new ObjectRule(schema);

    /// <summary>Any JSON object, for an envelope whose content is checked on its own.</summary>
    public static JsonRule AnyObject { get; } = new AnyObjectRule();

    private static string MustBe(IEnumerable<string> allowed)
    {
        string[] values = allowed.ToArray();
        return values.Length == 1 ? $"must be {values[0]}" : $"must be one of {string.Join(", ", values)}";
    }

    private sealed class StringRule(bool allowEmpty, int maxLength = int.MaxValue) : JsonRule
    {
        public override string? Check(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return Invalid(path, "must be a string");
            }

            int length = value.GetString()!.Length;
            if (length > maxLength)
            {
                return Invalid(path, $"must be at most {maxLength} characters long, got {length}");
            }

            return allowEmpty || length > 0 ? null : Invalid(path, "must not be empty");
        }
    }

    private sealed class StringEnumRule(IReadOnlyCollection<string> allowed) : JsonRule
    {
        public override string? Check(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.String && allowed.Contains(value.GetString(), StringComparer.Ordinal)
                ? null
                : Invalid(path, MustBe(allowed));
    }

    private sealed class BooleanRule(bool onlyTrue) : JsonRule
    {
        public override string? Check(JsonElement value, string path) => value.ValueKind switch
        {
            JsonValueKind.True => null,
            JsonValueKind.False => onlyTrue ? Invalid(path, "only true is supported") : null,
            _ => Invalid(path, "must be a boolean"),
        };
    }

    private sealed class IntegerRule(Func<long, bool> accepts, string expectation) : JsonRule
    {
        public override string? Check(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) && accepts(number)
                ? null
                : Invalid(path, expectation);
    }

    private sealed class ArrayRule(JsonRule element, int minItems, int maxItems) : JsonRule
    {
        public override string? Check(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return Invalid(path, "must be an array");
            }

            int length = value.GetArrayLength();
            if (length < minItems || length > maxItems)
            {
                return Invalid(path, $"must have between {minItems} and {maxItems} items, got {length}");
            }

            int index = 0;
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (element.Check(item, $"{path}[{index}]") is string problem)
                {
                    return problem;
                }

                index++;
            }

            return null;
        }
    }

    private sealed class ObjectRule(JsonObjectSchema schema) : JsonRule
    {
        public override string? Check(JsonElement value, string path) => schema.Validate(value, path);
    }

    private sealed class AnyObjectRule : JsonRule
    {
        public override string? Check(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Object ? null : $"invalid value for '{path}': must be an object";
    }
}
