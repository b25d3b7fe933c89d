using System;
using System.IO;

namespace Veo.Client;

/// <summary>An image given by the user: an http(s) URL passed through, or a local JPEG/PNG file read and checked.</summary>
public sealed class ImageInput
{
    /// <summary>Providers accept at most 20 MB per image.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private LoadedImage? _loaded;

    private ImageInput(Uri? url, string? filePath, LoadedImage? content = null)
    {
        Url = url;
        FilePath = filePath;
        _loaded = content;
    }

    public Uri? Url { get; }

    /// <summary>The full path of a local file (the cmdlet layer resolves PowerShell paths first).</summary>
    public string? FilePath { get; }

    public bool IsUrl => Url is not null;

    public string Display => Url?.ToString() ?? FilePath!;

    public static ImageInput FromFile(string fullPath) => new(null, fullPath);

    public static ImageInput FromUrl(Uri url) => new(url, null);

    /// <summary>A URL whose content was fetched and checked, for providers that take bytes only.</summary>
    internal static ImageInput FromFetched(Uri url, LoadedImage content) => new(url, null, content);

    /// <summary>True when the bytes are at hand (a local file, or a fetched URL).</summary>
    internal bool HasContent => FilePath is not null || _loaded is not null;

    /// <summary>True for an absolute http or https URL, which is sent as it is.</summary>
    public static bool IsHttpUrl(string value, out Uri? url)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out Uri? parsed) &&
            (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            url = parsed;
            return true;
        }

        url = null;
        return false;
    }

    /// <summary>Reads and checks the local file once: it exists, is not empty, is at most 20 MB, and is a JPEG or PNG by content.</summary>
    internal LoadedImage Load()
    {
        if (_loaded is not null)
        {
            return _loaded;
        }

        string path = FilePath ?? throw new InvalidOperationException("A URL image has no content until it is fetched.");
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new VeoException(VeoErrorIds.ImageNotFound, VeoErrorKind.ObjectNotFound, $"The image file '{path}' does not exist.") { Target = path };
        }

        CheckSize(info.Length, $"The image file '{path}'");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VeoException(VeoErrorIds.ImageUnreadable, VeoErrorKind.ReadError, $"The image file '{path}' cannot be read: {ex.Message}", ex) { Target = path };
        }

        _loaded = Check(bytes, $"The image file '{path}'");
        return _loaded;
    }

    /// <summary>Checks an image's size before reading it: not empty, at most 20 MB.</summary>
    internal static void CheckSize(long length, string what)
    {
        if (length == 0)
        {
            throw new VeoException(VeoErrorIds.ImageEmpty, VeoErrorKind.InvalidData, $"{what} is empty.");
        }

        if (length > MaxBytes)
        {
            throw new VeoException(VeoErrorIds.ImageTooLarge, VeoErrorKind.InvalidArgument, $"{what} is {FormatSize(length)}; images may be at most 20 MB.");
        }
    }

    /// <summary>Checks an image's bytes: size, and JPEG or PNG by content.</summary>
    internal static LoadedImage Check(byte[] bytes, string what)
    {
        CheckSize(bytes.Length, what);
        string mimeType = SniffMimeType(bytes) ?? throw new VeoException(
            VeoErrorIds.ImageFormatNotSupported,
            VeoErrorKind.InvalidArgument,
            $"{what} is {DescribeFormat(bytes)}; only JPEG and PNG images are accepted.");
        return new LoadedImage(bytes, mimeType);
    }

    /// <summary>The MIME type from the file's first bytes, or null when it is neither JPEG nor PNG.</summary>
    internal static string? SniffMimeType(byte[] bytes)
    {
        if (bytes.Length >= 8 && bytes[0] == 0x89 && bytes[1] == 0x50 && bytes[2] == 0x4E && bytes[3] == 0x47 &&
            bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A)
        {
            return "image/png";
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return "image/jpeg";
        }

        return null;
    }

    private static string DescribeFormat(byte[] bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == (byte)'G' && bytes[1] == (byte)'I' && bytes[2] == (byte)'F' && bytes[3] == (byte)'8')
        {
            return "a GIF image";
        }

        if (bytes.Length >= 12 && bytes[0] == (byte)'R' && bytes[8] == (byte)'W' && bytes[9] == (byte)'E' && bytes[10] == (byte)'B')
        {
            return "a WebP image";
        }

        return "not a JPEG or PNG image";
    }

    internal static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

    public override string ToString() => Display;
}

/// <summary>A checked local image: its bytes and MIME type.</summary>
internal sealed class LoadedImage
{
    public LoadedImage(byte[] bytes, string mimeType)
    {
        Bytes = bytes;
        MimeType = mimeType;
    }

    public byte[] Bytes { get; }

    public string MimeType { get; }
}
