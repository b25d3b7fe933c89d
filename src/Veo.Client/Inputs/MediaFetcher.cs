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
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
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
                    $"{what} could not be fetched: {verdict}. Nothing was sent to {call.Connection.Provider}.", ex) { Target = url };
            }

            if (read == 0)
            {
                break;
            }

            watchdog.Arrived(read);
            buffer.Write(chunk, 0, read);
            if (buffer.Length > media.SizeLimit)
            {
                media.CheckSize(buffer.Length, what);
            }
        }

        return media.WithContent(url, media.Check(buffer.ToArray(), what));
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
