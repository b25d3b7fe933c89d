using System;
using static Veo.Client.Tests.Client.ProviderTestKit;

namespace Veo.Client.Tests.Client;

/// <summary>Text-to-video and extension: the body each provider receives, and the rules checked before sending.</summary>
public sealed class TextAndExtendTests : IDisposable
{
    private const string Mp4Base64 = "AAAAGGZ0eXBpc29tAAAAAA==";

    private readonly TestImages _files = new();
    private readonly VideoInput _localMp4;

    public TextAndExtendTests()
    {
        string path = System.IO.Path.Combine(_files.Folder, "clip.mp4");
        System.IO.File.WriteAllBytes(path, Convert.FromBase64String(Mp4Base64));
        _localMp4 = VideoInput.FromFile(path);
    }

    public void Dispose() => _files.Dispose();

    private static VideoRequest Text(VeoTier tier = VeoTier.Fast) => new() { Mode = VeoMode.Text, Tier = tier, Prompt = "a storm" };

    private static VideoRequest Extend(VideoInput video, VeoTier tier = VeoTier.Fast) => new() { Mode = VeoMode.Extend, Tier = tier, Prompt = "go on", Video = video };

    private static VideoInput RemoteVideo => VideoInput.FromUrl(new Uri("https://example.com/clip.mp4"));

    [Theory]
    [InlineData(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Standard, "veo-3.1-generate-text2video")]
    [InlineData(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Fast, "veo-3.1-fast-generate-text2video")]
    [InlineData(VeoProvider.HighwayApi, VeoMode.Text, VeoTier.Lite, "veo-3.1-lite-t2v")]
    [InlineData(VeoProvider.HighwayApi, VeoMode.Extend, VeoTier.Standard, "veo-3.1-generate-extend")]
    [InlineData(VeoProvider.HighwayApi, VeoMode.Extend, VeoTier.Fast, "veo-3.1-fast-generate-extend")]
    [InlineData(VeoProvider.HighwayApi, VeoMode.Extend, VeoTier.Lite, "veo-3.1-lite-extend")]
    [InlineData(VeoProvider.AIHubMax, VeoMode.Text, VeoTier.Standard, "veo-3.1-text-to-video")]
    [InlineData(VeoProvider.AIHubMax, VeoMode.Text, VeoTier.Lite, "veo-3.1-lite-text-to-video")]
    [InlineData(VeoProvider.AIHubMax, VeoMode.Extend, VeoTier.Standard, "veo-3.1-extend")]
    [InlineData(VeoProvider.AIHubMax, VeoMode.Extend, VeoTier.Fast, "veo-3.1-extend-fast")]
    [InlineData(VeoProvider.Vtrix, VeoMode.Text, VeoTier.Fast, "veo_31_fast")]
    [InlineData(VeoProvider.Vtrix, VeoMode.Extend, VeoTier.Fast, "veo_31_fast")]
    public void EachProviderHasItsModels(VeoProvider provider, VeoMode mode, VeoTier tier, string modelId) =>
        Assert.Equal(modelId, ModelCatalog.Find(provider, mode, tier).ModelId);

    [Fact]
    public void HighwayApiTextToVideoAlwaysSendsGenerateAudio() => Assert.Equal(
        "{\"prompt\":\"a storm\",\"duration_seconds\":8,\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\",\"generate_audio\":false}",
        Body(VeoProvider.HighwayApi, Text()));

    [Fact]
    public void HighwayApiLiteTextToVideoSendsDuration() => Assert.Equal(
        "{\"prompt\":\"a storm\",\"duration\":4,\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\",\"enhance_prompt\":false}",
        Body(VeoProvider.HighwayApi, Text(VeoTier.Lite) with { DurationSeconds = 4, EnhancePrompt = false }));

    [Fact]
    public void HighwayApiExtendSendsALocalMp4AsBase64AndNoDuration() => Assert.Equal(
        "{\"prompt\":\"go on\",\"video\":\"" + Mp4Base64 + "\",\"resolution\":\"720p\",\"aspect_ratio\":\"16:9\"}",
        Body(VeoProvider.HighwayApi, Extend(_localMp4)));

    [Fact]
    public void HighwayApiLiteExtendTakesAUrlOnly()
    {
        Assert.Equal(VeoErrorIds.VideoUrlRequired, Refused(VeoProvider.HighwayApi, Extend(_localMp4, VeoTier.Lite)));
        Assert.Contains("\"video\":\"https://example.com/clip.mp4\"", Body(VeoProvider.HighwayApi, Extend(RemoteVideo, VeoTier.Lite)));
    }

    [Fact]
    public void AIHubMaxExtendSendsVideoUrlAndNeitherResolutionNorDuration() => Assert.Equal(
        "{\"model\":\"veo-3.1-extend-fast\",\"prompt\":\"go on\",\"video_url\":\"https://example.com/clip.mp4\",\"aspect_ratio\":\"16:9\",\"safety_tolerance\":3}",
        Body(VeoProvider.AIHubMax, Extend(RemoteVideo) with { SafetyTolerance = 3 }));

    [Fact]
    public void AIHubMaxExtendRefusesAResolution() =>
        Assert.Equal(VeoErrorIds.ResolutionNotAllowed, Refused(VeoProvider.AIHubMax, Extend(RemoteVideo) with { Resolution = "1080p" }));

    [Fact]
    public void VtrixTextToVideoSendsAllowAll() => Assert.Equal(
        "{\"model\":\"veo_31_fast\",\"input\":[{\"params\":{\"prompt\":\"a storm\",\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":8,\"personGeneration\":\"allow_all\"}}]}",
        Body(VeoProvider.Vtrix, Text()));

    [Fact]
    public void VtrixExtensionSendsTheVideoAsBytesAt720pAndEightSeconds() => Assert.Equal(
        "{\"model\":\"veo_31_fast\",\"input\":[{\"params\":{\"prompt\":\"go on\",\"video\":{\"bytesBase64Encoded\":\"" + Mp4Base64 + "\",\"mimeType\":\"video/mp4\"}," +
        "\"aspectRatio\":\"16:9\",\"resolution\":\"720p\",\"durationSeconds\":8,\"personGeneration\":\"allow_all\"}}]}",
        Body(VeoProvider.Vtrix, Extend(_localMp4)));

    [Theory]
    [InlineData("1080p", null, null, VeoErrorIds.ResolutionNotAllowed)]
    [InlineData(null, 6, null, VeoErrorIds.DurationNotAllowed)]
    [InlineData(null, null, PersonGeneration.AllowAdult, VeoErrorIds.PersonGenerationNotAllowed)]
    public void VtrixExtensionIs720pEightSecondsAndAllowAll(string? resolution, int? duration, PersonGeneration? person, string errorId) =>
        Assert.Equal(errorId, Refused(VeoProvider.Vtrix, Extend(_localMp4) with { Resolution = resolution, DurationSeconds = duration, PersonGeneration = person }));

    [Fact]
    public void VtrixTextToVideoRefusesAllowAdult() =>
        Assert.Equal(VeoErrorIds.PersonGenerationNotAllowed, Refused(VeoProvider.Vtrix, Text() with { PersonGeneration = PersonGeneration.AllowAdult }));

    [Fact]
    public void StandardHighwayApiTextToVideoCannotTurnEnhancementOff() =>
        Assert.Equal(VeoErrorIds.EnhancePromptAlwaysOn, Refused(VeoProvider.HighwayApi, Text(VeoTier.Standard) with { EnhancePrompt = false }));

    [Fact]
    public void AVideoThatIsNotAnMp4IsRefused()
    {
        VeoException error = Assert.ThrowsAny<VeoException>(() => new VeoClient().Prepare(
            Connection(VeoProvider.HighwayApi), Extend(VideoInput.FromFile(_files.Png("not-a-video.mp4")))));
        Assert.Equal(VeoErrorIds.VideoFormatNotSupported, error.ErrorId);
        Assert.Contains("only MP4 videos", error.Message);
    }

    [Fact]
    public void AMissingVideoFileIsVideoNotFound() =>
        Assert.Equal(VeoErrorIds.VideoNotFound, Refused(VeoProvider.HighwayApi, Extend(VideoInput.FromFile(_files.Missing("none.mp4")))));

    [Fact]
    public void ATaskThatHasNotSucceededCannotBeExtended()
    {
        VeoException error = Assert.Throws<VeoException>(() => VideoInput.FromTask(new VeoTask(
            Connection(VeoProvider.HighwayApi), "t1", new TaskDetails(null, null, null, null), TaskState.Created(Now))));
        Assert.Equal(VeoErrorIds.TaskHasNoVideo, error.ErrorId);
    }
}
