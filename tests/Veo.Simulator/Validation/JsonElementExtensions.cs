using System.Linq;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>Field lookups on a request body where, as for the providers' Go/protobuf decoders, null counts as absent.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Optional(this JsonElement body, string name) =>
        body.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static bool Has(this JsonElement body, string name) => body.Optional(name) is not null;

    /// <summary>Whether the field is a string equal to one of <paramref name="values"/>.</summary>
    public static bool IsOneOf(this JsonElement body, string name, params string[] values) =>
        body.Optional(name) is { ValueKind: JsonValueKind.String } value && values.Contains(value.GetString());
}
