using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// Vtrix: one model, <c>veo_31_fast</c>, whose camelCase fields copy Google's own Veo request, sent in the gateway's
/// envelope <c>{"model", "input": [{"params": {…}}]}</c>. Images and videos are sent as bytes
/// (<c>{bytesBase64Encoded, mimeType}</c>), so URLs are fetched and checked first. Vtrix's pages disagree about task
/// shapes, status words, error shapes and ids, so the task reader accepts every documented variant.
/// </summary>
internal sealed class VtrixProtocol : IProviderProtocol
{
    // Where the sources disagree, this is the one place to change (see shared providers.md §3):
    // create path: confirmed ("use this endpoint for all multimodal models");
    private const string CreateEndpoint = "model/v1/generation";

    // status path: inferred from the official CLI (the create endpoint + "/task/" + id);
    private const string StatusEndpoint = "model/v1/generation/task/";

    // body: the official CLI's Submit, and Vtrix's curl examples for the same endpoint, wrap the model page's fields
    // in {"model", "input": [{"params": {…}}]}, with the model at the top only.
    private const string ModelId = "veo_31_fast";

    // Declared after the constants it uses: static fields initialise in order.
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

    public string Name => "Vtrix";

    public IReadOnlyList<ModelDefinition> Models { get; }

    /// <summary>The official CLI sends it on every request, the task GET included, as the model pages list it.</summary>
    public bool JsonContentTypeOnEveryRequest => true;

    public string CreatePath(ModelDefinition model) => CreateEndpoint;

    public Task<VideoRequest> ResolveMediaAsync(ProviderCall call, VideoRequest request, CancellationToken cancellationToken) =>
        MediaStage.ReplaceAsync(request, media => !media.HasContent, remote => MediaFetcher.FetchAsync(call, remote, cancellationToken));

    public void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, MediaEncoder images)
    {
        writer.WriteStartObject();
        writer.WriteString("model", ModelId);
        writer.WriteStartArray("input");
        writer.WriteStartObject();
        writer.WriteStartObject("params");

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
        writer.WriteOptional("personGeneration", PersonGenerationWords.Spell(request.PersonGeneration));

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The create answer is a task object, as from the status endpoint (perhaps wrapped, perhaps without a status yet).</summary>
    public CreatedTask ReadCreated(JsonElement createAnswer, DateTimeOffset now)
    {
        string id = ReadStatusTaskId(createAnswer) ?? throw Json.Invalid(Name, "the create answer has no id");
        return new CreatedTask(id, Json.String(Unwrap(createAnswer), "status") is null ? TaskState.Created(now) : ReadStatus(createAnswer, now));
    }

    public string StatusPath(string taskId, TaskState last, DateTimeOffset now) => StatusEndpoint + TaskIds.PathSegment(taskId);

    public string? ReadStatusTaskId(JsonElement statusAnswer)
    {
        JsonElement task = Unwrap(statusAnswer);
        return Json.String(task, "id") ?? Json.String(task, "task_id");
    }

    public TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now)
    {
        JsonElement task = Unwrap(statusAnswer);
        string status = Json.String(task, "status") ?? throw Json.Invalid(Name, "the task has no status");
        double? fraction = Json.Double(task, "progress");
        // Documented as 0–1; a value above 1 is taken as a percentage already.
        int progress = fraction is double p ? (int)Math.Round(Math.Max(0, Math.Min(100, p <= 1 ? p * 100 : p))) : 0;
        decimal? cost = Json.Object(task, "usage") is JsonElement usage && Json.String(usage, "cost") is string text &&
                        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal dollars)
            ? dollars
            : null;
        (string? code, string? message) = ReadError(task);
        return status switch
        {
            "pending" or "queued" or "in_queue" => TaskState.Queued(progress, null, now),
            "completed" or "success" or "succeeded" => TaskState.Completed(ReadVideos(task).Select(uri => new VeoVideo(uri, null)).ToArray(), now, cost),
            "failed" => TaskState.Failed(code, message, progress, now, cost),
            _ => TaskState.Running(progress, null, now),
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
        // Vtrix's pages give one 403 for both causes: say both.
        string? hint = statusCode == 403
            ? " Vtrix answers 403 for insufficient balance or permission denied: check the account's balance and the key's access to " +
              ModelId + "; nothing was created."
            : null;
        return ApiErrors.FromStatus(Name, call, statusCode, code, message, errorId, hint);
    }

    /// <summary>Google's rules: reference images and extension need 8 s, extension is 720p, 1080p and 4k need 8 s.</summary>
    private static ModelDefinition Model(VeoMode mode)
    {
        // Image, first/last-frame and reference flows accept only allow_adult; text-to-video and extension only allow_all.
        PersonGeneration people = mode is VeoMode.Text or VeoMode.Extend ? PersonGeneration.AllowAll : PersonGeneration.AllowAdult;
        return new ModelDefinition(VeoProvider.Vtrix, mode, VeoTier.Fast, ModelId)
        {
            Resolutions = mode == VeoMode.Extend ? new[] { "720p" } : new[] { "720p", "1080p", "4k" },
            Durations = mode is VeoMode.Reference or VeoMode.Extend ? new[] { 8 } : new[] { 4, 6, 8 },
            MinReferenceImages = mode == VeoMode.Reference ? 1 : 0,
            MaxReferenceImages = mode == VeoMode.Reference ? 3 : 0,
            Options = VeoOption.NegativePrompt,
            PersonGenerationValues = new[] { people },
            DefaultPersonGeneration = people,
            Rules = new[] { ModelRule.OnlyAtDuration(8, "1080p", "4k") },
        };
    }

    /// <summary>The task itself: older gateway answers wrap it as <c>{"data": {…task…}, "status": {"code", "message"}}</c>.</summary>
    private static JsonElement Unwrap(JsonElement answer) =>
        Json.Object(answer, "data") is JsonElement task && Json.Object(answer, "status") is not null ? task : answer;

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

    /// <summary>Output items hold their videos in <c>content[]</c> (the veo pages, the CLI) or are videos themselves (older gateway answers).</summary>
    private static IEnumerable<Uri> ReadVideos(JsonElement task)
    {
        if (!task.TryGetProperty("output", out JsonElement output) || output.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (JsonElement item in output.EnumerateArray())
        {
            IEnumerable<JsonElement> parts = item.TryGetProperty("content", out JsonElement content) && content.ValueKind == JsonValueKind.Array
                ? content.EnumerateArray()
                : new[] { item };
            foreach (JsonElement part in parts)
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
