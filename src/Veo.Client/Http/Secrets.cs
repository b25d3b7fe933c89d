using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Veo.Client;

/// <summary>
/// Removes the API key from text a provider sent back. A provider may echo the Authorization header in an error
/// message, an HTML page or a failed task's reason; answers are cleaned here, as they arrive, so the key reaches no
/// message, log line or object. JSON escapes (<c>\u0073</c>) cannot hide it: escaped answers are cleaned after decoding.
/// </summary>
internal static class Secrets
{
    public const string Mask = "********";

    public static string Redact(string text, ApiKey key)
    {
        string secret = key.Reveal();
        if (secret.Length == 0)
        {
            return text;
        }

        string redacted = text.Replace(secret, Mask);
        return redacted.IndexOf('\\') >= 0 ? RedactDecoded(redacted, secret) : redacted;
    }

    private static string RedactDecoded(string json, string secret)
    {
        try
        {
            JsonNode? root = JsonNode.Parse(json);
            JsonNode? cleaned = Cleaned(root, secret, out bool changed);
            return changed ? cleaned?.ToJsonString() ?? json : json;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return json;
        }
    }

    /// <summary>The node with every string holding the secret replaced (containers are changed in place).</summary>
    private static JsonNode? Cleaned(JsonNode? node, string secret, out bool changed)
    {
        changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (string name in obj.Select(p => p.Key).ToArray())
                {
                    JsonNode? child = Cleaned(obj[name], secret, out bool childChanged);
                    if (childChanged && !ReferenceEquals(child, obj[name]))
                    {
                        obj[name] = child;
                    }

                    changed |= childChanged;
                }

                return obj;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    JsonNode? child = Cleaned(array[i], secret, out bool childChanged);
                    if (childChanged && !ReferenceEquals(child, array[i]))
                    {
                        array[i] = child;
                    }

                    changed |= childChanged;
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is string text && text.Contains(secret):
                changed = true;
                return JsonValue.Create(text.Replace(secret, Mask));
            default:
                return node;
        }
    }
}
