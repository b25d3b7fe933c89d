using System;
using System.Collections.Generic;
using static Veo.Client.Tests.Client.ProviderTestKit;

namespace Veo.Client.Tests.Client;

/// <summary>Google's Gemini API adapter: golden bodies for every model, the rules checked before sending, status and error answers.</summary>
public sealed class GoogleProtocolTests : IDisposable
{
    private const VeoProvider Google = VeoProvider.Google;
    private const string Png = "{\"bytesBase64Encoded\":\"iVBORw0KGgoBAQEB\",\"mimeType\":\"image/png\"}";
    private const string Jpeg = "{\"bytesBase64Encoded\":\"/9j/4AAQ\",\"mimeType\":\"image/jpeg\"}";
    private const string GeneratedVideo = "https://generativelanguage.googleapis.com/v1beta/files/abc123-0:download?alt=media";

    private static readonly Dictionary<VeoMode, string> GoldenBodies = new()
    {
        [VeoMode.Text] = "{\"instances\":[{\"prompt\":\"a fox\"}],\"parameters\":{\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":6," +
            "\"sampleCount\":2,\"negativePrompt\":\"blur\",\"enhancePrompt\":true,\"personGeneration\":\"allow_all\"}}",
        [VeoMode.FirstFrame] = "{\"instances\":[{\"prompt\":\"a fox\",\"image\":" + Png + "}]," +
            "\"parameters\":{\"aspectRatio\":\"9:16\",\"resolution\":\"1080p\",\"durationSeconds\":8,\"personGeneration\":\"allow_adult\"}}",
        [VeoMode.FirstAndLastFrame] = "{\"instances\":[{\"prompt\":\"a fox\",\"image\":" + Png + ",\"lastFrame\":" + Jpeg + "}]," +
            "\"parameters\":{\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":8,\"personGeneration\":\"allow_adult\"}}",
        [VeoMode.Reference] = "{\"instances\":[{\"prompt\":\"a fox\",\"referenceImages\":[{\"image\":" + Png + ",\"referenceType\":\"asset\"}," +
            "{\"image\":" + Jpeg + ",\"referenceType\":\"asset\"}]}]," +
            "\"parameters\":{\"aspectRatio\":\"16:9\",\"resolution\":\"4k\",\"durationSeconds\":8,\"personGeneration\":\"allow_adult\"}}",
        [VeoMode.Extend] = "{\"instances\":[{\"prompt\":\"a fox\",\"video\":{\"uri\":\"" + GeneratedVideo + "\"}}]," +
            "\"parameters\":{\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":8,\"personGeneration\":\"allow_all\"}}",
    };

    private readonly TestImages _images = new();
    private readonly ImageInput _png;
    private readonly ImageInput _jpeg;

    public GoogleProtocolTests()
    {
        _png = ImageInput.FromFile(_images.Png());
        _jpeg = ImageInput.FromFile(_images.Jpeg());
    }

    public void Dispose() => _images.Dispose();

    private VideoRequest Frame() => new() { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = _png };

    private static VideoRequest Text() => new() { Mode = VeoMode.Text, Prompt = "a fox" };

    private static VideoRequest Extend() => new() { Mode = VeoMode.Extend, Prompt = "a fox", Video = VideoInput.FromUrl(new Uri(GeneratedVideo)) };

    /// <summary>A request of the mode that shows what its body carries (every option the model takes on the text model).</summary>
    private VideoRequest Golden(VeoMode mode, VeoTier tier) => (mode switch
    {
        VeoMode.Text => Text() with { NegativePrompt = "blur", SampleCount = 2, EnhancePrompt = true, DurationSeconds = 6 },
        VeoMode.FirstFrame => Frame() with { AspectRatio = "9:16", Resolution = "1080p" },
        VeoMode.FirstAndLastFrame => Frame() with { Mode = mode, LastImage = _jpeg },
        VeoMode.Reference => new VideoRequest { Mode = mode, Prompt = "a fox", ReferenceImages = new[] { _png, _jpeg }, Resolution = "4k" },
        _ => Extend(),
    }) with { Tier = tier };

    [Theory]
    [InlineData(VeoMode.Text, VeoTier.Standard, "veo-3.1-generate-preview")]
    [InlineData(VeoMode.Text, VeoTier.Fast, "veo-3.1-fast-generate-preview")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Standard, "veo-3.1-generate-preview")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Fast, "veo-3.1-fast-generate-preview")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Standard, "veo-3.1-generate-preview")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Fast, "veo-3.1-fast-generate-preview")]
    [InlineData(VeoMode.Reference, VeoTier.Standard, "veo-3.1-generate-preview")]
    [InlineData(VeoMode.Reference, VeoTier.Fast, "veo-3.1-fast-generate-preview")]
    [InlineData(VeoMode.Extend, VeoTier.Standard, "veo-3.1-generate-preview")]
    [InlineData(VeoMode.Extend, VeoTier.Fast, "veo-3.1-fast-generate-preview")]
    public void EveryModelPostsGooglesBodyToItsPredictLongRunningPath(VeoMode mode, VeoTier tier, string modelId)
    {
        VideoRequest request = Golden(mode, tier);
        PreparedCreate prepared = new VeoClient().Prepare(Connection(Google), request);

        Assert.Equal($"https://generativelanguage.googleapis.com/v1beta/models/{modelId}:predictLongRunning", prepared.Endpoint.AbsoluteUri);
        Assert.Equal(GoldenBodies[mode], Body(Google, request));
        Assert.Equal(10, ModelCatalog.For(Google).Count);
    }

    [Fact]
    public void TheKeyComesFromGoogleGenaisVariablesThenVeoApiKey()
    {
        Assert.Equal(new[] { "GOOGLE_API_KEY", "GEMINI_API_KEY", "VEO_API_KEY" }, VeoConnections.KeyVariables(Google));
        Assert.Equal("https://generativelanguage.googleapis.com/", VeoConnections.Create(Google).BaseUri.AbsoluteUri);
    }

    public static TheoryData<string, string> RefusedRequests => new()
    {
        { "1080p at 4 s", VeoErrorIds.DurationNotAllowed },
        { "4k at 6 s", VeoErrorIds.DurationNotAllowed },
        { "interpolation at 6 s", VeoErrorIds.DurationNotAllowed },
        { "reference at 9:16", VeoErrorIds.AspectRatioNotAllowed },
        { "four reference images", VeoErrorIds.ReferenceImageCount },
        { "extension at 1080p", VeoErrorIds.ResolutionNotAllowed },
        { "extension of a local file", VeoErrorIds.VideoUrlRequired },
        { "text with AllowAdult", VeoErrorIds.PersonGenerationNotAllowed },
        { "image with DontAllow", VeoErrorIds.PersonGenerationNotAllowed },
        { "seed", VeoErrorIds.OptionNotSupported },
        { "audio", VeoErrorIds.OptionNotSupported },
        { "five samples", VeoErrorIds.SampleCountOutOfRange },
        { "the Lite tier", VeoErrorIds.ModelNotAvailable },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public void GooglesRulesAreCheckedBeforeSending(string what, string errorId)
    {
        string clip = System.IO.Path.Combine(_images.Folder, "clip.mp4");
        VideoRequest request = what switch
        {
            "1080p at 4 s" => Text() with { Resolution = "1080p", DurationSeconds = 4 },
            "4k at 6 s" => Frame() with { Resolution = "4k", DurationSeconds = 6 },
            "interpolation at 6 s" => Frame() with { Mode = VeoMode.FirstAndLastFrame, LastImage = _jpeg, DurationSeconds = 6 },
            "reference at 9:16" => new VideoRequest { Mode = VeoMode.Reference, Prompt = "a fox", ReferenceImages = new[] { _png }, AspectRatio = "9:16" },
            "four reference images" => new VideoRequest { Mode = VeoMode.Reference, Prompt = "a fox", ReferenceImages = new[] { _png, _png, _png, _png } },
            "extension at 1080p" => Extend() with { Resolution = "1080p" },
            "extension of a local file" => Extend() with { Video = VideoInput.FromFile(clip) },
            "text with AllowAdult" => Text() with { PersonGeneration = PersonGeneration.AllowAdult },
            "image with DontAllow" => Frame() with { PersonGeneration = PersonGeneration.DontAllow },
            "seed" => Text() with { Seed = 1 },
            "audio" => Text() with { GenerateAudio = true },
            "five samples" => Text() with { SampleCount = 5 },
            _ => Frame() with { Tier = VeoTier.Lite },
        };

        Assert.Equal(errorId, Refused(Google, request));
    }

    [Theory]
    [InlineData("{\"name\":\"models/m/operations/o\"}")]
    [InlineData("{\"name\":\"models/m/operations/o\",\"done\":false,\"metadata\":{}}")]
    public void AnOperationNotDoneIsRunning(string json) => Assert.Equal(VeoTaskStatus.Running, Status(Google, json).Status);

    [Theory]
    [InlineData("{\"done\":true,\"response\":{\"@type\":\"t\",\"generateVideoResponse\":{\"generatedSamples\":[{\"video\":{\"uri\":\"https://g.example/1\"}},{\"video\":{\"uri\":\"https://g.example/2\"}}]}}}")]
    [InlineData("{\"done\":true,\"response\":{\"@type\":\"t\",\"generatedSamples\":[{\"video\":{\"uri\":\"https://g.example/1\"}},{\"video\":{\"uri\":\"https://g.example/2\"}}]}}")]
    public void SamplesAreReadUnderGenerateVideoResponseOrDirectlyUnderResponse(string json)
    {
        TaskState state = Status(Google, json);

        Assert.Equal(VeoTaskStatus.Succeeded, state.Status);
        Assert.Equal(new[] { "https://g.example/1", "https://g.example/2" }, System.Linq.Enumerable.Select(state.Videos, v => v.Uri.AbsoluteUri));
    }

    [Theory]
    [InlineData("{\"name\":\"n\",\"done\":true,\"error\":{\"code\":3,\"message\":\"Unsupported prompt.\"}}", "3", "Unsupported prompt.")]
    [InlineData("{\"done\":true,\"response\":{\"generateVideoResponse\":{\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":[\"Filtered for people.\"]}}}",
        "RAI_MEDIA_FILTERED", "Google's safety filters removed 1 video(s): Filtered for people.")]
    [InlineData("{\"done\":true,\"response\":{\"generateVideoResponse\":{}}}", VeoErrorIds.TaskHasNoVideo, "done but returned no video")]
    public void ADoneOperationWithAnErrorOrWithoutSamplesFailedAndSaysWhy(string json, string code, string message)
    {
        TaskState state = Status(Google, json);

        Assert.Equal(VeoTaskStatus.Failed, state.Status);
        Assert.Equal(code, state.ErrorCode);
        Assert.Contains(message, state.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(state.Videos);
    }

    private const string KeyInvalid = "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\"," +
        "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}}";

    [Theory]
    [InlineData(false, 400, KeyInvalid, VeoErrorIds.AuthenticationFailed, "API_KEY_INVALID")]
    [InlineData(true, 400, KeyInvalid, VeoErrorIds.AuthenticationFailed, "API_KEY_INVALID")]
    [InlineData(false, 400, "{\"error\":{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\"}}", VeoErrorIds.RequestRejected, "INVALID_ARGUMENT")]
    [InlineData(false, 429, "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}", VeoErrorIds.RateLimited, "RESOURCE_EXHAUSTED")]
    [InlineData(false, 403, "{\"error\":{\"code\":403,\"message\":\"no\",\"status\":\"PERMISSION_DENIED\"}}", VeoErrorIds.AccessDenied, "PERMISSION_DENIED")]
    [InlineData(false, 401, "{\"error\":{\"code\":401,\"message\":\"no\",\"status\":\"UNAUTHENTICATED\"}}", VeoErrorIds.AuthenticationFailed, "UNAUTHENTICATED")]
    [InlineData(true, 404, "{\"error\":{\"code\":404,\"message\":\"gone\",\"status\":\"NOT_FOUND\"}}", VeoErrorIds.TaskNotFound, "NOT_FOUND")]
    [InlineData(false, 404, "{\"error\":{\"code\":404,\"message\":\"gone\",\"status\":\"NOT_FOUND\"}}", VeoErrorIds.ModelNotFound, "NOT_FOUND")]
    [InlineData(true, 503, "<html>down</html>", VeoErrorIds.ProviderUnavailable, null)]
    public void GooglesErrorBodiesHaveTheirOwnIds(bool statusRead, int status, string body, string errorId, string? providerCode)
    {
        VeoApiException error = Protocol(Google).ReadError(statusRead ? ApiCall.Status : ApiCall.Create, status, body);

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(providerCode, error.ProviderCode);
        Assert.StartsWith("Google refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOperationNameIsThePathPolledEachSegmentEscapedAndNoneClimbingOut()
    {
        Assert.Equal("v1beta/models/veo-3.1-generate-preview/operations/a%20b", Protocol(Google).StatusPath("models/veo-3.1-generate-preview/operations/a b", TaskState.Created(Now), Now));
        Assert.Equal(VeoErrorIds.InvalidTaskId, Assert.Throws<VeoException>(() => Protocol(Google).StatusPath("models/../../v1/x", TaskState.Created(Now), Now)).ErrorId);
        Assert.Equal(VeoErrorIds.InvalidTaskId, Assert.Throws<VeoException>(() => Protocol(Google).StatusPath("models/./operations/x", TaskState.Created(Now), Now)).ErrorId);
        Assert.Equal(VeoErrorIds.InvalidTaskId, Assert.Throws<VeoException>(() => Protocol(Google).StatusPath("/files//x", TaskState.Created(Now), Now)).ErrorId);
    }

    [Theory]
    [InlineData("https://generativelanguage.googleapis.com/", "https://generativelanguage.googleapis.com/v1beta/files/a:download?alt=media", true)]
    [InlineData("https://generativelanguage.googleapis.com/", "https://storage.googleapis.com/bucket/a.mp4", false)]
    [InlineData("https://generativelanguage.googleapis.com/", "http://generativelanguage.googleapis.com/v1beta/files/a", false)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/v1beta/files/a", true)]
    [InlineData("http://127.0.0.1:5000/", "http://localhost:5000/v1beta/files/a", false)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5001/v1beta/files/a", false)]
    [InlineData("https://proxy.example/", "https://generativelanguage.googleapis.com/v1beta/files/a", true)]
    public void TheKeyGoesOnlyToGooglesHostOrTheConnectionsOwn(string baseUri, string link, bool sendsKey)
    {
        VeoConnection connection = VeoConnections.Create(Google, new Uri(baseUri), ApiKey.FromPlainText("k", "test"));

        Assert.Equal(sendsKey, ((IApiKeyHeader)Protocol(Google)).SendsKeyTo(new Uri(link), connection));
    }
}
