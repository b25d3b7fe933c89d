using System;

namespace Veo.Client.Tests.Client;

/// <summary>The exact body each HighwayAPI endpoint receives, field names and spellings as its page documents them.</summary>
public sealed class HighwayApiBodyTests : IDisposable
{
    // Base64 of the test PNGs below (8-byte PNG signature + 4 filler bytes); the second contains '/' which must not be escaped.
    private const string First = "iVBORw0KGgoBAQEB";
    private const string Last = "iVBORw0KGgr7//7/";

    private readonly TestImages _images = new();
    private readonly ImageInput _first;
    private readonly ImageInput _last;
    private readonly VeoConnection _connection = VeoConnections.Create(VeoProvider.HighwayApi, apiKey: ApiKey.FromPlainText("k", "test"));

    public HighwayApiBodyTests()
    {
        _first = ImageInput.FromFile(_images.Png("first.png"));
        _last = ImageInput.FromFile(_images.Png("last.png"));
        System.IO.File.WriteAllBytes(_last.FilePath!, Convert.FromBase64String(Last));
    }

    public void Dispose() => _images.Dispose();

    private string Body(VideoRequest request)
    {
        PreparedCreate prepared = new VeoClient().Prepare(_connection, request);
        return ProviderTestKit.Sent(prepared.BuildBody(prepared.Request));
    }

    private VideoRequest Frame(VeoTier tier) => new() { Mode = VeoMode.FirstFrame, Tier = tier, Prompt = "a fox", Image = _first };

    private VideoRequest FirstLast(VeoTier tier) =>
        new() { Mode = VeoMode.FirstAndLastFrame, Tier = tier, Prompt = "a fox", Image = _first, LastImage = _last };

    [Theory]
    [InlineData(VeoTier.Standard, "veo-3.1-generate-reference")]
    [InlineData(VeoTier.Fast, "veo-3.1-fast-generate-reference")]
    public void ReferenceSendsAssetImagesAndNoDuration(VeoTier tier, string endpoint)
    {
        var request = new VideoRequest
        {
            Mode = VeoMode.Reference,
            Tier = tier,
            Prompt = "a fox in snow",
            ReferenceImages = new[] { _first, ImageInput.FromUrl(new Uri("https://example.com/b.jpg")) },
            SampleCount = 2,
            Seed = 42,
            NegativePrompt = "blur",
            GenerateAudio = true,
            EnhancePrompt = false,
            PersonGeneration = PersonGeneration.DontAllow,
        };
        Assert.Equal(
            "{\"prompt\":\"a fox in snow\",\"reference_images\":[{\"image\":\"" + First + "\",\"reference_type\":\"asset\"}," +
            "{\"image\":\"https://example.com/b.jpg\",\"reference_type\":\"asset\"}],\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\"," +
            "\"sample_count\":2,\"seed\":42,\"negative_prompt\":\"blur\",\"generate_audio\":true,\"enhance_prompt\":false," +
            "\"person_generation\":\"dont_allow\"}",
            Body(request));
        Assert.EndsWith("v3/async/" + endpoint, new VeoClient().Prepare(_connection, request).Endpoint.AbsoluteUri);
    }

    [Theory]
    [InlineData(VeoTier.Standard)]
    [InlineData(VeoTier.Fast)]
    public void StandardAndFastImageToVideoSendDurationSeconds(VeoTier tier) =>
        Assert.Equal(
            "{\"prompt\":\"a fox\",\"image\":\"" + First + "\",\"duration_seconds\":6,\"resolution\":\"1080p\",\"aspect_ratio\":\"9:16\"," +
            "\"person_generation\":\"allow_all\"}",
            Body(Frame(tier) with { DurationSeconds = 6, Resolution = "1080p", AspectRatio = "9:16", PersonGeneration = PersonGeneration.AllowAll }));

    [Fact]
    public void LiteImageToVideoSendsDuration() =>
        Assert.Equal(
            "{\"prompt\":\"a fox\",\"image\":\"" + First + "\",\"duration\":4,\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\"," +
            "\"generate_audio\":false,\"person_generation\":\"dont_allow\"}",
            Body(Frame(VeoTier.Lite) with { DurationSeconds = 4, GenerateAudio = false, PersonGeneration = PersonGeneration.DontAllow }));

    [Fact]
    public void StandardFirstLastFrameSendsLastImageAndDontAllow() =>
        Assert.Equal(
            "{\"prompt\":\"a fox\",\"image\":\"" + First + "\",\"last_image\":\"" + Last + "\",\"duration_seconds\":8," +
            "\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\",\"person_generation\":\"dont_allow\"}",
            Body(FirstLast(VeoTier.Standard) with { PersonGeneration = PersonGeneration.DontAllow }));

    [Fact]
    public void FastFirstLastFrameSpellsDontAllowAsDisallow() =>
        Assert.Equal(
            "{\"prompt\":\"a fox\",\"image\":\"" + First + "\",\"last_image\":\"" + Last + "\",\"duration_seconds\":8," +
            "\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\",\"enhance_prompt\":true,\"person_generation\":\"disallow\"}",
            Body(FirstLast(VeoTier.Fast) with { EnhancePrompt = true, PersonGeneration = PersonGeneration.DontAllow }));

    [Fact]
    public void LiteFirstLastFrameSendsLastFrameImageAndDuration() =>
        Assert.Equal(
            "{\"prompt\":\"a fox\",\"image\":\"" + First + "\",\"last_frame_image\":\"" + Last + "\",\"duration\":6," +
            "\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\",\"seed\":0}",
            Body(FirstLast(VeoTier.Lite) with { DurationSeconds = 6, Seed = 0 }));

    /// <summary>The endpoints no other test writes a whole body for, so every HighwayAPI model has its golden body.</summary>
    [Theory]
    [InlineData(VeoMode.Text, VeoTier.Standard,
        "{\"prompt\":\"a fox\",\"duration_seconds\":8,\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\",\"generate_audio\":false}")]
    [InlineData(VeoMode.Extend, VeoTier.Standard,
        "{\"prompt\":\"a fox\",\"video\":\"https://example.com/v.mp4\",\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\"}")]
    [InlineData(VeoMode.Extend, VeoTier.Lite,
        "{\"prompt\":\"a fox\",\"video\":\"https://example.com/v.mp4\",\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\"}")]
    public void EveryOtherEndpointsMinimalBody(VeoMode mode, VeoTier tier, string body) => Assert.Equal(body, Body(new VideoRequest
    {
        Mode = mode,
        Tier = tier,
        Prompt = "a fox",
        Video = mode == VeoMode.Extend ? VideoInput.FromUrl(new Uri("https://example.com/v.mp4")) : null,
    }));

    [Fact]
    public void APreviewShowsEverythingButTheImageBytes()
    {
        string preview = new VeoClient().Prepare(_connection, FirstLast(VeoTier.Fast)).Preview;
        Assert.Contains("\"last_image\": \"<base64 of " + _last.FilePath + ": image/png, 12 bytes>\"", preview);
        Assert.DoesNotContain(First, preview);
    }

    [Fact]
    public void NonAsciiPromptsAreSentAsUtf8Text() =>
        Assert.Contains("\"prompt\":\"雪中的狐狸 'quoted'\"", Body(Frame(VeoTier.Fast) with { Prompt = "雪中的狐狸 'quoted'" }));
}
