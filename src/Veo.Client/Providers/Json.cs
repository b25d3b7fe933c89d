using System.Globalization;
using System.Text.Json;

namespace Veo.Client;

/// <summary>Tolerant readers for provider answers, whose documentation and reality disagree on types (a TTL may be "3600" or 3600).</summary>
internal static class Json
{
    /// <summary>A string (or a number as written); null when absent, of another type, or not valid Unicode (an unpaired surrogate).</summary>
    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.String => ValidString(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string? ValidString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (System.InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A whole number given as a JSON number (rounded) or as a numeric string.</summary>
    public static int? Int(JsonElement obj, string name) => Double(obj, name) is double d ? (int)System.Math.Round(d) : null;

    /// <summary>A percentage, kept within 0–100 whatever the provider sent; 0 when absent.</summary>
    public static int Percent(JsonElement obj, string name) => System.Math.Max(0, System.Math.Min(100, Int(obj, name) ?? 0));

    public static double? Double(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
            _ => null,
        };
    }

    public static JsonElement? Object(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>The body as a JSON object, or null when it is not one (an HTML error page, say).</summary>
    public static JsonElement? TryParseObject(string body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The start of a non-JSON body, enough to recognise it in an error message.</summary>
    public static string? Excerpt(string body)
    {
        string trimmed = body.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.Length <= 200 ? trimmed : trimmed.Substring(0, 200) + "…";
    }

    public static VeoException Invalid(string provider, string what) =>
        new(VeoErrorIds.InvalidProviderResponse, VeoErrorKind.InvalidResult, $"{provider} gave an answer this module cannot read: {what}.");
}
