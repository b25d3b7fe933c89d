using System;
using System.Buffers.Text;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>An image given as an http(s) URL or as raw base64 of a JPEG or PNG of at most 20 MB.</summary>
internal sealed class ImageRule : JsonRule
{
    public const int MaxDecodedBytes = 20 * 1024 * 1024;

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public override string? Check(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Invalid(path, "must be a string holding an http(s) URL or base64 image data");
        }

        string text = value.GetString()!;
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return null;
        }

        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid(path, "must be raw base64 without a data: prefix");
        }

        if (text.Length == 0 || !Base64.IsValid(text, out int decodedLength))
        {
            return Invalid(path, "must be an http(s) URL or base64-encoded image data");
        }

        if (decodedLength > MaxDecodedBytes)
        {
            return Invalid(path, "image is larger than 20 MB");
        }

        ReadOnlySpan<byte> bytes = Convert.FromBase64String(text);
        return bytes.StartsWith(JpegMagic) || bytes.StartsWith(PngMagic) ? null : Invalid(path, "image must be JPEG or PNG");
    }
}
