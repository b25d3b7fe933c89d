using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Veo.Client;

/// <summary>
/// HTTP to the providers. Status requests and downloads are retried on 408/429/5xx and connection faults with
/// jittered exponential backoff, honouring Retry-After. A create is retried only when the provider cannot have
/// acted on it (a 429 answer, or no connection at all): a second create is a second bill.
/// </summary>
internal sealed class VeoHttp
{
    /// <summary>The largest API answer read (status, create, upload answers are a few KB).</summary>
    internal const long MaxAnswerBytes = 4L * 1024 * 1024;

    private static readonly HttpClient SharedClient = new(new HttpClientHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    private static readonly ProductInfoHeaderValue UserAgent =
        new("Veo-PowerShell", typeof(VeoHttp).Assembly.GetName().Version?.ToString(3) ?? "0");

    /// <summary>What every create of unknown outcome says: a task may exist, nothing was resent, where to look.</summary>
    internal const string UnknownFate =
        "A task may have been created and billed. It was not sent again. Check the provider's task list (or Get-VeoTask) " +
        "before running the command again.";

    private readonly HttpClient _client;
    private readonly VeoClientOptions _options;
    private readonly IVeoLog _log;
    private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _createPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _singleAttemptPipeline;

    public VeoHttp(VeoClientOptions options, IVeoLog log, HttpClient? client = null)
    {
        _client = client ?? SharedClient;
        _options = options;
        _log = log;
        _readPipeline = BuildPipeline(IsTransient, options.RequestTimeout);
        _createPipeline = BuildPipeline(IsSafeToResendCreate, options.CreateTimeout);
        _singleAttemptPipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.RequestTimeout).Build();
    }

    public VeoClientOptions Options => _options;

    /// <summary>A GET to the provider's API (status), retried while the fault looks transient.</summary>
    public Task<JsonElement> GetJsonAsync(VeoConnection connection, string relativePath, ApiCall call, CancellationToken cancellationToken) =>
        SendRetriedAsync(connection, HttpMethod.Get, relativePath, null, call, cancellationToken);

    /// <summary>
    /// A POST that costs nothing and may be repeated (a file upload), retried like a GET. <paramref name="newBody"/> gives
    /// a fresh content for each attempt, so a streamed file is read again.
    /// </summary>
    public Task<JsonElement> PostAsync(
        VeoConnection connection, string relativePath, Func<HttpContent> newBody, ApiCall call, CancellationToken cancellationToken) =>
        SendRetriedAsync(connection, HttpMethod.Post, relativePath, newBody, call, cancellationToken);

    private async Task<JsonElement> SendRetriedAsync(
        VeoConnection connection, HttpMethod method, string relativePath, Func<HttpContent>? newBody, ApiCall call, CancellationToken cancellationToken)
    {
        Uri uri = connection.Resolve(relativePath);
        ApiKey key = connection.RequireKey();
        try
        {
            using HttpResponseMessage response = await SendAsync(
                _readPipeline, () => NewRequest(connection, method, uri, key, newBody), cancellationToken).ConfigureAwait(false);
            return await ReadAnswerAsync(connection, key, response, call).ConfigureAwait(false);
        }
        catch (Exception ex) when (Innermost<MediaChangedException>(ex) is MediaChangedException changed)
        {
            throw MediaChanged(changed, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new VeoException(VeoErrorIds.RequestTimedOut, VeoErrorKind.OperationTimeout,
                $"{connection.Provider} did not answer {method} {uri.AbsolutePath} within {_options.RequestTimeout.TotalSeconds:0.#} s, after {_options.MaxRetries + 1} attempts.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new VeoException(VeoErrorIds.ConnectionFailed, VeoErrorKind.ConnectionError,
                $"Could not reach {connection.Provider} at {connection.BaseUri} after {_options.MaxRetries + 1} attempts: {Describe(ex)}", ex);
        }
    }

    /// <summary>Sends a create request. The JSON is built once; a safe resend is the same bytes, its images read again from their files.</summary>
    public async Task<JsonElement> PostCreateAsync(VeoConnection connection, string relativePath, StreamedJsonBody body, CancellationToken cancellationToken)
    {
        Uri uri = connection.Resolve(relativePath);
        ApiKey key = connection.RequireKey();
        HttpRequestMessage NewCreate() => NewRequest(connection, HttpMethod.Post, uri, key, body.NewContent);
        const string unknownFate = UnknownFate;
        try
        {
            using HttpResponseMessage response = await SendAsync(_createPipeline, NewCreate, cancellationToken).ConfigureAwait(false);
            return await ReadAnswerAsync(connection, key, response, ApiCall.Create).ConfigureAwait(false);
        }
        catch (VeoException ex) when (ex.ErrorId == VeoErrorIds.InvalidProviderResponse)
        {
            // A success status with an unreadable body: the provider probably created (and billed) a task we cannot name.
            throw new VeoException(VeoErrorIds.CreateOutcomeUnknown, VeoErrorKind.InvalidResult,
                $"{connection.Provider} accepted the create request but its answer cannot be read ({ex.Message}). {unknownFate}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new VeoException(VeoErrorIds.CreateOutcomeUnknown, VeoErrorKind.OperationTimeout,
                $"The create request reached {uri.Host} but no answer came within {_options.CreateTimeout.TotalSeconds:0.#} s. {unknownFate}", ex);
        }
        catch (Exception ex) when (Innermost<MediaChangedException>(ex) is MediaChangedException changed)
        {
            throw MediaChanged(changed, ex);
        }
        catch (Exception ex) when ((ex is HttpRequestException or IOException) && IsNotSent(ex))
        {
            throw new VeoException(VeoErrorIds.ConnectionFailed, VeoErrorKind.ConnectionError,
                $"Could not connect to {connection.Provider} at {connection.BaseUri}: {Describe(ex)}. Nothing was sent.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new VeoException(VeoErrorIds.CreateOutcomeUnknown, VeoErrorKind.ConnectionError,
                $"The connection to {uri.Host} broke after the create request was sent ({Describe(ex)}). {unknownFate}", ex);
        }
    }

    /// <summary>A GET for a file's bytes, without the API key, retried like a status request (an image URL to fetch).</summary>
    public Task<HttpResponseMessage> GetContentAsync(Uri uri, CancellationToken cancellationToken) =>
        GetContentAsync(_readPipeline, uri, 0, cancellationToken);

    /// <summary>
    /// One GET for a video's bytes, without the API key (result links are signed and may live on another host). The
    /// downloader retries and resumes by itself, so retrying here as well would multiply the attempts.
    /// </summary>
    public Task<HttpResponseMessage> GetContentOnceAsync(Uri uri, long resumeFrom, CancellationToken cancellationToken) =>
        GetContentAsync(_singleAttemptPipeline, uri, resumeFrom, cancellationToken);

    private Task<HttpResponseMessage> GetContentAsync(ResiliencePipeline<HttpResponseMessage> pipeline, Uri uri, long resumeFrom, CancellationToken cancellationToken)
    {
        return SendAsync(pipeline, NewDownload, cancellationToken, HttpCompletionOption.ResponseHeadersRead);

        HttpRequestMessage NewDownload()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.UserAgent.Add(UserAgent);
            if (resumeFrom > 0)
            {
                request.Headers.Range = new RangeHeaderValue(resumeFrom, null);
            }

            return request;
        }
    }

    /// <summary>True for failures worth another attempt of an idempotent request.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => IsTransientStatus(outcome.Result!.StatusCode),
        HttpRequestException or IOException or TimeoutRejectedException => true,
        _ => false,
    };

    internal static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or (HttpStatusCode)429 || (int)status >= 500;

    /// <summary>A create may be sent again only if the provider refused it outright (429) or never received it.</summary>
    private static bool IsSafeToResendCreate(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result!.StatusCode == (HttpStatusCode)429,
        HttpRequestException or IOException => IsNotSent(outcome.Exception),
        _ => false,
    };

    private static VeoException MediaChanged(MediaChangedException changed, Exception sent) =>
        new(VeoErrorIds.FileUnreadable, VeoErrorKind.ReadError,
            $"{changed.Message} The request was cut off before its end, so the provider cannot have acted on it; run the command again.", sent);

    private static T? Innermost<T>(Exception exception)
        where T : Exception
    {
        T? found = null;
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            found = inner as T ?? found;
        }

        return found;
    }

    /// <summary>True when no connection was made, so the request cannot have reached the server.</summary>
    private static bool IsNotSent(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain
                    or SocketError.NoData or SocketError.NetworkUnreachable or SocketError.HostUnreachable;
            }
        }

        return false;
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(Func<Outcome<HttpResponseMessage>, bool> shouldRetry, TimeSpan attemptTimeout)
    {
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryBaseDelay,
            MaxDelay = _options.RetryMaxDelay,
            ShouldHandle = args => new ValueTask<bool>(
                _options.MaxRetries > 0 && shouldRetry(args.Outcome) && !WaitsTooLong(args.Outcome.Result)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result)),
            OnRetry = args =>
            {
                string cause = args.Outcome.Exception is { } ex ? Describe(ex) : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                _log.Verbose($"{cause}; retrying in {args.RetryDelay.TotalSeconds:0.##} s (attempt {args.AttemptNumber + 2} of {_options.MaxRetries + 1}).");
                args.Outcome.Result?.Dispose();
                return default;
            },
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(retry)
            .AddTimeout(attemptTimeout)
            .Build();
    }

    private async Task<HttpResponseMessage> SendAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline,
        Func<HttpRequestMessage> newRequest,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        return await pipeline.ExecuteAsync(
            async token =>
            {
                using HttpRequestMessage request = newRequest();
                _log.Verbose($"{request.Method} {request.RequestUri}");
                var watch = Stopwatch.StartNew();
                HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                if (completion == HttpCompletionOption.ResponseContentRead)
                {
                    await BufferAnswerAsync(response, request, token).ConfigureAwait(false);
                }

                _log.Debug($"HTTP {(int)response.StatusCode} from {request.Method} {request.RequestUri!.AbsolutePath} in {watch.ElapsedMilliseconds} ms");
                return response;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer as JSON, or the provider's error; every text of it has the key removed before anything reads it.</summary>
    private async Task<JsonElement> ReadAnswerAsync(VeoConnection connection, ApiKey key, HttpResponseMessage response, ApiCall call)
    {
        string body = Secrets.Redact(await response.Content.ReadAsStringAsync().ConfigureAwait(false), key);
        if (!response.IsSuccessStatusCode)
        {
            VeoApiException error = connection.Info.Protocol.ReadError(call, (int)response.StatusCode, body);
            if (RetryAfter(response) is TimeSpan wait && response.StatusCode == (HttpStatusCode)429)
            {
                throw new VeoApiException(error.ErrorId, error.Kind, $"{error.Message} The provider asks to wait {wait.TotalSeconds:0} s.", error.StatusCode, error.ProviderCode);
            }

            throw error;
        }

        _log.Debug($"Answer: {Json.Excerpt(body)}");
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new VeoException(VeoErrorIds.InvalidProviderResponse, VeoErrorKind.InvalidResult,
                $"{connection.Provider} answered HTTP {(int)response.StatusCode} with a body that is not JSON: {Json.Excerpt(body) ?? "(empty)"}", ex);
        }
    }

    /// <summary>
    /// Reads an API answer into memory, within the attempt's timeout, but never more than <see cref="MaxAnswerBytes"/>:
    /// a provider that sends an endless or enormous body gets InvalidProviderResponse, not the process's memory.
    /// </summary>
    private static async Task BufferAnswerAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpContent content = response.Content;
        var buffer = new MemoryStream();
        bool tooLarge = content.Headers.ContentLength > MaxAnswerBytes;
        if (!tooLarge)
        {
            using Stream body = await content.ReadAsStreamAsync().ConfigureAwait(false);
            byte[] chunk = new byte[81920];
            int read;
            while (!tooLarge && (read = await body.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                tooLarge = buffer.Length > MaxAnswerBytes;
            }
        }

        if (tooLarge)
        {
            response.Dispose();
            throw new VeoException(VeoErrorIds.InvalidProviderResponse, VeoErrorKind.InvalidResult,
                $"The answer to {request.Method} {request.RequestUri!.AbsolutePath} is larger than {MaxAnswerBytes / (1024 * 1024)} MB (an API answer is a few KB); it was not read.");
        }

        var buffered = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        foreach (KeyValuePair<string, IEnumerable<string>> header in content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        content.Dispose();
    }

    private static HttpRequestMessage NewRequest(VeoConnection connection, HttpMethod method, Uri uri, ApiKey key, Func<HttpContent>? newBody = null)
    {
        var request = new HttpRequestMessage(method, uri)
        {
            // Content-Type is a content header: a GET that must carry it gets an empty JSON body.
            Content = newBody?.Invoke() ?? (connection.Info.Protocol.JsonContentTypeOnEveryRequest ? EmptyJson() : null),
        };

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Reveal());
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static ByteArrayContent EmptyJson()
    {
        var content = new ByteArrayContent(Array.Empty<byte>());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The wait a Retry-After header asks for (seconds or an HTTP date), or null to use the backoff.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        RetryConditionHeaderValue? header = response?.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private bool WaitsTooLong(HttpResponseMessage? response) => RetryAfter(response) is TimeSpan wait && wait > _options.MaxRetryAfter;

    private static string Describe(Exception exception)
    {
        Exception innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }
}
