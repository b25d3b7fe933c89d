using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly.Timeout;

namespace Veo.Client;

/// <summary>Fetches an image or video URL for providers that take bytes only, and checks it like a local file.</summary>
internal static class MediaFetcher
{
    public static async Task<MediaInput> FetchAsync(ProviderCall call, MediaInput media, CancellationToken cancellationToken)
    {
        Uri url = media.Url!;
        call.Log.Verbose($"Fetching {url} to send its bytes to {call.Connection.Provider}.");
        string what = $"The file at {url}";
        using HttpResponseMessage response = await GetAsync(call, media, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new VeoException(media.UnavailableErrorId, VeoErrorKind.ObjectNotFound,
                $"{what} could not be fetched: HTTP {(int)response.StatusCode} {response.ReasonPhrase}. Nothing was sent to {call.Connection.Provider}.") { Target = url };
        }

        if (response.Content.Headers.ContentLength is long announced)
        {
            media.CheckSize(announced, what);
        }

        using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        // Into a file, not memory: the body streams it from there like a local file, so a 20 MB image costs no 20 MB.
        string path = TemporaryFiles.NewPath(call.Http.Options.FetchFolder, "fetch");
        try
        {
            (long length, byte[] head) = await CopyToFileAsync(call, media, body, path, what, cancellationToken).ConfigureAwait(false);
            return media.WithContent(url, media.CheckFetched(path, length, head, what));
        }
        catch
        {
            TemporaryFiles.Delete(path);
            throw;
        }
    }

    private static async Task<(long Length, byte[] Head)> CopyToFileAsync(
        ProviderCall call, MediaInput media, Stream body, string path, string what, CancellationToken cancellationToken)
    {
        byte[] head = new byte[MediaInput.HeadLength];
        int headLength = 0;
        long length = 0;
        byte[] chunk = new byte[81920];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        // A server that stalls or trickles after its headers would otherwise hold the create back forever.
        using var watchdog = new TransferWatchdog(call.Http.Options, cancellationToken);
        while (true)
        {
            int read;
            try
            {
                read = await body.ReadAsync(chunk, 0, chunk.Length, watchdog.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (watchdog.Verdict is string verdict && !cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException)
            {
                throw new VeoException(media.UnavailableErrorId, VeoErrorKind.OperationTimeout,
                    $"{what} could not be fetched: {verdict}. Nothing was sent to {call.Connection.Provider}.", ex) { Target = media.Url };
            }

            if (read == 0)
            {
                break;
            }

            watchdog.Arrived(read);
            int toHead = Math.Min(read, head.Length - headLength);
            Array.Copy(chunk, 0, head, headLength, toHead);
            headLength += toHead;
            length += read;
            if (length > media.SizeLimit)
            {
                media.CheckSize(length, what);
            }

            await file.WriteAsync(chunk, 0, read, cancellationToken).ConfigureAwait(false);
        }

        Array.Resize(ref head, headLength);
        return (length, head);
    }

    private static async Task<HttpResponseMessage> GetAsync(ProviderCall call, MediaInput media, CancellationToken cancellationToken)
    {
        try
        {
            return await call.Http.GetContentAsync(media.Url!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException)
        {
            throw new VeoException(media.UnavailableErrorId, VeoErrorKind.ConnectionError,
                $"The file at {media.Url} could not be fetched: {ex.Message}. Nothing was sent to {call.Connection.Provider}.", ex) { Target = media.Url };
        }
    }
}
