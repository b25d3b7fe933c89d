using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Veo.Client;

/// <summary>Writes a field only when the user gave it: unset options are left to the provider's defaults.</summary>
internal static class JsonBody
{
    public static void WriteOptional(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteOptional(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is long number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes an image or video field, when the request has one, in the form <paramref name="write"/> gives it.</summary>
    public static void WriteOptional<TMedia>(this Utf8JsonWriter writer, string name, TMedia? media, Action<Utf8JsonWriter, MediaInput> write)
        where TMedia : MediaInput
    {
        if (media is not null)
        {
            writer.WritePropertyName(name);
            write(writer, media);
        }
    }

    /// <summary>
    /// Reference images, when the request has any, as every provider copies Google's:
    /// <c>[{"image": …, "&lt;typeField&gt;": "asset"}]</c>, each image in the form <paramref name="write"/> gives it.
    /// </summary>
    public static void WriteReferenceImages(
        this Utf8JsonWriter writer, string name, string typeField, IReadOnlyList<ImageInput> references, Action<Utf8JsonWriter, MediaInput> write)
    {
        if (references.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (ImageInput reference in references)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("image");
            write(writer, reference);
            writer.WriteString(typeField, "asset");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteOptional(this Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is bool flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }
}
