using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// Google's own Gemini API (generativelanguage.googleapis.com), which every reseller mirrors:
/// <c>POST /v1beta/models/{model}:predictLongRunning</c> with <c>{instances: [{…}], parameters: {…}}</c> → an operation
/// <c>{name: "models/…/operations/…"}</c>, polled with <c>GET /v1beta/{name}</c> until <c>done</c>. The key goes in the
/// <c>x-goog-api-key</c> header, never in a URL; result links are on Google's host and need it too.
/// Sources: google-genai (python-genai <c>models.py</c> <c>_GenerateVideosConfig_to_mldev</c>, <c>_operations_converters.py</c>)
/// and shared providers.md §4.
/// </summary>
internal sealed class GoogleProtocol : IProviderProtocol, IApiKeyHeader
{
    private const string ApiVersion = "v1beta/";

    /// <summary>Google's own host: the key may always go there, whatever -BaseUri says.</summary>
    private const string GoogleHost = "generativelanguage.googleapis.com";

    /// <summary>
    /// What the Gemini API takes for Veo 3.1. google-genai refuses seed and generateAudio "in Gemini Developer API mode"
    /// (Vertex only), so they are not offered here; sampleCount, negativePrompt and enhancePrompt are passed through.
    /// </summary>
    private const VeoOption Options = VeoOption.NegativePrompt | VeoOption.SampleCount | VeoOption.EnhancePrompt;

    public static readonly GoogleProtocol Instance = new();

    private GoogleProtocol()
    {
        var tiers = new[] { (VeoTier.Standard, "veo-3.1-generate-preview"), (VeoTier.Fast, "veo-3.1-fast-generate-preview") };
        var modes = new[] { VeoMode.Text, VeoMode.FirstFrame, VeoMode.FirstAndLastFrame, VeoMode.Reference, VeoMode.Extend };
        Models = modes.SelectMany(mode => tiers.Select(tier => Model(mode, tier.Item1, tier.Item2))).ToArray();
    }

    public string Name => "Google";

    public IReadOnlyList<ModelDefinition> Models { get; }

    public bool JsonContentTypeOnEveryRequest => false;

    public string KeyHeader => "x-goog-api-key";

    public bool SendsKeyTo(Uri uri, VeoConnection connection) =>
        Uri.Compare(uri, connection.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0 ||
        (uri.Scheme == Uri.UriSchemeHttps && string.Equals(uri.Host, GoogleHost, StringComparison.OrdinalIgnoreCase) && uri.IsDefaultPort);

    public string CreatePath(ModelDefinition model) => $"{ApiVersion}models/{model.ModelId}:predictLongRunning";

    /// <summary>
    /// Images are sent as bytes, so image URLs are fetched and checked first. The video to extend stays a URL, and it must
    /// be one of this API's own results: Google extends only videos it generated.
    /// </summary>
    public Task<VideoRequest> ResolveMediaAsync(ProviderCall call, VideoRequest request, CancellationToken cancellationToken)
    {
        if (request.Video?.Url is Uri video && !SendsKeyTo(video, call.Connection))
        {
            throw new VeoException(VeoErrorIds.VideoUrlRequired, VeoErrorKind.InvalidArgument,
                $"Google extends only videos its Gemini API generated; {video.GetLeftPart(UriPartial.Path)} is not one. " +
                "Pipe in a finished Google task, or pass its video's URI.") { Target = video };
        }

        return MediaStage.ReplaceAsync(
            request, media => media is ImageInput && !media.HasContent, remote => MediaFetcher.FetchAsync(call, remote, cancellationToken));
    }

    public void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, MediaEncoder media)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("instances");
        writer.WriteStartObject();
        writer.WriteString("prompt", request.Prompt);
        writer.WriteOptional("image", request.Image, media.WriteInline);
        writer.WriteOptional("lastFrame", request.LastImage, media.WriteInline);
        writer.WriteOptional("video", request.Video, (w, video) =>
        {
            w.WriteStartObject();
            w.WritePropertyName("uri");
            media.WriteUrl(w, video);
            w.WriteEndObject();
        });

        writer.WriteReferenceImages("referenceImages", "referenceType", request.ReferenceImages, media.WriteInline);

        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartObject("parameters");
        writer.WriteString("aspectRatio", request.AspectRatio);
        writer.WriteString("resolution", request.Resolution);
        writer.WriteOptional("durationSeconds", request.DurationSeconds);
        writer.WriteOptional("sampleCount", request.SampleCount);
        writer.WriteOptional("negativePrompt", request.NegativePrompt);
        writer.WriteOptional("enhancePrompt", request.EnhancePrompt);
        writer.WriteOptional("personGeneration", PersonGenerationWords.Spell(request.PersonGeneration));
        writer.WriteEndObject();

        writer.WriteEndObject();
    }

    public CreatedTask ReadCreated(JsonElement createAnswer, DateTimeOffset now) => new(
        ReadStatusTaskId(createAnswer) ?? throw Json.Invalid(Name, "the create answer has no operation name"), TaskState.Created(now));

    /// <summary>
    /// The operation name is a path (<c>models/…/operations/…</c>): the whole name must be an id <see cref="TaskIds"/>
    /// accepts, and each segment is escaped as one, so none may be empty, <c>.</c> or <c>..</c> and climb out of v1beta.
    /// </summary>
    public string StatusPath(string taskId, TaskState last, DateTimeOffset now)
    {
        string[] segments = TaskIds.Require(taskId).Split('/');
        if (segments.Any(segment => segment.Length == 0 || TaskIds.Problem(segment) is not null))
        {
            throw new VeoException(VeoErrorIds.InvalidTaskId, VeoErrorKind.InvalidArgument,
                $"'{TaskIds.Printable(taskId)}' is not a Google operation name (models/<model>/operations/<id>).") { Target = taskId };
        }

        return ApiVersion + string.Join("/", segments.Select(TaskIds.PathSegment));
    }

    public string? ReadStatusTaskId(JsonElement statusAnswer) => Json.String(statusAnswer, "name");

    /// <summary>
    /// An operation without <c>done</c> is still running (proto JSON omits false). Done, it carries either an error or a
    /// response whose samples are under <c>generateVideoResponse</c> (or, as one reseller shows, directly under
    /// <c>response</c>). Done with no samples is a failure: it says so when Google's safety filters removed them.
    /// </summary>
    public TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now)
    {
        if (!statusAnswer.TryGetProperty("done", out JsonElement done) || done.ValueKind != JsonValueKind.True)
        {
            return TaskState.Running(0, null, now);
        }

        if (Json.Object(statusAnswer, "error") is JsonElement error)
        {
            return TaskState.Failed(Json.String(error, "status") ?? Json.String(error, "code"), Json.String(error, "message"), 100, now);
        }

        JsonElement response = Json.Object(statusAnswer, "response") ?? throw Json.Invalid(Name, "a done operation has neither a response nor an error");
        JsonElement result = Json.Object(response, "generateVideoResponse") ?? response;
        VeoVideo[] videos = Samples(result).Select(uri => new VeoVideo(uri, null)).ToArray();
        if (videos.Length > 0)
        {
            return TaskState.Completed(videos, now);
        }

        int filtered = Json.Int(result, "raiMediaFilteredCount") ?? 0;
        string[] reasons = result.TryGetProperty("raiMediaFilteredReasons", out JsonElement list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToArray()
            : Array.Empty<string>();
        // Done without samples is final (Google attaches no link later), so it fails now, saying why when it can.
        return filtered > 0 || reasons.Length > 0
            ? TaskState.Failed("RAI_MEDIA_FILTERED",
                $"Google's safety filters removed {(filtered > 0 ? filtered.ToString(System.Globalization.CultureInfo.InvariantCulture) : "every")} video(s)" +
                (reasons.Length > 0 ? $": {string.Join(" ", reasons)}" : "."), 100, now)
            : TaskState.Failed(VeoErrorIds.TaskHasNoVideo, "Google reported the operation as done but returned no video.", 100, now);
    }

    /// <summary>
    /// Google's <c>{error: {code, message, status, details}}</c>. A bad key is HTTP 400 INVALID_ARGUMENT whose details
    /// carry reason API_KEY_INVALID: that is an authentication failure, not a rejected request.
    /// </summary>
    public VeoApiException ReadError(ApiCall call, int statusCode, string body)
    {
        JsonElement? error = Json.TryParseObject(body) is JsonElement answer ? Json.Object(answer, "error") : null;
        string? status = error is JsonElement e ? Json.String(e, "status") : null;
        string? reason = error is JsonElement d ? Reasons(d).FirstOrDefault() : null;
        string? message = error is JsonElement m ? Json.String(m, "message") : Json.Excerpt(body);
        string? errorId = (reason, status) switch
        {
            ("API_KEY_INVALID" or "API_KEY_SERVICE_BLOCKED", _) or (_, "UNAUTHENTICATED") => VeoErrorIds.AuthenticationFailed,
            (_, "PERMISSION_DENIED") => VeoErrorIds.AccessDenied,
            (_, "RESOURCE_EXHAUSTED") => VeoErrorIds.RateLimited,
            (_, "NOT_FOUND") => call == ApiCall.Status ? VeoErrorIds.TaskNotFound : VeoErrorIds.ModelNotFound,
            (_, "INVALID_ARGUMENT" or "FAILED_PRECONDITION" or "OUT_OF_RANGE") => VeoErrorIds.RequestRejected,
            (_, "UNAVAILABLE") => VeoErrorIds.ProviderUnavailable,
            _ => null,
        };
        return ApiErrors.FromStatus(Name, call, statusCode, reason ?? status, message, errorId);
    }

    /// <summary>Google's rules (providers.md §4.2): 1080p and 4k, reference images, interpolation and extension need 8 s; extension is 720p; reference images 16:9.</summary>
    private static ModelDefinition Model(VeoMode mode, VeoTier tier, string modelId)
    {
        // Text-to-video and extension take allow_all only; image, interpolation and reference flows allow_adult only.
        PersonGeneration people = mode is VeoMode.Text or VeoMode.Extend ? PersonGeneration.AllowAll : PersonGeneration.AllowAdult;
        return new ModelDefinition(VeoProvider.Google, mode, tier, modelId)
        {
            Resolutions = mode == VeoMode.Extend ? new[] { "720p" } : new[] { "720p", "1080p", "4k" },
            Durations = mode is VeoMode.Text or VeoMode.FirstFrame ? new[] { 4, 6, 8 } : new[] { 8 },
            AspectRatios = mode == VeoMode.Reference ? new[] { "16:9" } : new[] { "16:9", "9:16" },
            MinReferenceImages = mode == VeoMode.Reference ? 1 : 0,
            MaxReferenceImages = mode == VeoMode.Reference ? 3 : 0,
            Options = Options,
            PersonGenerationValues = new[] { people },
            DefaultPersonGeneration = people,
            Rules = new[] { ModelRule.OnlyAtDuration(8, "1080p", "4k") },
            VideoUrlOnly = mode == VeoMode.Extend,
        };
    }

    private static IEnumerable<Uri> Samples(JsonElement result)
    {
        if (!result.TryGetProperty("generatedSamples", out JsonElement samples) || samples.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (JsonElement sample in samples.EnumerateArray())
        {
            if (Json.Object(sample, "video") is JsonElement video && Json.String(video, "uri") is string uri &&
                Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed))
            {
                yield return parsed;
            }
        }
    }

    /// <summary>The <c>reason</c> of each <c>google.rpc.ErrorInfo</c> in the error's details.</summary>
    private static IEnumerable<string> Reasons(JsonElement error)
    {
        if (!error.TryGetProperty("details", out JsonElement details) || details.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (JsonElement detail in details.EnumerateArray())
        {
            if (Json.String(detail, "reason") is string reason)
            {
                yield return reason;
            }
        }
    }
}
