using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// HighwayAPI (JieKou): <c>POST /v3/async/{endpoint}</c> → <c>{task_id}</c>; <c>GET /v3/async/task-result?task_id=</c>.
/// One endpoint per model. The endpoints disagree on field names (duration vs duration_seconds, last_image vs
/// last_frame_image, dont_allow vs disallow); <see cref="WriteCreateBody"/> spells each as its page does.
/// </summary>
internal sealed class HighwayApiProtocol : IProviderProtocol
{
    private const VeoOption AllOptions =
        VeoOption.Seed | VeoOption.NegativePrompt | VeoOption.GenerateAudio | VeoOption.EnhancePrompt | VeoOption.SampleCount;

    /// <summary>The one page that spells "no people" as disallow.</summary>
    private const string DisallowSpeller = "veo-3.1-fast-generate-firstlastframe";

    private static readonly PersonGeneration[] AdultOrNone = { PersonGeneration.AllowAdult, PersonGeneration.DontAllow };

    private static readonly PersonGeneration[] AnyPeople = { PersonGeneration.AllowAdult, PersonGeneration.DontAllow, PersonGeneration.AllowAll };

    // Declared after the tables it uses: static fields initialise in order.
    public static readonly HighwayApiProtocol Instance = new();

    private HighwayApiProtocol()
    {
        Models = new[]
        {
            Reference(VeoTier.Standard, "veo-3.1-generate-reference"),
            Reference(VeoTier.Fast, "veo-3.1-fast-generate-reference"),
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstFrame, VeoTier.Standard, "veo-3.1-generate-img2video")
            { PersonGenerationValues = AnyPeople, Options = AllOptions, EnhancePromptAlwaysOn = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstFrame, VeoTier.Fast, "veo-3.1-fast-generate-img2video")
            { PersonGenerationValues = AnyPeople, Options = AllOptions, EnhancePromptAlwaysOn = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstFrame, VeoTier.Lite, "veo-3.1-lite-i2v")
            { PersonGenerationValues = AdultOrNone, Options = AllOptions & ~VeoOption.EnhancePrompt },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstAndLastFrame, VeoTier.Standard, "veo-3.1-generate-firstlastframe")
            { PersonGenerationValues = AnyPeople, Options = AllOptions, EnhancePromptAlwaysOn = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstAndLastFrame, VeoTier.Fast, DisallowSpeller)
            { PersonGenerationValues = AdultOrNone, Options = AllOptions },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstAndLastFrame, VeoTier.Lite, "veo-3.1-lite-firstlastframe")
            { PersonGenerationValues = AdultOrNone, Options = AllOptions },
            // Text-to-video: the Standard and Fast pages make generate_audio required and enhancement always on.
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Standard, "veo-3.1-generate-text2video")
            { PersonGenerationValues = AnyPeople, Options = AllOptions, EnhancePromptAlwaysOn = true, RequiresGenerateAudio = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Fast, "veo-3.1-fast-generate-text2video")
            { PersonGenerationValues = AnyPeople, Options = AllOptions, EnhancePromptAlwaysOn = true, RequiresGenerateAudio = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Lite, "veo-3.1-lite-t2v")
            { PersonGenerationValues = AdultOrNone, Options = AllOptions },
            Extend(VeoTier.Standard, "veo-3.1-generate-extend", AllOptions & ~VeoOption.EnhancePrompt),
            Extend(VeoTier.Fast, "veo-3.1-fast-generate-extend", AllOptions & ~VeoOption.EnhancePrompt),
            Extend(VeoTier.Lite, "veo-3.1-lite-extend", AllOptions, videoUrlOnly: true),
        };
    }

    public string Name => "HighwayApi";

    public IReadOnlyList<ModelDefinition> Models { get; }

    /// <summary>Every page marks the header required, the task-result GET's included.</summary>
    public bool JsonContentTypeOnEveryRequest => true;

    public string CreatePath(ModelDefinition model) => "v3/async/" + model.ModelId;

    public Task<VideoRequest> ResolveMediaAsync(ProviderCall call, VideoRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request);

    public void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, MediaEncoder images)
    {
        writer.WriteStartObject();
        writer.WriteString("prompt", request.Prompt);
        writer.WriteOptional("image", request.Image, images.WriteUrlOrBase64);
        writer.WriteOptional(model.Tier == VeoTier.Lite ? "last_frame_image" : "last_image", request.LastImage, images.WriteUrlOrBase64);
        writer.WriteOptional("video", request.Video, images.WriteUrlOrBase64);

        if (request.ReferenceImages.Count > 0)
        {
            writer.WriteStartArray("reference_images");
            foreach (ImageInput reference in request.ReferenceImages)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("image");
                images.WriteUrlOrBase64(writer, reference);
                writer.WriteString("reference_type", "asset");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        // Reference and extension endpoints have a fixed length: no duration is left in the request to write.
        writer.WriteOptional(model.Tier == VeoTier.Lite ? "duration" : "duration_seconds", request.DurationSeconds);
        writer.WriteString("resolution", request.Resolution);
        writer.WriteString("aspect_ratio", request.AspectRatio);
        writer.WriteOptional("sample_count", request.SampleCount);
        writer.WriteOptional("seed", request.Seed);
        writer.WriteOptional("negative_prompt", request.NegativePrompt);
        writer.WriteOptional("generate_audio", request.GenerateAudio);
        writer.WriteOptional("enhance_prompt", request.EnhancePrompt);
        writer.WriteOptional("person_generation", model.ModelId == DisallowSpeller && request.PersonGeneration == PersonGeneration.DontAllow
            ? "disallow"
            : PersonGenerationWords.Spell(request.PersonGeneration));

        writer.WriteEndObject();
    }

    /// <summary>The create answer is the id alone.</summary>
    public CreatedTask ReadCreated(JsonElement createAnswer, DateTimeOffset now) =>
        new(Json.String(createAnswer, "task_id") ?? throw Json.Invalid(Name, "the create answer has no task_id"), TaskState.Created(now));

    public string StatusPath(string taskId, TaskState last, DateTimeOffset now) => "v3/async/task-result?task_id=" + TaskIds.QueryValue(taskId);

    public string? ReadStatusTaskId(JsonElement statusAnswer) =>
        Json.Object(statusAnswer, "task") is JsonElement task ? Json.String(task, "task_id") : null;

    public TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now)
    {
        JsonElement task = Json.Object(statusAnswer, "task") ?? throw Json.Invalid(Name, "the status answer has no task object");
        string? status = Json.String(task, "status");
        int progress = Json.Percent(task, "progress_percent");
        int? eta = Json.Int(task, "eta");
        var videos = new List<VeoVideo>();
        if (statusAnswer.TryGetProperty("videos", out JsonElement items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in items.EnumerateArray())
            {
                if (Json.String(item, "video_url") is string url && Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
                {
                    int? ttl = Json.Int(item, "video_url_ttl");
                    videos.Add(new VeoVideo(uri, ttl is int seconds ? now.AddSeconds(seconds) : null));
                }
            }
        }

        return status switch
        {
            "TASK_STATUS_QUEUED" => TaskState.Queued(progress, eta, now),
            "TASK_STATUS_SUCCEED" => TaskState.Completed(videos, now),
            "TASK_STATUS_FAILED" or "TASK_STATUS_CANCELED" => TaskState.Failed(status, Json.String(task, "reason"), progress, now),
            // Processing, and any status this module does not know yet, is not terminal: keep polling.
            _ => TaskState.Running(progress, eta, now),
        };
    }

    public VeoApiException ReadError(ApiCall call, int statusCode, string body)
    {
        JsonElement? answer = Json.TryParseObject(body);
        string? reason = answer is JsonElement a ? Json.String(a, "reason") : null;
        string? message = answer is JsonElement m ? WithDetails(Json.String(m, "message"), Json.Object(m, "metadata")) : Json.Excerpt(body);
        string? errorId = reason switch
        {
            "INVALID_API_KEY" or "FAILED_TO_AUTH" => VeoErrorIds.AuthenticationFailed,
            "NOT_ENOUGH_BALANCE" => VeoErrorIds.InsufficientBalance,
            "ACCESS_DENY" => VeoErrorIds.AccessDenied,
            "MODEL_NOT_FOUND" => VeoErrorIds.ModelNotFound,
            "TASK_NOT_FOUND" => VeoErrorIds.TaskNotFound,
            "RATE_LIMIT_EXCEEDED" or "TOKEN_LIMIT_EXCEEDED" => VeoErrorIds.RateLimited,
            "INVALID_REQUEST_BODY" => VeoErrorIds.RequestRejected,
            _ => null,
        };
        return ApiErrors.FromStatus(Name, call, statusCode, reason, message, errorId);
    }

    /// <summary>
    /// The error body is <c>{code, reason, message, metadata}</c>; what <c>metadata</c> carries (which field is wrong,
    /// and why) is added to the message, its <c>details</c> first.
    /// </summary>
    private static string? WithDetails(string? message, JsonElement? metadata)
    {
        if (metadata is not JsonElement details)
        {
            return message;
        }

        var parts = new List<string>();
        foreach (JsonProperty property in details.EnumerateObject().OrderBy(p => p.Name == "details" ? 0 : 1))
        {
            string text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            if (!string.IsNullOrWhiteSpace(text) && text != "{}" && text != "[]" && text != "null")
            {
                parts.Add(property.Name == "details" ? text : $"{property.Name}: {text}");
            }
        }

        string extra = string.Join("; ", parts);
        return extra.Length == 0 ? message : string.IsNullOrWhiteSpace(message) ? extra : $"{message!.TrimEnd('.', ' ')} ({extra})";
    }

    private static ModelDefinition Reference(VeoTier tier, string modelId) =>
        new(VeoProvider.HighwayApi, VeoMode.Reference, tier, modelId)
        {
            PersonGenerationValues = AdultOrNone,
            Durations = new[] { 8 },
            DurationIsFixed = true,
            MinReferenceImages = 1,
            MaxReferenceImages = 3,
            Options = AllOptions,
        };

    /// <summary>Extension adds about seven seconds to the input video; no duration is sent.</summary>
    private static ModelDefinition Extend(VeoTier tier, string modelId, VeoOption options, bool videoUrlOnly = false) =>
        new(VeoProvider.HighwayApi, VeoMode.Extend, tier, modelId)
        {
            PersonGenerationValues = AdultOrNone,
            Durations = new[] { 7 },
            DurationIsFixed = true,
            DefaultDuration = 7,
            Options = options,
            VideoUrlOnly = videoUrlOnly,
        };
}
