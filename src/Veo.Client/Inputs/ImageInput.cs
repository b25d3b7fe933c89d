using System;

namespace Veo.Client;

/// <summary>An image: an http(s) URL, or a local JPEG or PNG of at most 20 MB.</summary>
public sealed class ImageInput : MediaInput
{
    /// <summary>Providers accept at most 20 MB per image.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly MediaErrorIds Ids = new(
        VeoErrorIds.ImageNotFound, VeoErrorIds.ImageEmpty, VeoErrorIds.ImageTooLarge, VeoErrorIds.ImageFormatNotSupported, VeoErrorIds.ImageUrlUnavailable);

    private ImageInput(Uri? url, string? filePath, LoadedMedia? content = null)
        : base(url, filePath, content)
    {
    }

    public override long SizeLimit => MaxBytes;

    private protected override string Noun => "image";

    private protected override MediaErrorIds ErrorIds => Ids;

    private protected override string AcceptedFormats => "only JPEG and PNG images are accepted";

    public static ImageInput FromFile(string fullPath) => new(null, fullPath);

    public static ImageInput FromUrl(Uri url) => new(url, null);

    internal override MediaInput AtUrl(Uri url) => FromUrl(url);

    internal override MediaInput WithContent(Uri url, LoadedMedia content) => new ImageInput(url, null, content);

    internal override string? SniffMimeType(byte[] bytes)
    {
        if (bytes.Length >= 8 && bytes[0] == 0x89 && bytes[1] == 0x50 && bytes[2] == 0x4E && bytes[3] == 0x47 &&
            bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A)
        {
            return "image/png";
        }

        return bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF ? "image/jpeg" : null;
    }
}
