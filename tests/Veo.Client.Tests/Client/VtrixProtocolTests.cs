using static Veo.Client.Tests.Client.ProviderTestKit;

namespace Veo.Client.Tests.Client;

public sealed class VtrixProtocolTests : System.IDisposable
{
    private const VeoProvider Vtrix = VeoProvider.Vtrix;
    private const string First = "iVBORw0KGgoBAQEB";

    private readonly TestImages _images = new();
    private readonly ImageInput _png;

    public VtrixProtocolTests()
    {
        _png = ImageInput.FromFile(_images.Png());
    }

    public void Dispose() => _images.Dispose();

    private VideoRequest Frame() => new() { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = _png };

    [Fact]
    public void ImageToVideoSendsGooglesImageObjectAndAllowAdultByDefault() => Assert.Equal(
        "{\"model\":\"veo_31_fast\",\"prompt\":\"a fox\",\"negativePrompt\":\"blur\",\"image\":{\"bytesBase64Encoded\":\"" + First + "\",\"mimeType\":\"image/png\"}," +
        "\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":6,\"personGeneration\":\"allow_adult\"}",
        Body(Vtrix, Frame() with { NegativePrompt = "blur", DurationSeconds = 6 }));

    [Fact]
    public void FirstLastFrameSendsLastFrame() => Assert.Contains(
        "\"lastFrame\":{\"bytesBase64Encoded\":\"" + First + "\",\"mimeType\":\"image/png\"}",
        Body(Vtrix, Frame() with { Mode = VeoMode.FirstAndLastFrame, LastImage = _png }));

    [Fact]
    public void ReferenceSendsAssetReferenceImagesAtEightSeconds() => Assert.Equal(
        "{\"model\":\"veo_31_fast\",\"prompt\":\"a fox\",\"referenceImages\":[{\"image\":{\"bytesBase64Encoded\":\"" + First + "\",\"mimeType\":\"image/png\"}," +
        "\"referenceType\":\"asset\"}],\"aspectRatio\":\"16:9\",\"resolution\":\"4k\",\"durationSeconds\":8,\"personGeneration\":\"allow_adult\"}",
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
    public void EveryDocumentedStatusWordIsUnderstood(string status, VeoTaskStatus expected) =>
        Assert.Equal(expected, Status(Vtrix, $"{{\"id\":\"t\",\"status\":\"{status}\",\"progress\":0.42}}").Status);

    [Fact]
    public void ProgressFromZeroToOneBecomesAPercentage() =>
        Assert.Equal(42, Status(Vtrix, "{\"task_id\":\"t\",\"status\":\"in_progress\",\"progress\":0.42}").Progress);

    [Theory]
    [InlineData("video")]
    [InlineData("video_url")]
    public void CompletedReadsTheVideoUrlAndTheCost(string type)
    {
        TaskState state = Status(Vtrix,
            "{\"id\":\"t\",\"status\":\"completed\",\"output\":[{\"content\":[{\"type\":\"" + type + "\",\"url\":\"https://cdn.vtrix.ai/outputs/t/output.mp4\",\"duration\":8}]}]," +
            "\"usage\":{\"cost\":\"1.2000\",\"discount\":0}}");
        Assert.Equal(VeoTaskStatus.Succeeded, state.Status);
        Assert.Equal("https://cdn.vtrix.ai/outputs/t/output.mp4", state.Videos[0].Uri.AbsoluteUri);
        Assert.Equal(1.2m, state.Cost);
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
