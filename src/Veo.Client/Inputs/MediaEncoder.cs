using System;
using System.IO;
using System.Text.Json;

namespace Veo.Client;

/// <summary>
/// Writes images and videos into a request body in the form a provider wants. <see cref="StreamedJsonBody"/> has the
/// encoder for what is sent; <see cref="Preview"/> writes a short note per image, for -WhatIf and debug output.
/// </summary>
internal abstract class MediaEncoder
{
    public static readonly MediaEncoder Preview = new PreviewEncoder();

    /// <summary>What identifies each image for an idempotency key: its URL, or the SHA-256 of its bytes.</summary>
    public static readonly MediaEncoder Fingerprint = new FingerprintEncoder();

    /// <summary>A URL as it is, a local file as raw base64 (HighwayAPI).</summary>
    public void WriteUrlOrBase64(Utf8JsonWriter writer, MediaInput image)
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

    /// <summary>Google's inline form, <c>{bytesBase64Encoded, mimeType}</c>: raw base64 and its MIME type (Google, Vtrix).</summary>
    public void WriteInline(Utf8JsonWriter writer, MediaInput media)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("bytesBase64Encoded");
        WriteBase64(writer, media);
        writer.WritePropertyName("mimeType");
        WriteMimeType(writer, media);
        writer.WriteEndObject();
    }

    /// <summary>A URL (local files are uploaded first, by the protocol's media stage).</summary>
    public abstract void WriteUrl(Utf8JsonWriter writer, MediaInput image);

    /// <summary>The bytes as raw base64 (URLs are fetched first, by the protocol's media stage).</summary>
    public abstract void WriteBase64(Utf8JsonWriter writer, MediaInput image);

    public abstract void WriteMimeType(Utf8JsonWriter writer, MediaInput image);

    private sealed class PreviewEncoder : MediaEncoder
    {
        public override void WriteUrl(Utf8JsonWriter writer, MediaInput image) =>
            writer.WriteStringValue(image.Url is Uri url ? url.AbsoluteUri : $"<URL of {image.FilePath} once uploaded>");

        public override void WriteBase64(Utf8JsonWriter writer, MediaInput image) => writer.WriteStringValue(image.HasContent
            ? $"<base64 of {image.Display}: {image.Load().MimeType}, {MediaInput.FormatSize(image.Load().Length)}>"
            : $"<base64 of {image.Display}, fetched and checked when sent>");

        public override void WriteMimeType(Utf8JsonWriter writer, MediaInput image) =>
            writer.WriteStringValue(image.HasContent ? image.Load().MimeType : "<the MIME type of the fetched file>");
    }

    private sealed class FingerprintEncoder : MediaEncoder
    {
        public override void WriteUrl(Utf8JsonWriter writer, MediaInput image) => WriteIdentity(writer, image);

        public override void WriteBase64(Utf8JsonWriter writer, MediaInput image) => WriteIdentity(writer, image);

        public override void WriteMimeType(Utf8JsonWriter writer, MediaInput image) => writer.WriteStringValue(image.HasContent ? image.Load().MimeType : null);

        private static void WriteIdentity(Utf8JsonWriter writer, MediaInput image)
        {
            if (!image.HasContent)
            {
                writer.WriteStringValue(image.Url!.AbsoluteUri);
                return;
            }

            using Stream content = image.Load().OpenRead();
            writer.WriteStringValue("sha256:" + Hash.Sha256Hex(content));
        }
    }
}
