using static Veo.Client.Tests.Client.ProviderTestKit;

namespace Veo.Client.Tests.Client;

public sealed class VtrixProtocolTests : System.IDisposable
{
    private const VeoProvider Vtrix = VeoProvider.Vtrix;
    private const string First = "iVBORw0KGgoBAQEB";
    private const string Output = "https://cdn.vtrix.ai/outputs/t/output.mp4";

    private readonly TestImages _images = new();
    private readonly ImageInput _png;

    public VtrixProtocolTests()
    {
        _png = ImageInput.FromFile(_images.Png());
    }

    public void Dispose() => _images.Dispose();

    private VideoRequest Frame() => new() { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = _png };

    /// <summary>The gateway's envelope around the model page's fields, as the official CLI sends it.</summary>
    private static string Envelope(string parameters) => "{\"model\":\"veo_31_fast\",\"input\":[{\"params\":" + parameters + "}]}";

    [Fact]
    public void ImageToVideoSendsGooglesImageObjectAndAllowAdultByDefault() => Assert.Equal(
        Envelope("{\"prompt\":\"a fox\",\"negativePrompt\":\"blur\",\"image\":{\"bytesBase64Encoded\":\"" + First + "\",\"mimeType\":\"image/png\"}," +
        "\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":6,\"personGeneration\":\"allow_adult\"}"),
        Body(Vtrix, Frame() with { NegativePrompt = "blur", DurationSeconds = 6 }));

    [Fact]
    public void FirstLastFrameBodyInFull() => Assert.Equal(
        Envelope("{\"prompt\":\"a fox\",\"image\":{\"bytesBase64Encoded\":\"" + First + "\",\"mimeType\":\"image/png\"}," +
        "\"lastFrame\":{\"bytesBase64Encoded\":\"" + First + "\",\"mimeType\":\"image/png\"}," +
        "\"aspectRatio\":\"9:16\",\"resolution\":\"1080p\",\"durationSeconds\":8,\"personGeneration\":\"allow_adult\"}"),
        Body(Vtrix, Frame() with { Mode = VeoMode.FirstAndLastFrame, LastImage = _png, AspectRatio = "9:16", Resolution = "1080p" }));

    [Fact]
    public void TextToVideoBodyInFullWithAllowAllByDefault() => Assert.Equal(
        Envelope("{\"prompt\":\"a fox\",\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":4,\"personGeneration\":\"allow_all\"}"),
        Body(Vtrix, new VideoRequest { Mode = VeoMode.Text, Prompt = "a fox", DurationSeconds = 4 }));

    [Fact]
    public void ExtensionBodyInFull()
    {
        string path = System.IO.Path.Combine(_images.Folder, "clip.mp4");
        System.IO.File.WriteAllBytes(path, System.Convert.FromBase64String("AAAAGGZ0eXBpc29t"));
        Assert.Equal(
            Envelope("{\"prompt\":\"a fox\",\"video\":{\"bytesBase64Encoded\":\"AAAAGGZ0eXBpc29t\",\"mimeType\":\"video/mp4\"}," +
            "\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":8,\"personGeneration\":\"allow_all\"}"),
            Body(Vtrix, new VideoRequest { Mode = VeoMode.Extend, Prompt = "a fox", Video = VideoInput.FromFile(path) }));
    }

    [Fact]
    public void FirstLastFrameSendsLastFrame() => Assert.Contains(
        "\"lastFrame\":{\"bytesBase64Encoded\":\"" + First + "\",\"mimeType\":\"image/png\"}",
        Body(Vtrix, Frame() with { Mode = VeoMode.FirstAndLastFrame, LastImage = _png }));

    [Fact]
    public void ReferenceSendsAssetReferenceImagesAtEightSeconds() => Assert.Equal(
        Envelope("{\"prompt\":\"a fox\",\"referenceImages\":[{\"image\":{\"bytesBase64Encoded\":\"" + First + "\",\"mimeType\":\"image/png\"}," +
        "\"referenceType\":\"asset\"}],\"aspectRatio\":\"16:9\",\"resolution\":\"4k\",\"durationSeconds\":8,\"personGeneration\":\"allow_adult\"}"),
        Body(Vtrix, new VideoRequest { Mode = VeoMode.Reference, Prompt = "a fox", ReferenceImages = new[] { _png }, Resolution = "4k" }));

    [Theory]
    [InlineData("1080p")]
    [InlineData("4k")]
    public void HighResolutionsNeedEightSeconds(string resolution) =>
        Assert.Equal(VeoErrorIds.DurationNotAllowed, Refused(Vtrix, Frame() with { Resolution = resolution, DurationSeconds = 4 }));

    [Fact]
    public void OnlyAllowAdultIsAcceptedForImageFlows() =>
        Assert.Equal(VeoErrorIds.PersonGenerationNotAllowed, Refused(Vtrix, Frame() with { PersonGeneration = PersonGeneration.DontAllow }));

    [Fact]
    public void OnlyTheFastTierExists() => Assert.Equal(VeoErrorIds.ModelNotAvailable, Refused(Vtrix, Frame() with { Tier = VeoTier.Standard }));

    [Fact]
    public void OptionsVtrixDoesNotTakeAreRefused()
    {
        Assert.Equal(VeoErrorIds.OptionNotSupported, Refused(Vtrix, Frame() with { SampleCount = 2 }));
        Assert.Equal(VeoErrorIds.OptionNotSupported, Refused(Vtrix, Frame() with { Seed = 1 }));
        Assert.Equal(VeoErrorIds.OptionNotSupported, Refused(Vtrix, Frame() with { GenerateAudio = true }));
    }

    [Theory]
    [InlineData("pending", VeoTaskStatus.Queued)]
    [InlineData("queued", VeoTaskStatus.Queued)]
    [InlineData("processing", VeoTaskStatus.Running)]
    [InlineData("in_progress", VeoTaskStatus.Running)]
    [InlineData("in_queue", VeoTaskStatus.Queued)]
    public void EveryDocumentedStatusWordIsUnderstood(string status, VeoTaskStatus expected) =>
        Assert.Equal(expected, Status(Vtrix, $"{{\"id\":\"t\",\"status\":\"{status}\",\"progress\":0.42}}").Status);

    [Fact]
    public void ProgressFromZeroToOneBecomesAPercentage() =>
        Assert.Equal(42, Status(Vtrix, "{\"task_id\":\"t\",\"status\":\"in_progress\",\"progress\":0.42}").Progress);

    [Theory]
    [InlineData("{\"id\":\"t\",\"status\":\"completed\",\"output\":[{\"content\":[{\"type\":\"video\",\"url\":\"" + Output + "\",\"duration\":8}]}],\"usage\":{\"cost\":\"1.2000\",\"discount\":0}}")]
    [InlineData("{\"id\":\"t\",\"status\":\"completed\",\"output\":[{\"content\":[{\"type\":\"video_url\",\"url\":\"" + Output + "\",\"duration\":\"8\"}]}],\"usage\":{\"cost\":\"1.2000\"}}")]
    // The gateway's older shape: the task wrapped in {data, status}, flat output items.
    [InlineData("{\"data\":{\"id\":\"t\",\"status\":\"success\",\"output\":[{\"type\":\"video\",\"url\":\"" + Output + "\",\"duration\":8,\"jobId\":\"j\"}]," +
        "\"usage\":{\"cost\":\"1.2000\"}},\"status\":{\"code\":200,\"message\":\"success\"}}")]
    [InlineData("{\"data\":{\"id\":\"t\",\"status\":\"succeeded\",\"output\":[{\"type\":\"video\",\"url\":\"" + Output + "\"}],\"usage\":{\"cost\":\"1.2\"}}," +
        "\"status\":{\"code\":200,\"message\":\"success\"}}")]
    public void CompletedReadsTheVideoUrlAndTheCostInEveryShape(string answer)
    {
        TaskState state = Status(Vtrix, answer);
        Assert.Equal(VeoTaskStatus.Succeeded, state.Status);
        Assert.Equal(Output, Assert.Single(state.Videos).Uri.AbsoluteUri);
        Assert.Equal(1.2m, state.Cost);
    }

    [Theory]
    [InlineData("{\"id\":\"task_a\",\"status\":\"pending\"}", VeoTaskStatus.Queued)]
    [InlineData("{\"data\":{\"id\":\"task_a\",\"status\":\"in_queue\"},\"status\":{\"code\":200,\"message\":\"success\"}}", VeoTaskStatus.Queued)]
    [InlineData("{\"data\":{\"task_id\":\"task_a\",\"status\":\"processing\",\"progress\":0.5},\"status\":{\"code\":200,\"message\":\"success\"}}", VeoTaskStatus.Running)]
    public void TheCreateAnswerIsReadLikeAStatusAnswerInEitherShape(string answer, VeoTaskStatus status)
    {
        using System.Text.Json.JsonDocument document = System.Text.Json.JsonDocument.Parse(answer);
        CreatedTask created = Protocol(Vtrix).ReadCreated(document.RootElement, Now);
        Assert.Equal(("task_a", status), (created.TaskId, created.State.Status));
    }

    [Fact]
    public void CompletedWithoutAVideoIsNotASuccess()
    {
        TaskState state = Status(Vtrix, "{\"id\":\"t\",\"status\":\"completed\",\"output\":[]}");
        Assert.Equal(VeoTaskStatus.Running, state.Status);
        Assert.Equal(Now, state.CompletedWithoutVideoSince);
    }

    [Fact]
    public void A403SaysBalanceOrPermission()
    {
        VeoApiException error = Protocol(Vtrix).ReadError(ApiCall.Create, 403, "{\"message\":\"Insufficient balance or permission denied.\"}");
        Assert.Contains("insufficient balance or permission denied", error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Top up", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"error\":\"Video generation failed\"", null)]
    [InlineData("\"error\":{\"code\":2014001,\"error_message\":\"Video generation failed\"}", "2014001")]
    [InlineData("\"error\":{\"code\":\"002014001\",\"message\":\"Video generation failed\"}", "002014001")]
    public void EveryErrorShapeIsRead(string error, string? code)
    {
        TaskState state = Status(Vtrix, "{\"id\":\"t\",\"status\":\"failed\"," + error + "}");
        Assert.Equal(VeoTaskStatus.Failed, state.Status);
        Assert.Equal(code, state.ErrorCode);
        Assert.Equal("Video generation failed", state.ErrorMessage);
    }

    [Theory]
    [InlineData(401, VeoErrorIds.AuthenticationFailed)]
    [InlineData(403, VeoErrorIds.InsufficientBalance)]
    [InlineData(429, VeoErrorIds.RateLimited)]
    [InlineData(500, VeoErrorIds.ProviderError)]
    public void HttpErrorsHaveDistinctIds(int status, string errorId)
    {
        Assert.Equal(errorId, Protocol(Vtrix).ReadError(ApiCall.Create, status, "{\"message\":\"no\"}").ErrorId);
        Assert.Equal(errorId, Protocol(Vtrix).ReadError(ApiCall.Create, status, "{\"error\":\"no\"}").ErrorId);
    }
}
