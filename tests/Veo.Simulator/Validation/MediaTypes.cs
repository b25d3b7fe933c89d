using System;

namespace Veo.Simulator.Validation;

/// <summary>Tells a file's type from its first bytes, as providers do rather than trusting names or declared types.</summary>
internal static class MediaTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Mp4 = "video/mp4";
    public const string OctetStream = "application/octet-stream";

    private static readonly (byte[] Magic, int Offset, string Type)[] Signatures =
    [
        ([0xFF, 0xD8, 0xFF], 0, Jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, Png),
        ("GIF8"u8.ToArray(), 0, "image/gif"),
        ("WEBP"u8.ToArray(), 8, "image/webp"),
        ("ftyp"u8.ToArray(), 4, Mp4),
    ];

    /// <summary>The MIME type the bytes start like, or null when none is recognised.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        foreach ((byte[] magic, int offset, string type) in Signatures)
        {
            if (bytes.Length >= offset + magic.Length && bytes.Slice(offset).StartsWith(magic))
            {
                return type;
            }
        }

        return null;
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
