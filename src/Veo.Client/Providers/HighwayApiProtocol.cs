using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// HighwayAPI (JieKou): <c>POST /v3/async/{endpoint}</c> → <c>{task_id}</c>; <c>GET /v3/async/task-result?task_id=</c>.
/// One endpoint per model. The endpoints disagree on field names, so each model's <see cref="WireNames"/> says how it spells them.
/// </summary>
internal sealed class HighwayApiProtocol : IProviderProtocol
{
    private const VeoOption AllOptions =
        VeoOption.Seed | VeoOption.NegativePrompt | VeoOption.GenerateAudio | VeoOption.EnhancePrompt | VeoOption.SampleCount;

    private static readonly Dictionary<PersonGeneration, string> AdultOrNone = new()
    {
        [PersonGeneration.AllowAdult] = "allow_adult",
        [PersonGeneration.DontAllow] = "dont_allow",
    };

    private static readonly Dictionary<PersonGeneration, string> AnyPeople = new(AdultOrNone)
    {
        [PersonGeneration.AllowAll] = "allow_all",
    };

    // The Fast first/last-frame page spells "no people" as disallow.
    private static readonly Dictionary<PersonGeneration, string> AdultOrDisallow = new()
    {
        [PersonGeneration.AllowAdult] = "allow_adult",
        [PersonGeneration.DontAllow] = "disallow",
    };

    // Declared after the spelling tables: static fields initialise in order.
    public static readonly HighwayApiProtocol Instance = new();

    private HighwayApiProtocol()
    {
        Models = new[]
        {
            Reference(VeoTier.Standard, "veo-3.1-generate-reference"),
            Reference(VeoTier.Fast, "veo-3.1-fast-generate-reference"),
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstFrame, VeoTier.Standard, "veo-3.1-generate-img2video",
                new WireNames { DurationField = "duration_seconds", PersonGeneration = AnyPeople })
            { Options = AllOptions, EnhancePromptAlwaysOn = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstFrame, VeoTier.Fast, "veo-3.1-fast-generate-img2video",
                new WireNames { DurationField = "duration_seconds", PersonGeneration = AnyPeople })
            { Options = AllOptions, EnhancePromptAlwaysOn = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstFrame, VeoTier.Lite, "veo-3.1-lite-i2v",
                new WireNames { DurationField = "duration", PersonGeneration = AdultOrNone })
            { Options = AllOptions & ~VeoOption.EnhancePrompt },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstAndLastFrame, VeoTier.Standard, "veo-3.1-generate-firstlastframe",
                new WireNames { DurationField = "duration_seconds", LastImageField = "last_image", PersonGeneration = AnyPeople })
            { Options = AllOptions, EnhancePromptAlwaysOn = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstAndLastFrame, VeoTier.Fast, "veo-3.1-fast-generate-firstlastframe",
                new WireNames { DurationField = "duration_seconds", LastImageField = "last_image", PersonGeneration = AdultOrDisallow })
            { Options = AllOptions },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.FirstAndLastFrame, VeoTier.Lite, "veo-3.1-lite-firstlastframe",
                new WireNames { DurationField = "duration", LastImageField = "last_frame_image", PersonGeneration = AdultOrNone })
            { Options = AllOptions },
            // Text-to-video: the Standard and Fast pages make generate_audio required and enhancement always on.
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Standard, "veo-3.1-generate-text2video",
                new WireNames { DurationField = "duration_seconds", PersonGeneration = AnyPeople })
            { Options = AllOptions, EnhancePromptAlwaysOn = true, RequiresGenerateAudio = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Fast, "veo-3.1-fast-generate-text2video",
                new WireNames { DurationField = "duration_seconds", PersonGeneration = AnyPeople })
            { Options = AllOptions, EnhancePromptAlwaysOn = true, RequiresGenerateAudio = true },
            new ModelDefinition(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Lite, "veo-3.1-lite-t2v",
                new WireNames { DurationField = "duration", PersonGeneration = AdultOrNone })
            { Options = AllOptions },
            Extend(VeoTier.Standard, "veo-3.1-generate-extend", AllOptions & ~VeoOption.EnhancePrompt),
            Extend(VeoTier.Fast, "veo-3.1-fast-generate-extend", AllOptions & ~VeoOption.EnhancePrompt),
            Extend(VeoTier.Lite, "veo-3.1-lite-extend", AllOptions, videoUrlOnly: true),
        };
    }

    public IReadOnlyList<ModelDefinition> Models { get; }

    public string CreatePath(ModelDefinition model) => "v3/async/" + model.ModelId;

    public Task<VideoRequest> ResolveImagesAsync(ProviderCall call, VideoRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request);

    public void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, MediaEncoder images)
    {
        writer.WriteStartObject();
        writer.WriteString("prompt", request.Prompt);
        writer.WriteOptional("image", request.Image, images.WriteUrlOrBase64);
        writer.WriteOptional(model.Wire.LastImageField!, request.LastImage, images.WriteUrlOrBase64);
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

        if (model.Wire.DurationField is string durationField)
        {
            writer.WriteOptional(durationField, request.DurationSeconds);
        }

        writer.WriteString("resolution", request.Resolution);
        writer.WriteString("aspect_ratio", request.AspectRatio);
        writer.WriteOptional("sample_count", request.SampleCount);
        writer.WriteOptional("seed", request.Seed);
        writer.WriteOptional("negative_prompt", request.NegativePrompt);
        writer.WriteOptional("generate_audio", request.GenerateAudio);
        writer.WriteOptional("enhance_prompt", request.EnhancePrompt);
        writer.WriteOptional("person_generation", model.Wire.Spell(request.PersonGeneration));

        writer.WriteEndObject();
    }

    public string ReadTaskId(JsonElement createAnswer) =>
        Json.String(createAnswer, "task_id") ?? throw Json.Invalid("HighwayApi", "the create answer has no task_id");

    public string StatusPath(string taskId) => "v3/async/task-result?task_id=" + TaskIds.QueryValue(taskId);

    public string? ReadStatusTaskId(JsonElement statusAnswer) =>
        Json.Object(statusAnswer, "task") is JsonElement task ? Json.String(task, "task_id") : null;

    public TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now)
    {
        JsonElement task = Json.Object(statusAnswer, "task") ?? throw Json.Invalid("HighwayApi", "the status answer has no task object");
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

        string? reason = Json.String(task, "reason");
        return status switch
        {
            "TASK_STATUS_QUEUED" => new TaskState(VeoTaskStatus.Queued, progress, eta, videos, null, null, now),
            "TASK_STATUS_SUCCEED" when videos.Count > 0 => new TaskState(VeoTaskStatus.Succeeded, 100, 0, videos, null, null, now),
            "TASK_STATUS_SUCCEED" => new TaskState(VeoTaskStatus.Failed, progress, null, videos, "NO_VIDEO",
                "The provider reported success but returned no video (a safety filter can do this).", now),
            "TASK_STATUS_FAILED" or "TASK_STATUS_CANCELED" => new TaskState(VeoTaskStatus.Failed, progress, null, videos, status,
                string.IsNullOrEmpty(reason) ? "The provider reported the task as failed without a reason." : reason, now),
            // Processing, and any status this module does not know yet, is not terminal: keep polling.
            _ => new TaskState(VeoTaskStatus.Running, progress, eta, videos, null, null, now),
        };
    }

    public VeoApiException ReadError(ApiCall call, int statusCode, string body)
    {
        JsonElement? answer = Json.TryParseObject(body);
        string? reason = answer is JsonElement a ? Json.String(a, "reason") : null;
        string? message = answer is JsonElement m ? Json.String(m, "message") : Json.Excerpt(body);
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
        return ApiErrors.FromStatus("HighwayApi", call, statusCode, reason, message, errorId);
    }

    private static ModelDefinition Reference(VeoTier tier, string modelId) =>
        new(VeoProvider.HighwayApi, VeoMode.Reference, tier, modelId, new WireNames { PersonGeneration = AdultOrNone })
        {
            Durations = new[] { 8 },
            DurationIsFixed = true,
            MinReferenceImages = 1,
            MaxReferenceImages = 3,
            Options = AllOptions,
        };

    /// <summary>Extension adds about seven seconds to the input video; no duration is sent.</summary>
    private static ModelDefinition Extend(VeoTier tier, string modelId, VeoOption options, bool videoUrlOnly = false) =>
        new(VeoProvider.HighwayApi, VeoMode.Extend, tier, modelId, new WireNames { PersonGeneration = AdultOrNone })
        {
            Durations = new[] { 7 },
            DurationIsFixed = true,
            DefaultDuration = 7,
            Options = options,
            VideoUrlOnly = videoUrlOnly,
        };
}
