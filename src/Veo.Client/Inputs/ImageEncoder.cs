using System;
using System.Text.Json;

namespace Veo.Client;

/// <summary>
/// Writes images into a request body in the form a provider wants. <see cref="Content"/> writes what is sent;
/// <see cref="Preview"/> writes a short note per image, for -WhatIf and debug output.
/// </summary>
internal abstract class ImageEncoder
{
    public static readonly ImageEncoder Content = new ContentEncoder();
    public static readonly ImageEncoder Preview = new PreviewEncoder();

    /// <summary>A URL as it is, a local file as raw base64 (HighwayAPI).</summary>
    public abstract void WriteUrlOrBase64(Utf8JsonWriter writer, ImageInput image);

    /// <summary>A URL (local files are uploaded first, by the protocol's image stage).</summary>
    public abstract void WriteUrl(Utf8JsonWriter writer, ImageInput image);

    /// <summary>The bytes as raw base64 (URLs are fetched first, by the protocol's image stage).</summary>
    public abstract void WriteBase64(Utf8JsonWriter writer, ImageInput image);

    public abstract void WriteMimeType(Utf8JsonWriter writer, ImageInput image);

    private sealed class ContentEncoder : ImageEncoder
    {
        public override void WriteUrlOrBase64(Utf8JsonWriter writer, ImageInput image)
        {
            if (image.FilePath is null)
            {
                WriteUrl(writer, image);
            }
            else
            {
                WriteBase64(writer, image);
            }
        }

        public override void WriteUrl(Utf8JsonWriter writer, ImageInput image) =>
            writer.WriteStringValue((image.Url ?? throw new InvalidOperationException($"{image.Display} was not uploaded.")).AbsoluteUri);

        public override void WriteBase64(Utf8JsonWriter writer, ImageInput image) => writer.WriteBase64StringValue(image.Load().Bytes);

        public override void WriteMimeType(Utf8JsonWriter writer, ImageInput image) => writer.WriteStringValue(image.Load().MimeType);
    }

    private sealed class PreviewEncoder : ImageEncoder
    {
        public override void WriteUrlOrBase64(Utf8JsonWriter writer, ImageInput image)
        {
            if (image.FilePath is null)
            {
                WriteUrl(writer, image);
            }
            else
            {
                WriteBase64(writer, image);
            }
        }

        public override void WriteUrl(Utf8JsonWriter writer, ImageInput image) =>
            writer.WriteStringValue(image.Url is Uri url ? url.AbsoluteUri : $"<URL of {image.FilePath} once uploaded>");

        public override void WriteBase64(Utf8JsonWriter writer, ImageInput image) => writer.WriteStringValue(image.HasContent
            ? $"<base64 of {image.Display}: {image.Load().MimeType}, {ImageInput.FormatSize(image.Load().Bytes.Length)}>"
            : $"<base64 of {image.Display}, fetched and checked when sent>");

        public override void WriteMimeType(Utf8JsonWriter writer, ImageInput image) =>
            writer.WriteStringValue(image.HasContent ? image.Load().MimeType : "<image/jpeg or image/png>");
    }
}
