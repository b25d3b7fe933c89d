using System;
using System.IO;

namespace Veo.Client;

/// <summary>
/// An image or video given by the user: an http(s) URL, or a local file that is read once and checked by content.
/// Providers differ in what they take (URL, base64, bytes), so protocols may upload a file or fetch a URL first.
/// </summary>
public abstract class MediaInput
{
    /// <summary>Enough of a file's start to tell its format.</summary>

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
    /// Checks the local file once: it exists, is not empty or too large, and is the right format by its first bytes.
    /// Only those bytes are read now; the rest is read as the request is sent.
    /// </summary>
    internal LoadedMedia Load()
    {
        if (_loaded is not null)
        {
            return _loaded;
        }

        string path = FilePath ?? throw new InvalidOperationException($"A URL {Noun} has no content until it is fetched.");
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

        string what = $"The {Noun} file '{path}'";
        CheckSize(info.Length, what);
        byte[] head = new byte[HeadLength];
        int length = 0;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            int read;
            while (length < head.Length && (read = file.Read(head, length, head.Length - length)) > 0)
            {
                length += read;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VeoException(VeoErrorIds.FileUnreadable, VeoErrorKind.ReadError, $"{what} cannot be read: {ex.Message}", ex) { Target = path };
        }

        Array.Resize(ref head, length);
        _loaded = LoadedMedia.InFile(path, info.Length, MimeTypeOf(head, what));
        return _loaded;
    }

    /// <summary>Removes the copy fetched from this input's URL, if it has one.</summary>
    internal void DeleteFetchedCopy() => _loaded?.DeleteIfTemporary();

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

    /// <summary>How many first bytes tell a format apart.</summary>
    internal const int HeadLength = 16;

    /// <summary>Checks a fetched file by its size and first bytes; the file is this input's content until it is deleted.</summary>
    internal LoadedMedia CheckFetched(string temporaryPath, long length, byte[] head, string what)
    {
        CheckSize(length, what);
        return LoadedMedia.InTemporaryFile(temporaryPath, length, MimeTypeOf(head, what), what);
    }

    private string MimeTypeOf(byte[] head, string what) => SniffMimeType(head) ?? throw new VeoException(
        ErrorIds.FormatNotSupported, VeoErrorKind.InvalidArgument, $"{what} is {DescribeFormat(head)}; {AcceptedFormats}.") { Target = Display };

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

/// <summary>A checked image or video: its MIME type and size, and the file its bytes are in (the user's, or a fetched copy).</summary>
internal sealed class LoadedMedia
{
    private readonly string _path;

    private LoadedMedia(string mimeType, long length, string source, string path, bool isTemporary)
    {
        MimeType = mimeType;
        Length = length;
        Source = source;
        _path = path;
        IsTemporary = isTemporary;
    }

    public string MimeType { get; }

    public long Length { get; }

    /// <summary>Where the bytes come from, for messages.</summary>
    public string Source { get; }

    /// <summary>A copy fetched from a URL, which <see cref="DeleteIfTemporary"/> removes once the create is done.</summary>
    public bool IsTemporary { get; }

    public static LoadedMedia InFile(string path, long length, string mimeType) => new(mimeType, length, $"The file '{path}'", path, isTemporary: false);

    public static LoadedMedia InTemporaryFile(string path, long length, string mimeType, string source) => new(mimeType, length, source, path, isTemporary: true);

    /// <summary>The bytes from the start: the file is opened again for every read, so a resent request reads it afresh.</summary>
    public Stream OpenRead() => new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);

    /// <summary>Removes a fetched copy; the user's own files are never touched.</summary>
    public void DeleteIfTemporary()
    {
        if (IsTemporary)
        {
            TemporaryFiles.Delete(_path);
        }
    }
}
