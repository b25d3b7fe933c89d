using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// Vtrix: one model, <c>veo_31_fast</c>, whose camelCase body copies Google's own Veo request. Images are sent as
/// bytes (<c>{bytesBase64Encoded, mimeType}</c>), so image URLs are fetched and checked first. Vtrix's pages disagree
/// about status words, error shapes and ids, so the status reader accepts every documented variant.
/// </summary>
internal sealed class VtrixProtocol : IProviderProtocol
{
    // Where the sources disagree, this is the one place to change (see shared providers.md §3):
    // create path: confirmed ("use this endpoint for all multimodal models");
    private const string CreateEndpoint = "model/v1/generation";

    // status path: inferred from the official CLI (the create endpoint + "/task/" + id);
    private const string StatusEndpoint = "model/v1/generation/task/";

    // body envelope: the model page lists the fields at the top level, as sent here; the CLI wraps them in
    // {"model", "input": [{"params": {…}}]}. Only WriteCreateBody needs to change if the wrapper turns out to be required.
    private const string ModelId = "veo_31_fast";

    // Image, first/last-frame and reference flows accept only allow_adult; text-to-video and extension only allow_all.
    private static readonly Dictionary<PersonGeneration, string> AdultsOnly = new() { [PersonGeneration.AllowAdult] = "allow_adult" };
    private static readonly Dictionary<PersonGeneration, string> AnyoneOnly = new() { [PersonGeneration.AllowAll] = "allow_all" };

    // Declared after the tables it uses: static fields initialise in order.
    public static readonly VtrixProtocol Instance = new();

    private VtrixProtocol()
    {
        Models = new[]
        {
            Model(VeoMode.FirstFrame),
            Model(VeoMode.FirstAndLastFrame),
            Model(VeoMode.Reference),
            Model(VeoMode.Text),
            Model(VeoMode.Extend),
        };
    }

    public IReadOnlyList<ModelDefinition> Models { get; }

    public string CreatePath(ModelDefinition model) => CreateEndpoint;

    public async Task<VideoRequest> ResolveImagesAsync(ProviderCall call, VideoRequest request, CancellationToken cancellationToken)
    {
        var fetched = new Dictionary<MediaInput, MediaInput>();
        foreach (MediaInput remote in request.AllMedia().Where(m => !m.HasContent).Distinct())
        {
            fetched[remote] = await MediaFetcher.FetchAsync(call, remote, cancellationToken).ConfigureAwait(false);
        }

        return request.WithMedia(media => fetched.TryGetValue(media, out MediaInput? bytes) ? bytes : media);
    }

    public void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, MediaEncoder images)
    {
        writer.WriteStartObject();
        writer.WriteString("model", ModelId);
        writer.WriteString("prompt", request.Prompt);
        writer.WriteOptional("negativePrompt", request.NegativePrompt);

        Action<Utf8JsonWriter, MediaInput> asObject = (w, media) => WriteMedia(w, media, images);
        writer.WriteOptional("image", request.Image, asObject);
        writer.WriteOptional("lastFrame", request.LastImage, asObject);
        writer.WriteOptional("video", request.Video, asObject);

        if (request.ReferenceImages.Count > 0)
        {
            writer.WriteStartArray("referenceImages");
            foreach (ImageInput reference in request.ReferenceImages)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("image");
                WriteMedia(writer, reference, images);
                writer.WriteString("referenceType", "asset");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteString("aspectRatio", request.AspectRatio);
        writer.WriteString("resolution", request.Resolution);
        writer.WriteOptional("durationSeconds", request.DurationSeconds);
        writer.WriteOptional("personGeneration", model.Wire.Spell(request.PersonGeneration));

        writer.WriteEndObject();
    }

    public string ReadTaskId(JsonElement createAnswer) =>
        ReadStatusTaskId(createAnswer) ?? throw Json.Invalid("Vtrix", "the create answer has no id");

    public string StatusPath(string taskId) => StatusEndpoint + TaskIds.PathSegment(taskId);

    public string? ReadStatusTaskId(JsonElement statusAnswer) => Json.String(statusAnswer, "id") ?? Json.String(statusAnswer, "task_id");

    public TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now)
    {
        string status = Json.String(statusAnswer, "status") ?? throw Json.Invalid("Vtrix", "the task has no status");
        double? fraction = Json.Double(statusAnswer, "progress");
        // Documented as 0–1; a value above 1 is taken as a percentage already.
        int progress = fraction is double p ? (int)Math.Round(Math.Max(0, Math.Min(100, p <= 1 ? p * 100 : p))) : 0;
        VeoVideo[] videos = ReadVideos(statusAnswer).Select(uri => new VeoVideo(uri, null)).ToArray();
        decimal? cost = Json.Object(statusAnswer, "usage") is JsonElement usage && Json.String(usage, "cost") is string text &&
                        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal dollars)
            ? dollars
            : null;
        (string? code, string? message) = ReadError(statusAnswer);
        return status switch
        {
            "pending" or "queued" => new TaskState(VeoTaskStatus.Queued, progress, null, videos, null, null, now),
            "completed" when videos.Length > 0 => new TaskState(VeoTaskStatus.Succeeded, 100, 0, videos, null, null, now, cost),
            "completed" => new TaskState(VeoTaskStatus.Failed, 100, null, videos, "NO_VIDEO",
                "The provider reported the task as completed but returned no video (a safety filter can do this).", now, cost),
            "failed" => new TaskState(VeoTaskStatus.Failed, progress, null, videos, code,
                message ?? "The provider reported the task as failed without a reason.", now, cost),
            _ => new TaskState(VeoTaskStatus.Running, progress, null, videos, null, null, now),
        };
    }

    public VeoApiException ReadError(ApiCall call, int statusCode, string body)
    {
        (string? code, string? message) = Json.TryParseObject(body) is JsonElement answer ? ReadError(answer) : (null, Json.Excerpt(body));
        string? errorId = statusCode switch
        {
            403 => VeoErrorIds.InsufficientBalance,
            404 when call == ApiCall.Status => VeoErrorIds.TaskNotFound,
            _ => null,
        };
        return ApiErrors.FromStatus("Vtrix", call, statusCode, code, message, errorId);
    }

    /// <summary>Google's rules: reference images and extension need 8 s, extension is 720p, 1080p and 4k need 8 s.</summary>
    private static ModelDefinition Model(VeoMode mode)
    {
        bool anyone = mode is VeoMode.Text or VeoMode.Extend;
        return new ModelDefinition(VeoProvider.Vtrix, mode, VeoTier.Fast, ModelId, new WireNames { PersonGeneration = anyone ? AnyoneOnly : AdultsOnly })
        {
            Resolutions = mode == VeoMode.Extend ? new[] { "720p" } : new[] { "720p", "1080p", "4k" },
            Durations = mode is VeoMode.Reference or VeoMode.Extend ? new[] { 8 } : new[] { 4, 6, 8 },
            MinReferenceImages = mode == VeoMode.Reference ? 1 : 0,
            MaxReferenceImages = mode == VeoMode.Reference ? 3 : 0,
            Options = VeoOption.NegativePrompt,
            DefaultPersonGeneration = anyone ? PersonGeneration.AllowAll : PersonGeneration.AllowAdult,
            Rules = new[] { ModelRule.OnlyAtDuration(8, "1080p", "4k") },
        };
    }

    /// <summary>An image or video in Google's Vertex form: raw base64 and its MIME type.</summary>
    private static void WriteMedia(Utf8JsonWriter writer, MediaInput image, MediaEncoder images)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("bytesBase64Encoded");
        images.WriteBase64(writer, image);
        writer.WritePropertyName("mimeType");
        images.WriteMimeType(writer, image);
        writer.WriteEndObject();
    }

    /// <summary>The error as a string, as <c>{code, error_message}</c> or as <c>{code, message}</c>; also a top-level message.</summary>
    private static (string? Code, string? Message) ReadError(JsonElement answer)
    {
        if (answer.TryGetProperty("error", out JsonElement error))
        {
            if (error.ValueKind == JsonValueKind.String)
            {
                return (null, error.GetString());
            }

            if (error.ValueKind == JsonValueKind.Object)
            {
                return (Json.String(error, "code"), Json.String(error, "error_message") ?? Json.String(error, "message"));
            }
        }

        return (null, Json.String(answer, "message"));
    }

    private static IEnumerable<Uri> ReadVideos(JsonElement answer)
    {
        if (!answer.TryGetProperty("output", out JsonElement output) || output.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (JsonElement item in output.EnumerateArray())
        {
            if (!item.TryGetProperty("content", out JsonElement content) || content.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (JsonElement part in content.EnumerateArray())
            {
                if (Json.String(part, "type") is "video" or "video_url" && Json.String(part, "url") is string url &&
                    Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
                {
                    yield return uri;
                }
            }
        }
    }
}
