using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// AIHubMax (an EvoLink-style unified task API): <c>POST /v1/videos/generations</c> with a model id in the body →
/// <c>{id}</c>; <c>GET /v1/tasks/{id}</c>. Images are public URLs only, so local files are uploaded first with
/// <c>POST /v1/files/upload/base64</c>. Model ids are data here because the provider renames them.
/// </summary>
internal sealed class AIHubMaxProtocol : IProviderProtocol
{
    private const string UploadPath = "v1/files/upload/base64";

    /// <summary>Uploaded files expire after 72 hours; reuse an upload only well within that.</summary>
    private static readonly TimeSpan UploadReuseWindow = TimeSpan.FromHours(48);

    /// <summary>Result links live 24 hours.</summary>
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    private static readonly string[] AllResolutions = { "720p", "1080p", "4k" };
    private static readonly string[] LiteResolutions = { "720p", "1080p" };

    private static readonly Dictionary<PersonGeneration, string> StandardPeople = new()
    {
        [PersonGeneration.AllowAdult] = "allow_adult",
        [PersonGeneration.DontAllow] = "dont_allow",
    };

    private static readonly Dictionary<PersonGeneration, string> NoPeopleSetting = new();

    /// <summary>One upload per file content and address for the whole session.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<Upload>>> Uploads = new();

    // Declared after the tables it uses: static fields initialise in order.
    public static readonly AIHubMaxProtocol Instance = new();

    private AIHubMaxProtocol()
    {
        const VeoOption Common = VeoOption.GenerateAudio | VeoOption.AutoFix;
        const VeoOption Frames = Common | VeoOption.NegativePrompt | VeoOption.Seed;
        Models = new[]
        {
            Reference(VeoTier.Standard, "veo-3.1-reference-to-video", Common | VeoOption.SafetyTolerance | VeoOption.EnhancePrompt | VeoOption.ReferenceType, StandardPeople),
            Reference(VeoTier.Fast, "veo-3.1-fast-reference-to-video", Common | VeoOption.SafetyTolerance, NoPeopleSetting),
            Model(VeoMode.FirstFrame, VeoTier.Standard, "veo-3.1-image-to-video", "image_url", Frames | VeoOption.SafetyTolerance | VeoOption.EnhancePrompt, StandardPeople),
            Model(VeoMode.FirstFrame, VeoTier.Fast, "veo-3.1-fast-image-to-video", "image_url", Frames | VeoOption.SafetyTolerance, NoPeopleSetting),
            Lite(VeoMode.FirstFrame, "veo-3.1-lite-image-to-video", "image_url", Frames),
            Model(VeoMode.FirstAndLastFrame, VeoTier.Standard, "veo-3.1-first-last-frame-to-video", "first_image_url", Frames | VeoOption.SafetyTolerance | VeoOption.EnhancePrompt, StandardPeople),
            Model(VeoMode.FirstAndLastFrame, VeoTier.Fast, "veo-3.1-fast-first-last-frame-to-video", "first_image_url", Frames | VeoOption.SafetyTolerance, NoPeopleSetting),
            Lite(VeoMode.FirstAndLastFrame, "veo-3.1-lite-first-last-frame-to-video", "first_image_url", Frames),
            Model(VeoMode.Text, VeoTier.Standard, "veo-3.1-text-to-video", null, Frames | VeoOption.SafetyTolerance | VeoOption.EnhancePrompt, StandardPeople),
            Model(VeoMode.Text, VeoTier.Fast, "veo-3.1-fast-text-to-video", null, Frames | VeoOption.SafetyTolerance, NoPeopleSetting),
            Lite(VeoMode.Text, "veo-3.1-lite-text-to-video", null, Frames),
            Extend(VeoTier.Standard, "veo-3.1-extend", Frames | VeoOption.SafetyTolerance),
            Extend(VeoTier.Fast, "veo-3.1-extend-fast", Frames | VeoOption.SafetyTolerance),
        };
    }

    public IReadOnlyList<ModelDefinition> Models { get; }

    public string CreatePath(ModelDefinition model) => "v1/videos/generations";

    public async Task<VideoRequest> ResolveImagesAsync(ProviderCall call, VideoRequest request, CancellationToken cancellationToken)
    {
        var uploaded = new Dictionary<MediaInput, MediaInput>();
        foreach (MediaInput local in request.AllMedia().Where(m => m.FilePath is not null).Distinct())
        {
            uploaded[local] = local.AtUrl(await UploadAsync(call, local, cancellationToken).ConfigureAwait(false));
        }

        return request.WithMedia(media => uploaded.TryGetValue(media, out MediaInput? url) ? url : media);
    }

    public void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, MediaEncoder images)
    {
        writer.WriteStartObject();
        writer.WriteString("model", model.ModelId);
        writer.WriteString("prompt", request.Prompt);
        writer.WriteOptional(model.Wire.ImageField!, request.Image, images.WriteUrl);
        writer.WriteOptional("last_image_url", request.LastImage, images.WriteUrl);
        writer.WriteOptional("video_url", request.Video, images.WriteUrl);

        if (request.ReferenceImages.Count > 0)
        {
            writer.WriteStartArray("reference_image_urls");
            foreach (ImageInput reference in request.ReferenceImages)
            {
                images.WriteUrl(writer, reference);
            }

            writer.WriteEndArray();
        }

        writer.WriteString("aspect_ratio", request.AspectRatio);
        writer.WriteOptional("resolution", request.Resolution);
        writer.WriteOptional("duration", request.DurationSeconds);
        writer.WriteOptional("generate_audio", request.GenerateAudio);
        writer.WriteOptional("negative_prompt", request.NegativePrompt);
        writer.WriteOptional("seed", request.Seed);
        writer.WriteOptional("enhance_prompt", request.EnhancePrompt);
        writer.WriteOptional("person_generation", model.Wire.Spell(request.PersonGeneration));
        writer.WriteOptional("reference_type", request.ReferenceType is ReferenceType type ? type.ToString().ToUpperInvariant() : null);
        writer.WriteOptional("safety_tolerance", request.SafetyTolerance);
        writer.WriteOptional("auto_fix", request.AutoFix);

        writer.WriteEndObject();
    }

    public string ReadTaskId(JsonElement createAnswer) =>
        Json.String(createAnswer, "id") ?? throw Json.Invalid("AIHubMax", "the create answer has no id");

    public string StatusPath(string taskId) => "v1/tasks/" + TaskIds.PathSegment(taskId);

    public string? ReadStatusTaskId(JsonElement statusAnswer) => Json.String(statusAnswer, "id");

    public TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now)
    {
        string status = Json.String(statusAnswer, "status") ?? throw Json.Invalid("AIHubMax", "the task has no status");
        int progress = Json.Percent(statusAnswer, "progress");
        var videos = ReadResults(statusAnswer).Select(uri => new VeoVideo(uri, now + LinkLifetime)).ToArray();
        JsonElement? error = Json.Object(statusAnswer, "error");
        return status switch
        {
            "pending" => new TaskState(VeoTaskStatus.Queued, progress, EstimatedSeconds(statusAnswer), videos, null, null, now),
            // The gateway can say completed before the link is attached: only a link makes it a success.
            "completed" when videos.Length > 0 => new TaskState(VeoTaskStatus.Succeeded, 100, 0, videos, null, null, now),
            "failed" or "cancelled" => new TaskState(VeoTaskStatus.Failed, progress, null, videos,
                error is JsonElement e ? Json.String(e, "code") : status,
                (error is JsonElement m ? Json.String(m, "message") : null) ?? $"The provider reported the task as {status}.", now),
            _ => new TaskState(VeoTaskStatus.Running, progress, null, videos, null, null, now),
        };
    }

    public VeoApiException ReadError(ApiCall call, int statusCode, string body)
    {
        JsonElement? error = Json.TryParseObject(body) is JsonElement answer ? Json.Object(answer, "error") : null;
        string? code = error is JsonElement e ? Json.String(e, "code") ?? Json.String(e, "type") : null;
        string? message = error is JsonElement m ? Json.String(m, "message") : Json.Excerpt(body);
        string? errorId = (statusCode, code) switch
        {
            (422, "model_not_found" or "no_compatible_channel") => VeoErrorIds.ModelNotFound,
            (404, _) when call == ApiCall.Status => VeoErrorIds.TaskNotFound,
            _ => null,
        };
        return ApiErrors.FromStatus("AIHubMax", call, statusCode, code, message, errorId);
    }

    private static ModelDefinition Model(
        VeoMode mode, VeoTier tier, string modelId, string? imageField, VeoOption options, Dictionary<PersonGeneration, string> people) =>
        new(VeoProvider.AIHubMax, mode, tier, modelId, new WireNames { ImageField = imageField, PersonGeneration = people })
        {
            Resolutions = AllResolutions,
            DefaultResolution = "1080p",
            Options = options,
        };

    /// <summary>Reference mode: one to three images, always 8 seconds (the duration field is sent as 8).</summary>
    private static ModelDefinition Reference(VeoTier tier, string modelId, VeoOption options, Dictionary<PersonGeneration, string> people) =>
        new(VeoProvider.AIHubMax, VeoMode.Reference, tier, modelId, new WireNames { PersonGeneration = people })
        {
            Resolutions = AllResolutions,
            DefaultResolution = "1080p",
            Durations = new[] { 8 },
            MinReferenceImages = 1,
            MaxReferenceImages = 3,
            Options = options,
        };

    /// <summary>Extension continues a video by about seven seconds; it takes neither a resolution nor a duration.</summary>
    private static ModelDefinition Extend(VeoTier tier, string modelId, VeoOption options) =>
        new(VeoProvider.AIHubMax, VeoMode.Extend, tier, modelId, new WireNames { PersonGeneration = NoPeopleSetting })
        {
            Resolutions = Array.Empty<string>(),
            DefaultResolution = null,
            Durations = new[] { 7 },
            DurationIsFixed = true,
            DefaultDuration = 7,
            Options = options,
        };

    private static ModelDefinition Lite(VeoMode mode, string modelId, string? imageField, VeoOption options) =>
        new(VeoProvider.AIHubMax, mode, VeoTier.Lite, modelId, new WireNames { ImageField = imageField, PersonGeneration = NoPeopleSetting })
        {
            Resolutions = LiteResolutions,
            DefaultResolution = "1080p",
            Options = options,
            Rules = new[] { ModelRule.OnlyAtDuration(8, "1080p") },
        };

    private static IEnumerable<Uri> ReadResults(JsonElement answer)
    {
        if (!answer.TryGetProperty("results", out JsonElement results) || results.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (JsonElement item in results.EnumerateArray())
        {
            string? url = item.ValueKind == JsonValueKind.String ? item.GetString() : Json.String(item, "url");
            if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
            {
                yield return uri;
            }
        }
    }

    private static int? EstimatedSeconds(JsonElement answer) =>
        Json.Object(answer, "task_info") is JsonElement info ? Json.Int(info, "estimated_time") : null;

    private static async Task<Uri> UploadAsync(ProviderCall call, MediaInput image, CancellationToken cancellationToken)
    {
        LoadedMedia content = image.Load();
        string key = call.Connection.BaseUri.AbsoluteUri + "|" + QuickKey(image.FilePath!, content.Length);
        while (true)
        {
            var fresh = new Lazy<Task<Upload>>(() => SendUploadAsync(call, image, content, cancellationToken));
            Lazy<Task<Upload>> entry = Uploads.GetOrAdd(key, fresh);
            try
            {
                Upload upload = await entry.Value.ConfigureAwait(false);
                if (DateTimeOffset.UtcNow - upload.At < UploadReuseWindow)
                {
                    if (!ReferenceEquals(entry, fresh))
                    {
                        call.Log.Verbose($"Reusing this session's upload of {image.Display}: {upload.Url}");
                    }

                    return upload.Url;
                }
            }
            catch
            {
                Uploads.TryRemove(key, out _);
                throw;
            }

            Uploads.TryRemove(key, out _);
        }
    }

    private static async Task<Upload> SendUploadAsync(ProviderCall call, MediaInput image, LoadedMedia content, CancellationToken cancellationToken)
    {
        string name = Path.GetFileName(image.FilePath!);
        call.Log.Verbose($"Uploading {name} ({MediaInput.FormatSize(content.Length)}) to AIHubMax, which takes URLs only.");
        StreamedJsonBody body = StreamedJsonBody.Write((writer, media) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("file_data");
            media.WriteBase64(writer, image);
            writer.WriteString("file_name", name);
            writer.WriteEndObject();
        });
        JsonElement answer = await call.Http.PostAsync(call.Connection, UploadPath, body.NewContent, ApiCall.Upload, cancellationToken).ConfigureAwait(false);
        JsonElement file = Json.Object(answer, "data") ?? answer;
        string url = Json.String(file, "url") ?? throw Json.Invalid("AIHubMax", "the upload answer has no url");
        call.Log.Verbose($"Uploaded {name}: {url}");
        return new Upload(new Uri(url), DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// The file's full path, size and last write time: what a quick-check sync trusts, at no hashing cost. (The same
    /// image under another name is uploaded again, which only costs an upload.)
    /// </summary>
    private static string QuickKey(string path, long length) =>
        $"{Path.GetFullPath(path)}|{length}|{File.GetLastWriteTimeUtc(path).Ticks}";

    private sealed record Upload(Uri Url, DateTimeOffset At);
}
