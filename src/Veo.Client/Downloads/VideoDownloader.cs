using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly.Timeout;

namespace Veo.Client;

/// <summary>
/// Streams a video to a temporary file beside the target and renames it into place only when every byte has
/// arrived, so no partial file ever sits at the final path. A broken transfer resumes with a Range request.
/// </summary>
internal sealed class VideoDownloader
{
    private const int BufferSize = 1 << 16;
    private static readonly Random Jitter = new();

    private readonly VeoHttp _http;
    private readonly IVeoLog _log;

    public VideoDownloader(VeoHttp http, IVeoLog log)
    {
        _http = http;
        _log = log;
    }

    /// <param name="progress">Called with (bytes so far, total bytes when known).</param>
    public async Task DownloadAsync(Uri uri, string path, bool overwrite, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        ThrowIfExists(path, overwrite);
        string folder = Path.GetDirectoryName(path)!;
        string temporary = PartialFiles.NewPath(folder);
        try
        {
            using (FileStream file = CreateTemporary(folder, temporary))
            {
                await FillAsync(uri, file, progress, cancellationToken).ConfigureAwait(false);
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
            // flush in Dispose that would hide the DiskFull error.
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VeoException(VeoErrorIds.VideoPathNotWritable, VeoErrorKind.WriteError,
                $"Cannot write a file in '{folder}': {ex.Message} Give -Path a folder you can write to.", ex) { Target = folder };
        }
    }

    private async Task FillAsync(Uri uri, FileStream file, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        int failures = 0;
        while (true)
        {
            try
            {
                await TransferAsync(uri, file, progress, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (IsBrokenTransfer(ex) && !cancellationToken.IsCancellationRequested && failures < _http.Options.MaxRetries)
            {
                failures++;
                TimeSpan delay = Backoff(failures);
                _log.Verbose($"Download of {uri.AbsolutePath} broke after {file.Length} bytes ({ex.Message}); resuming in {delay.TotalSeconds:0.##} s (retry {failures} of {_http.Options.MaxRetries}).");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsBrokenTransfer(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw new VeoException(VeoErrorIds.DownloadIncomplete, VeoErrorKind.ConnectionError,
                    $"The download of {uri.GetLeftPart(UriPartial.Path)} failed after {failures + 1} attempts: {ex.Message}", ex);
            }
        }
    }

    /// <summary>One attempt: asks for the bytes not yet written and appends them.</summary>
    private async Task TransferAsync(Uri uri, FileStream file, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        long resumeFrom = file.Length;
        using HttpResponseMessage response = await _http.GetContentAsync(uri, resumeFrom, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new VeoException(VeoErrorIds.VideoLinkExpired, VeoErrorKind.ResourceUnavailable,
                $"The video link answered HTTP {(int)response.StatusCode}: it has expired or was withdrawn.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new VeoException(VeoErrorIds.DownloadFailed, VeoErrorKind.ResourceUnavailable,
                $"The video link answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        if (resumeFrom > 0 && response.StatusCode != HttpStatusCode.PartialContent)
        {
            // The server ignored the Range header and sends everything again.
            file.SetLength(0);
            resumeFrom = 0;
        }

        file.Seek(resumeFrom, SeekOrigin.Begin);
        long? total = response.Content.Headers.ContentRange?.Length ?? response.Content.Headers.ContentLength + resumeFrom;
        using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        byte[] buffer = new byte[BufferSize];
        long written = resumeFrom;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            idle.CancelAfter(_http.Options.DownloadIdleTimeout);
            int read;
            try
            {
                read = await body.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no data for {_http.Options.DownloadIdleTimeout.TotalSeconds:0} s");
            }

            if (read == 0)
            {
                break;
            }

            await OnDiskAsync(() => file.WriteAsync(buffer, 0, read, cancellationToken), file.Name).ConfigureAwait(false);
            written += read;
            progress?.Invoke(written, total);
        }

        await OnDiskAsync(() => file.FlushAsync(cancellationToken), file.Name).ConfigureAwait(false);
        if (total is long expected && written != expected)
        {
            throw new IOException($"the transfer ended after {written} of {expected} bytes");
        }
    }

    /// <summary>A write to the file; a full disk is DiskFull, not a transfer fault to resume.</summary>
    private static async Task OnDiskAsync(Func<Task> write, string path)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (IOException ex) when (PartialFiles.IsDiskFull(ex))
        {
            throw new VeoException(VeoErrorIds.DiskFull, VeoErrorKind.WriteError,
                $"The disk holding '{Path.GetDirectoryName(path)}' is full ({ex.Message}); the partial download was removed. " +
                "Free some space or give -Path a folder on another disk, then save again.", ex) { Target = path };
        }
    }

    /// <summary>A fault of the transfer, worth resuming: not an answer from the server about the link.</summary>
    private static bool IsBrokenTransfer(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutException or TimeoutRejectedException;

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
}
