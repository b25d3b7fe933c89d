using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client;

/// <summary>
/// AIHubMax (an EvoLink-style unified task API): <c>POST /v1/videos/generations</c> with a model id in the body →
/// a task object; <c>GET /v1/tasks/{id}</c>. Images and videos are public URLs only, so local files are uploaded first
/// as multipart files (<c>POST /v1/files/upload/stream</c>, streamed from disk). Model ids are data here because the
/// provider renames them.
/// </summary>
internal sealed class AIHubMaxProtocol : IProviderProtocol
{
    /// <summary>Multipart, field <c>file</c>; the base64 JSON endpoint is documented for images and would turn a clip into a third more JSON.</summary>
    private const string UploadPath = "v1/files/upload/stream";

    /// <summary>Uploaded files expire after 72 hours; reuse an upload only well within that.</summary>
    private static readonly TimeSpan UploadReuseWindow = TimeSpan.FromHours(48);

    /// <summary>Result links live 24 hours.</summary>
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    private static readonly string[] AllResolutions = { "720p", "1080p", "4k" };
    private static readonly string[] LiteResolutions = { "720p", "1080p" };

    /// <summary>Only the Standard models take a person-generation setting.</summary>
    private static readonly PersonGeneration[] StandardPeople = { PersonGeneration.AllowAdult, PersonGeneration.DontAllow };

    // Declared after the tables it uses: static fields initialise in order.
    public static readonly AIHubMaxProtocol Instance = new();

    private AIHubMaxProtocol()
    {
        const VeoOption Common = VeoOption.GenerateAudio | VeoOption.AutoFix;
        const VeoOption Frames = Common | VeoOption.NegativePrompt | VeoOption.Seed;
        PersonGeneration[] none = Array.Empty<PersonGeneration>();
        Models = new[]
        {
            Reference(VeoTier.Standard, "veo-3.1-reference-to-video", Common | VeoOption.SafetyTolerance | VeoOption.EnhancePrompt | VeoOption.ReferenceType, StandardPeople),
            Reference(VeoTier.Fast, "veo-3.1-fast-reference-to-video", Common | VeoOption.SafetyTolerance, none),
            Model(VeoMode.FirstFrame, VeoTier.Standard, "veo-3.1-image-to-video", Frames | VeoOption.SafetyTolerance | VeoOption.EnhancePrompt, StandardPeople),
            Model(VeoMode.FirstFrame, VeoTier.Fast, "veo-3.1-fast-image-to-video", Frames | VeoOption.SafetyTolerance, none),
            Lite(VeoMode.FirstFrame, "veo-3.1-lite-image-to-video", Frames),
            Model(VeoMode.FirstAndLastFrame, VeoTier.Standard, "veo-3.1-first-last-frame-to-video", Frames | VeoOption.SafetyTolerance | VeoOption.EnhancePrompt, StandardPeople),
            Model(VeoMode.FirstAndLastFrame, VeoTier.Fast, "veo-3.1-fast-first-last-frame-to-video", Frames | VeoOption.SafetyTolerance, none),
            Lite(VeoMode.FirstAndLastFrame, "veo-3.1-lite-first-last-frame-to-video", Frames),
            Model(VeoMode.Text, VeoTier.Standard, "veo-3.1-text-to-video", Frames | VeoOption.SafetyTolerance | VeoOption.EnhancePrompt, StandardPeople),
            Model(VeoMode.Text, VeoTier.Fast, "veo-3.1-fast-text-to-video", Frames | VeoOption.SafetyTolerance, none),
            Lite(VeoMode.Text, "veo-3.1-lite-text-to-video", Frames),
            Extend(VeoTier.Standard, "veo-3.1-extend", Frames | VeoOption.SafetyTolerance),
            Extend(VeoTier.Fast, "veo-3.1-extend-fast", Frames | VeoOption.SafetyTolerance),
        };
    }

    public string Name => "AIHubMax";

    public IReadOnlyList<ModelDefinition> Models { get; }

    public bool JsonContentTypeOnEveryRequest => false;

    public string CreatePath(ModelDefinition model) => "v1/videos/generations";

    public Task<VideoRequest> ResolveMediaAsync(ProviderCall call, VideoRequest request, CancellationToken cancellationToken) =>
        MediaStage.ReplaceAsync(request, media => media.FilePath is not null,
            async local => local.AtUrl(await UploadAsync(call, local, cancellationToken).ConfigureAwait(false)));

    public void WriteCreateBody(Utf8JsonWriter writer, ModelDefinition model, VideoRequest request, MediaEncoder images)
    {
        writer.WriteStartObject();
        writer.WriteString("model", model.ModelId);
        writer.WriteString("prompt", request.Prompt);
        writer.WriteOptional(model.Mode == VeoMode.FirstAndLastFrame ? "first_image_url" : "image_url", request.Image, images.WriteUrl);
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
        writer.WriteOptional("person_generation", PersonGenerationWords.Spell(request.PersonGeneration));
        writer.WriteOptional("reference_type", request.ReferenceType is ReferenceType type ? type.ToString().ToUpperInvariant() : null);
        writer.WriteOptional("safety_tolerance", request.SafetyTolerance);
        writer.WriteOptional("auto_fix", request.AutoFix);

        writer.WriteEndObject();
    }

    /// <summary>The create answer is the task object itself, with the gateway's estimate of the time it takes.</summary>
    public CreatedTask ReadCreated(JsonElement createAnswer, DateTimeOffset now) => new(
        Json.String(createAnswer, "id") ?? throw Json.Invalid(Name, "the create answer has no id"),
        Json.String(createAnswer, "status") is null ? TaskState.Created(now) : ReadStatus(createAnswer, now));

    /// <summary>
    /// Once a task has outrun the gateway's estimate (<c>task_info.estimated_time</c> of the create answer), asks it to
    /// refresh the task from upstream first (<c>sync_upstream</c>, documented for in-flight tasks): without it, tasks
    /// are reported stuck in processing.
    /// </summary>
    public string StatusPath(string taskId, TaskState last, DateTimeOffset now) =>
        "v1/tasks/" + TaskIds.PathSegment(taskId) + (last.IsOverdue(now) ? "?sync_upstream=true" : string.Empty);

    public string? ReadStatusTaskId(JsonElement statusAnswer) => Json.String(statusAnswer, "id");

    public TaskState ReadStatus(JsonElement statusAnswer, DateTimeOffset now)
    {
        string status = Json.String(statusAnswer, "status") ?? throw Json.Invalid(Name, "the task has no status");
        int progress = Json.Percent(statusAnswer, "progress");
        JsonElement? error = Json.Object(statusAnswer, "error");
        return status switch
        {
            "pending" => TaskState.Queued(progress, EstimatedSeconds(statusAnswer), now),
            // The gateway can say completed before the link is attached.
            "completed" => TaskState.Completed(ReadResults(statusAnswer).Select(uri => new VeoVideo(uri, now + LinkLifetime)).ToArray(), now),
            "failed" or "cancelled" => TaskState.Failed(
                error is JsonElement e ? Json.String(e, "code") : status,
                (error is JsonElement m ? Json.String(m, "message") : null) ?? $"The provider reported the task as {status}.", progress, now),
            _ => TaskState.Running(progress, null, now),
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
        return ApiErrors.FromStatus(Name, call, statusCode, code, message, errorId);
    }

    private static ModelDefinition Model(VeoMode mode, VeoTier tier, string modelId, VeoOption options, PersonGeneration[] people) =>
        new(VeoProvider.AIHubMax, mode, tier, modelId)
        {
            PersonGenerationValues = people,
            Resolutions = AllResolutions,
            DefaultResolution = "1080p",
            Options = options,
        };

    /// <summary>Reference mode: one to three images, always 8 seconds (the duration field is sent as 8).</summary>
    private static ModelDefinition Reference(VeoTier tier, string modelId, VeoOption options, PersonGeneration[] people) =>
        new(VeoProvider.AIHubMax, VeoMode.Reference, tier, modelId)
        {
            PersonGenerationValues = people,
            Resolutions = AllResolutions,
            DefaultResolution = "1080p",
            Durations = new[] { 8 },
            MinReferenceImages = 1,
            MaxReferenceImages = 3,
            Options = options,
        };

    /// <summary>Extension continues a video by about seven seconds; it takes neither a resolution nor a duration.</summary>
    private static ModelDefinition Extend(VeoTier tier, string modelId, VeoOption options) =>
        new(VeoProvider.AIHubMax, VeoMode.Extend, tier, modelId)
        {
            Resolutions = Array.Empty<string>(),
            DefaultResolution = null,
            Durations = new[] { 7 },
            DurationIsFixed = true,
            DefaultDuration = 7,
            Options = options,
        };

    private static ModelDefinition Lite(VeoMode mode, string modelId, VeoOption options) =>
        new(VeoProvider.AIHubMax, mode, VeoTier.Lite, modelId)
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

    /// <summary>Uploads a local file once per client (see <see cref="UploadCache"/>) and returns its public URL.</summary>
    private Task<Uri> UploadAsync(ProviderCall call, MediaInput local, CancellationToken cancellationToken)
    {
        string path = local.FilePath!;
        return call.Uploads.GetOrUploadAsync(
            call.Connection.BaseUri.AbsoluteUri + "|" + QuickKey(path),
            UploadReuseWindow,
            token => SendUploadAsync(call, local, token),
            url => call.Log.Verbose($"Reusing this client's upload of {local.Display}: {url}"),
            cancellationToken);
    }

    private async Task<Uri> SendUploadAsync(ProviderCall call, MediaInput local, CancellationToken cancellationToken)
    {
        string name = Path.GetFileName(local.FilePath!);
        LoadedMedia file = local.Load();
        call.Log.Verbose($"Uploading {name} ({MediaInput.FormatSize(file.Length)}) to {Name}, which takes URLs only.");
        JsonElement answer = await call.Http.PostAsync(call.Connection, UploadPath, () => MultipartFile(file, name), ApiCall.Upload, cancellationToken)
            .ConfigureAwait(false);
        JsonElement uploaded = Json.Object(answer, "data") ?? answer;
        string url = Json.String(uploaded, "url") ?? throw Json.Invalid(Name, "the upload answer has no url");
        call.Log.Verbose($"Uploaded {name}: {url}");
        return new Uri(url);
    }

    /// <summary>The file as the upload endpoint takes it: multipart field <c>file</c>, its bytes read from disk as they are sent.</summary>
    private static MultipartFormDataContent MultipartFile(LoadedMedia file, string name)
    {
        var bytes = new StreamContent(file.OpenRead(), 81920);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(file.MimeType);
        return new MultipartFormDataContent { { bytes, "file", name } };
    }

    /// <summary>
    /// The file's full path, size and last write time: what a quick-check sync trusts, at no hashing cost. (The same
    /// image under another name is uploaded again, which only costs an upload.)
    /// </summary>
    private static string QuickKey(string path)
    {
        var info = new FileInfo(path);
        return $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
    }
}
