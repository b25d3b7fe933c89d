using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly.Timeout;

namespace Veo.Client;

/// <summary>Fetches an image URL for providers that take bytes only, and checks it like a local file.</summary>
internal static class ImageFetcher
{
    public static async Task<ImageInput> FetchAsync(ProviderCall call, ImageInput image, CancellationToken cancellationToken)
    {
        Uri url = image.Url!;
        call.Log.Verbose($"Fetching {url} to send its bytes to {call.Connection.Provider}.");
        string what = $"The image at {url}";
        using HttpResponseMessage response = await GetAsync(call, url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new VeoException(VeoErrorIds.ImageUrlUnavailable, VeoErrorKind.ObjectNotFound,
                $"{what} could not be fetched: HTTP {(int)response.StatusCode} {response.ReasonPhrase}. Nothing was sent to {call.Connection.Provider}.") { Target = url };
        }

        if (response.Content.Headers.ContentLength is long announced)
        {
            ImageInput.CheckSize(announced, what);
        }

        using Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ImageInput.MaxBytes)
            {
                ImageInput.CheckSize(buffer.Length, what);
            }
        }

        return ImageInput.FromFetched(url, ImageInput.Check(buffer.ToArray(), what));
    }

    private static async Task<HttpResponseMessage> GetAsync(ProviderCall call, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await call.Http.GetContentAsync(url, 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException)
        {
            throw new VeoException(VeoErrorIds.ImageUrlUnavailable, VeoErrorKind.ConnectionError,
                $"The image at {url} could not be fetched: {ex.Message}. Nothing was sent to {call.Connection.Provider}.", ex) { Target = url };
        }
    }
}
