using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polly.Timeout;

namespace Veo.Client;

/// <summary>
/// Streams a video to a temporary file beside the target and renames it into place only when every byte has
/// arrived and the file starts like an MP4, so nothing else ever sits at the final path. A broken transfer resumes
/// with a Range request. This loop is the only retry layer for a download: each attempt is one GET.
/// </summary>
internal sealed class VideoDownloader
{
    /// <summary>Chosen by measurement (docs/performance.md): on a busy machine 256 KiB reads beat 64 KiB and 1 MiB ones.</summary>
    internal const int DefaultBufferSize = 1 << 18;

    /// <summary>How often progress is reported, whatever the chunk size.</summary>
    private static readonly long ProgressInterval = Stopwatch.Frequency / 4;

    private static readonly Random Jitter = new();

    private readonly VeoHttp _http;
    private readonly IVeoLog _log;

    public VideoDownloader(VeoHttp http, IVeoLog log)
    {
        _http = http;
        _log = log;
    }

    /// <param name="owner">The connection of the task the video belongs to (a provider may want its key on its own links).</param>
    /// <param name="progress">Called a few times a second with (bytes so far, total bytes when known).</param>
    public async Task DownloadAsync(
        Uri uri, VeoConnection owner, string path, bool overwrite, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        ThrowIfExists(path, overwrite);
        string folder = Path.GetDirectoryName(path)!;
        string temporary = PartialFiles.NewPath(folder);
        try
        {
            using (FileStream file = CreateTemporary(folder, temporary))
            {
                await FillAsync(uri, owner, file, progress, cancellationToken).ConfigureAwait(false);
            }

            ThrowIfExists(path, overwrite);
            if (File.Exists(path))
            {
                File.Replace(temporary, path, null);
            }
            else
            {
                File.Move(temporary, path);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The folder and the temporary file, or VideoPathNotWritable naming the folder; stale leftovers there go first.</summary>
    private FileStream CreateTemporary(string folder, string temporary)
    {
        try
        {
            Directory.CreateDirectory(folder);
            PartialFiles.RemoveStale(folder, _log);
            // Unbuffered (bufferSize 1): chunks are already large, and a full disk then fails the write itself, not a
            // flush in Dispose that would hide the DiskFull error. Written in place on the reading thread: an async
            // FileStream would hop to the thread pool twice per chunk, which costs most when the machine is busy.
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VeoException(VeoErrorIds.VideoPathNotWritable, VeoErrorKind.WriteError,
                $"Cannot write a file in '{folder}': {ex.Message} Give -Path a folder you can write to.", ex) { Target = folder };
        }
    }

    private async Task FillAsync(Uri uri, VeoConnection owner, FileStream file, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        var transfer = new Transfer(file, progress, _http.Options.DownloadBufferSize);
        int failures = 0;
        int notVideos = 0;
        while (true)
        {
            try
            {
                await TransferAsync(uri, owner, transfer, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (IsRetriable(ex) && !cancellationToken.IsCancellationRequested && failures < _http.Options.MaxRetries &&
                                       // An error page is tried once more on this link; after that, a renewed link is the better bet.
                                       !(ex is NotAVideoException && notVideos++ > 0))
            {
                failures++;
                TimeSpan delay = (ex as TransientStatusException)?.RetryAfter ?? Backoff(failures);
                _log.Verbose($"Download of {uri.AbsolutePath} broke after {file.Length} bytes ({ex.Message}); resuming in {delay.TotalSeconds:0.##} s (retry {failures} of {_http.Options.MaxRetries}).");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (NotAVideoException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new VeoException(VeoErrorIds.DownloadNotAVideo, VeoErrorKind.InvalidResult,
                    $"The video link {uri.GetLeftPart(UriPartial.Path)} did not answer with an MP4 video after {failures + 1} attempts; it sent {ex.Message}", ex);
            }
            catch (Exception ex) when (IsRetriable(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw new VeoException(VeoErrorIds.DownloadIncomplete, VeoErrorKind.ConnectionError,
                    $"The download of {uri.GetLeftPart(UriPartial.Path)} failed after {failures + 1} attempts: {ex.Message}", ex);
            }
        }
    }

    /// <summary>One attempt: asks for the bytes not yet written and appends them.</summary>
    private async Task TransferAsync(Uri uri, VeoConnection owner, Transfer transfer, CancellationToken cancellationToken)
    {
        FileStream file = transfer.File;
        long resumeFrom = file.Length;
        using HttpResponseMessage response = await _http.GetContentOnceAsync(uri, resumeFrom, owner, cancellationToken).ConfigureAwait(false);
        ThrowIfFailed(response);
        if (resumeFrom > 0 && response.StatusCode != HttpStatusCode.PartialContent)
        {
            // The server ignored the Range header and sends everything again.
            transfer.StartOver();
            resumeFrom = 0;
        }
        else if (resumeFrom > 0 && response.Content.Headers.ContentRange?.From != resumeFrom)
        {
            transfer.StartOver();
            throw new IOException(
                $"asked for the bytes from {resumeFrom}, the server sent {response.Content.Headers.ContentRange?.ToString() ?? "a 206 without a Content-Range"}; starting over");
        }

        long? total = response.Content.Headers.ContentRange?.Length ?? response.Content.Headers.ContentLength + resumeFrom;
        if (total > _http.Options.MaxDownloadBytes)
        {
            throw TooLarge(uri, $"announces {total:N0} bytes");
        }

        file.Seek(resumeFrom, SeekOrigin.Begin);
        using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var watchdog = new TransferWatchdog(_http.Options, cancellationToken);
        // Blocking reads, like curl's: one thread wakes per chunk instead of a socket poller and then a pool thread,
        // which is what costs on a busy machine. A cancel or a verdict disposes the response, which ends a blocked read.
        using CancellationTokenRegistration unblock = watchdog.Token.Register(response.Dispose);
        byte[] buffer = transfer.Buffer;
        long written = resumeFrom;
        while (true)
        {
            int read;
            try
            {
                read = body.Read(buffer, 0, buffer.Length);
            }
            catch (Exception) when (watchdog.Token.IsCancellationRequested)
            {
                // The response was disposed under a blocked read: the stream may then throw anything (a chunked body
                // has been seen to throw ArgumentOutOfRangeException), and it all means the watchdog's verdict.
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException(watchdog.Verdict);
            }

            if (read == 0)
            {
                break;
            }

            watchdog.Arrived(read);
            transfer.Inspect(buffer, read);
            OnDisk(() => file.Write(buffer, 0, read), file.Name);
            written += read;
            if (written > _http.Options.MaxDownloadBytes)
            {
                throw TooLarge(uri, $"sent more than {_http.Options.MaxDownloadBytes:N0} bytes");
            }

            transfer.Report(written, total, final: false);
        }

        transfer.Inspect(buffer, 0);
        OnDisk(file.Flush, file.Name);
        transfer.Report(written, total, final: true);
        if (total is long expected && written != expected)
        {
            throw new IOException($"the transfer ended after {written} of {expected} bytes");
        }
    }

    private void ThrowIfFailed(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new VeoException(VeoErrorIds.VideoLinkExpired, VeoErrorKind.ResourceUnavailable,
                $"The video link answered HTTP {(int)response.StatusCode}: it has expired or was withdrawn.");
        }

        if (VeoHttp.IsTransientStatus(response.StatusCode))
        {
            var transient = new TransientStatusException(response);
            if (transient.RetryAfter > _http.Options.MaxRetryAfter)
            {
                throw new VeoException(VeoErrorIds.DownloadFailed, VeoErrorKind.ResourceUnavailable,
                    $"The video link answered HTTP {(int)response.StatusCode} and asks to wait {transient.RetryAfter.Value.TotalSeconds:0} s; try again later.");
            }

            throw transient;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new VeoException(VeoErrorIds.DownloadFailed, VeoErrorKind.ResourceUnavailable,
                $"The video link answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    private VeoException TooLarge(Uri uri, string what) => new(VeoErrorIds.DownloadTooLarge, VeoErrorKind.InvalidResult,
        $"The video link {uri.GetLeftPart(UriPartial.Path)} {what}, more than any Veo video (MaxDownloadBytes is {_http.Options.MaxDownloadBytes:N0}); nothing was kept.");

    /// <summary>A fault of the transfer or of what came back, worth another attempt.</summary>
    private static bool IsRetriable(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutException or TimeoutRejectedException or TransientStatusException or NotAVideoException;

    /// <summary>A write to the file; a full disk is DiskFull, not a transfer fault to resume.</summary>
    private static void OnDisk(Action write, string path)
    {
        try
        {
            write();
        }
        catch (IOException ex) when (PartialFiles.IsDiskFull(ex))
        {
            throw new VeoException(VeoErrorIds.DiskFull, VeoErrorKind.WriteError,
                $"The disk holding '{Path.GetDirectoryName(path)}' is full ({ex.Message}); the partial download was removed. " +
                "Free some space or give -Path a folder on another disk, then save again.", ex) { Target = path };
        }
    }

    private static void ThrowIfExists(string path, bool overwrite)
    {
        if (!overwrite && File.Exists(path))
        {
            throw new VeoException(VeoErrorIds.VideoFileExists, VeoErrorKind.ResourceExists,
                $"'{path}' already exists; it was kept. Use -Force to overwrite it.") { Target = path };
        }
    }

    private TimeSpan Backoff(int failures)
    {
        double jitter;
        lock (Jitter)
        {
            jitter = 0.5 + Jitter.NextDouble();
        }

        double seconds = _http.Options.RetryBaseDelay.TotalSeconds * Math.Pow(2, failures - 1) * jitter;
        return TimeSpan.FromSeconds(Math.Min(seconds, _http.Options.RetryMaxDelay.TotalSeconds));
    }

    /// <summary>What one download keeps across its attempts: the file, one buffer, the first bytes and the progress clock.</summary>
    private sealed class Transfer
    {
        /// <summary>Enough of the start to recognise an MP4 and to quote anything else.</summary>
        private const int HeadLength = 160;

        private readonly Action<long, long?>? _progress;
        private readonly byte[] _head = new byte[HeadLength];
        private int _headLength;
        private bool _checked;
        private long _nextReport;

        public Transfer(FileStream file, Action<long, long?>? progress, int bufferSize)
        {
            File = file;
            _progress = progress;
            Buffer = new byte[bufferSize];
        }

        public FileStream File { get; }

        public byte[] Buffer { get; }

        public void StartOver()
        {
            File.SetLength(0);
            _headLength = 0;
            _checked = false;
        }

        /// <summary>Collects the first bytes and checks them once there are enough, or at the end (count 0).</summary>
        public void Inspect(byte[] chunk, int count)
        {
            if (_checked)
            {
                return;
            }

            int take = Math.Min(count, HeadLength - _headLength);
            Array.Copy(chunk, 0, _head, _headLength, take);
            _headLength += take;
            if (_headLength < HeadLength && count > 0)
            {
                return;
            }

            _checked = true;
            if (!(_headLength >= 8 && _head[4] == (byte)'f' && _head[5] == (byte)'t' && _head[6] == (byte)'y' && _head[7] == (byte)'p'))
            {
                var notAVideo = new NotAVideoException(Quote(_head, _headLength));
                StartOver();
                throw notAVideo;
            }
        }

        public void Report(long written, long? total, bool final)
        {
            long now = Stopwatch.GetTimestamp();
            if (_progress is not null && (final || now >= _nextReport))
            {
                _nextReport = now + ProgressInterval;
                _progress(written, total);
            }
        }

        private static string Quote(byte[] head, int length)
        {
            if (length == 0)
            {
                return "an empty body.";
            }

            var text = new StringBuilder();
            foreach (char c in Encoding.UTF8.GetString(head, 0, length))
            {
                text.Append(char.IsControl(c) ? ' ' : c);
            }

            return $"a body starting: \"{text.ToString().Trim()}{(length == HeadLength ? "…" : string.Empty)}\"";
        }
    }

    /// <summary>The link answered something other than an MP4 (an HTML or JSON error page, an empty body).</summary>
    private sealed class NotAVideoException : Exception
    {
        public NotAVideoException(string description)
            : base(description)
        {
        }
    }

    /// <summary>408, 429 or 5xx: worth another attempt, after the server's Retry-After when it gave one.</summary>
    private sealed class TransientStatusException : Exception
    {
        public TransientStatusException(HttpResponseMessage response)
            : base($"HTTP {(int)response.StatusCode}")
        {
            RetryAfter = VeoHttp.RetryAfter(response);
        }

        public TimeSpan? RetryAfter { get; }
    }
}
