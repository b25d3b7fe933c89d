using System;
using System.IO;

namespace Veo.Client;

/// <summary>
/// An image or video given by the user: an http(s) URL, or a local file that is read once and checked by content.
/// Providers differ in what they take (URL, base64, bytes), so protocols may upload a file or fetch a URL first.
/// </summary>
public abstract class MediaInput
{
    private LoadedMedia? _loaded;

    private protected MediaInput(Uri? url, string? filePath, LoadedMedia? content)
    {
        Url = url;
        FilePath = filePath;
        _loaded = content;
    }

    public Uri? Url { get; }

    /// <summary>The full path of a local file (the cmdlet layer resolves PowerShell paths first).</summary>
    public string? FilePath { get; }

    public string Display => Url?.ToString() ?? FilePath!;

    /// <summary>The largest file this kind of input may be.</summary>
    public abstract long SizeLimit { get; }

    /// <summary>True when the bytes are at hand (a local file, or a fetched URL).</summary>
    internal bool HasContent => FilePath is not null || _loaded is not null;

    /// <summary>"image" or "video", for messages.</summary>
    private protected abstract string Noun { get; }

    private protected abstract MediaErrorIds ErrorIds { get; }

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

    /// <summary>The same input, now at a URL (after an upload).</summary>
    internal abstract MediaInput AtUrl(Uri url);

    /// <summary>The same input with its fetched bytes (after a download).</summary>
    internal abstract MediaInput WithContent(Uri url, LoadedMedia content);

    /// <summary>
    /// Checks the local file without reading it whole: it exists, is not empty or too large, and is the right format by
    /// its first bytes. What a provider that takes the file as it is (an upload) needs; nothing is kept in memory.
    /// </summary>
    internal MediaFile Inspect()
    {
        if (_loaded is not null)
        {
            return new MediaFile(_loaded.Bytes.Length, _loaded.MimeType);
        }

        string path = LocalPath();
        long length = CheckFile(path);
        var header = new byte[SniffLength];
        int read = ReadFile(path, p =>
        {
            using FileStream stream = File.OpenRead(p);
            return stream.Read(header, 0, header.Length);
        });
        Array.Resize(ref header, read);
        string mimeType = SniffMimeType(header) ?? throw NotAccepted(header, $"The {Noun} file '{path}'");
        return new MediaFile(length, mimeType);
    }

    /// <summary>Reads and checks the local file once: it exists, is not empty or too large, and is the right format by content.</summary>
    internal LoadedMedia Load()
    {
        if (_loaded is not null)
        {
            return _loaded;
        }

        string path = LocalPath();
        CheckFile(path);
        byte[] bytes = ReadFile(path, File.ReadAllBytes);
        _loaded = Check(bytes, $"The {Noun} file '{path}'");
        return _loaded;
    }

    /// <summary>How many first bytes tell the format apart.</summary>
    private const int SniffLength = 16;

    private string LocalPath() => FilePath ?? throw new InvalidOperationException($"A URL {Noun} has no content until it is fetched.");

    /// <summary>The file's length, once it is known to exist and to be of an accepted size.</summary>
    private long CheckFile(string path)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path))
        {
            throw new VeoException(VeoErrorIds.InputIsAFolder, VeoErrorKind.InvalidArgument,
                $"'{path}' is a folder; give the path of one {Noun} file in it.") { Target = path };
        }

        if (!info.Exists)
        {
            throw new VeoException(ErrorIds.NotFound, VeoErrorKind.ObjectNotFound, $"The {Noun} file '{path}' does not exist.") { Target = path };
        }

        CheckSize(info.Length, $"The {Noun} file '{path}'");
        return info.Length;
    }

    private T ReadFile<T>(string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VeoException(VeoErrorIds.FileUnreadable, VeoErrorKind.ReadError, $"The {Noun} file '{path}' cannot be read: {ex.Message}", ex) { Target = path };
        }
    }

    /// <summary>Checks a size before reading: not empty, not over <see cref="SizeLimit"/>.</summary>
    internal void CheckSize(long length, string what)
    {
        if (length == 0)
        {
            throw new VeoException(ErrorIds.Empty, VeoErrorKind.InvalidData, $"{what} is empty.") { Target = Display };
        }

        if (length > SizeLimit)
        {
            throw new VeoException(ErrorIds.TooLarge, VeoErrorKind.InvalidArgument,
                $"{what} is {FormatSize(length)}; {Noun}s may be at most {FormatSize(SizeLimit)}.") { Target = Display };
        }
    }

    /// <summary>Checks bytes: size, and format by content.</summary>
    internal LoadedMedia Check(byte[] bytes, string what)
    {
        CheckSize(bytes.Length, what);
        string mimeType = SniffMimeType(bytes) ?? throw NotAccepted(bytes, what);
        return new LoadedMedia(bytes, mimeType);
    }

    private VeoException NotAccepted(byte[] firstBytes, string what) => new(
        ErrorIds.FormatNotSupported, VeoErrorKind.InvalidArgument, $"{what} is {DescribeFormat(firstBytes)}; {AcceptedFormats}.") { Target = Display };

    /// <summary>The MIME type from the first bytes, or null when the format is not accepted.</summary>
    internal abstract string? SniffMimeType(byte[] bytes);

    private protected abstract string AcceptedFormats { get; }

    internal string UnavailableErrorId => ErrorIds.UrlUnavailable;

    internal static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

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

        return "in a format not accepted";
    }

    public override string ToString() => Display;
}

/// <summary>The error ids for one kind of input.</summary>
internal sealed record MediaErrorIds(string NotFound, string Empty, string TooLarge, string FormatNotSupported, string UrlUnavailable);

/// <summary>A checked file left on disk: its length and MIME type.</summary>
internal sealed record MediaFile(long Length, string MimeType);

/// <summary>A checked file: its bytes and MIME type.</summary>
internal sealed class LoadedMedia
{
    public LoadedMedia(byte[] bytes, string mimeType)
    {
        Bytes = bytes;
        MimeType = mimeType;
    }

    public byte[] Bytes { get; }

    public string MimeType { get; }
}
