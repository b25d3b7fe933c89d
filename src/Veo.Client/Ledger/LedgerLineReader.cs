using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Veo.Client;

/// <summary>Reads ledger lines: whole, or, for a created task, only the few fields the index needs.</summary>
internal static class LedgerLineReader
{
    /// <summary>
    /// What the index needs of a created task's line to find it by id and key, or of a create's intent to pair it with
    /// its answer (<see cref="TaskId"/> null; <see cref="SentAt"/> when keyed).
    /// </summary>
    public readonly record struct Summary(
        VeoProvider Provider, string? TaskId, string? IdempotencyKey, string? RequestHash, string? Intent, DateTimeOffset? SentAt);

    private static readonly Dictionary<string, VeoProvider> Providers =
        Enum.GetValues(typeof(VeoProvider)).Cast<VeoProvider>().ToDictionary(p => p.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// Reads one line by hand: the ledger may hold hundreds of thousands, and the serializer costs far more per line.
    /// Null, with what is wrong in <paramref name="problem"/>, for a line that cannot be used.
    /// </summary>
    public static LedgerLine? Parse(ReadOnlySpan<byte> line, out string problem)
    {
        problem = "cannot be read";
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var parsed = new LedgerLine();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                parsed = name switch
                {
                    "kind" => parsed with { Kind = reader.GetString() },
                    "taskId" => parsed with { TaskId = reader.GetString() },
                    "provider" => parsed with { Provider = ParseEnum<VeoProvider>(reader.GetString()) },
                    "baseUri" => parsed with { BaseUri = new Uri(reader.GetString()!, UriKind.RelativeOrAbsolute) },
                    "model" => parsed with { Model = reader.GetString() },
                    "mode" => parsed with { Mode = ParseEnum<VeoMode>(reader.GetString()) },
                    "prompt" => parsed with { Prompt = reader.GetString() },
                    "createdAt" => parsed with { CreatedAt = reader.GetDateTimeOffset() },
                    "idempotencyKey" => parsed with { IdempotencyKey = reader.GetString() },
                    "requestHash" => parsed with { RequestHash = reader.GetString() },
                    "intent" => parsed with { Intent = reader.GetString() },
                    "status" => parsed with { Status = ParseEnum<VeoTaskStatus>(reader.GetString()) },
                    "path" => parsed with { Path = reader.GetString() },
                    "at" => parsed with { At = reader.GetDateTimeOffset() },
                    _ => Skip(ref reader, parsed),
                };
            }

            if (parsed.Problem is string found)
            {
                problem = found;
                return null;
            }

            return parsed;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or UriFormatException)
        {
            return null;
        }
    }

    private static LedgerLine Skip(ref Utf8JsonReader reader, LedgerLine parsed)
    {
        reader.Skip();
        return parsed;
    }

    private static T ParseEnum<T>(string? text)
        where T : struct =>
        Enum.TryParse(text, ignoreCase: false, out T value) && Enum.IsDefined(typeof(T), value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    /// <summary>
    /// The id, provider and key of a created task's line, or of a create's intent, as this module writes them (compact
    /// JSON), without parsing the rest. In such a line <c>"name":"</c> with unescaped quotes can only be a property,
    /// never text inside a value. False for any other line (another kind, escaped or missing values, another layout, an
    /// id or an address that needs a closer look): it is then parsed whole.
    /// </summary>
    public static bool TrySummarize(ArraySegment<byte> line, out Summary summary)
    {
        summary = default;
        ReadOnlySpan<byte> text = line.AsSpan();
        bool sending = text.IndexOf("\"kind\":\"sending\""u8) >= 0;
        if ((!sending && text.IndexOf("\"kind\":"u8) >= 0) || !HasWebBaseUri(text) ||
            !TryRawString(line, "\"taskId\":\""u8, out string? taskId) || (taskId is null) != sending ||
            (taskId is not null && TaskIds.Problem(taskId) is not null) ||
            !TryRawString(line, "\"provider\":\""u8, out string? providerName) || providerName is null ||
            !Providers.TryGetValue(providerName, out VeoProvider provider) ||
            !TryRawString(line, "\"idempotencyKey\":\""u8, out string? key) ||
            !TryRawString(line, "\"requestHash\":\""u8, out string? hash) ||
            !TryRawString(line, "\"intent\":\""u8, out string? intent) ||
            !TryRawString(line, "\"at\":\""u8, out string? at))
        {
            return false;
        }

        DateTimeOffset? sentAt = null;
        if (sending)
        {
            if (intent is null || (key is not null && hash is null) || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset time))
            {
                return false;
            }

            sentAt = time;
        }

        summary = new Summary(provider, taskId, key, hash, intent, sentAt);
        return true;
    }

    /// <summary>A base address that is plainly http: or https: (anything else is parsed whole and checked).</summary>
    private static bool HasWebBaseUri(ReadOnlySpan<byte> text)
    {
        int at = text.IndexOf("\"baseUri\":\""u8);
        if (at < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> value = text.Slice(at + "\"baseUri\":\""u8.Length);
        return value.StartsWith("https://"u8) || value.StartsWith("http://"u8);
    }

    /// <summary>The value after <paramref name="property"/> (null when absent); false when it holds an escape.</summary>
    private static bool TryRawString(ArraySegment<byte> line, ReadOnlySpan<byte> property, out string? value)
    {
        value = null;
        ReadOnlySpan<byte> text = line.AsSpan();
        int at = text.IndexOf(property);
        if (at < 0)
        {
            return true;
        }

        int valueStart = at + property.Length;
        int end = text.Slice(valueStart).IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || text[valueStart + end] != (byte)'"')
        {
            return false;
        }

        value = Encoding.UTF8.GetString(line.Array!, line.Offset + valueStart, end);
        return true;
    }
}
