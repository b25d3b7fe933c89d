using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Veo.Simulator.Hosting;

/// <summary>Shrinks a request body for the request log: long strings (base64 images) become "&lt;N chars&gt;".</summary>
internal static class BodySummary
{
    public const int MaxStringLength = 256;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Summarize(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return SummarizeJson(body);
        }
        catch (JsonException)
        {
            // Not JSON: the whole text is the one "string".
            string text = Encoding.UTF8.GetString(body);
            return Shorten(text);
        }
    }

    private static string SummarizeJson(ReadOnlySpan<byte> body)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    case JsonTokenType.PropertyName:
                        writer.WritePropertyName(reader.GetString()!);
                        break;
                    case JsonTokenType.String:
                        writer.WriteStringValue(Shorten(reader.GetString()!));
                        break;
                    case JsonTokenType.Number:
                        writer.WriteRawValue(reader.ValueSpan);
                        break;
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                        writer.WriteBooleanValue(reader.GetBoolean());
                        break;
                    case JsonTokenType.Null:
                        writer.WriteNullValue();
                        break;
                }
            }
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string Shorten(string text) => text.Length > MaxStringLength ? $"<{text.Length} chars>" : text;
}
