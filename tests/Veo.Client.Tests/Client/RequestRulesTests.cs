using System;
using System.Linq;

namespace Veo.Client.Tests.Client;

public sealed class RequestRulesTests
{
    private static readonly ImageInput Url = ImageInput.FromUrl(new Uri("https://example.com/a.png"));

    private static VideoRequest Frame(VeoTier tier = VeoTier.Fast) =>
        new() { Mode = VeoMode.FirstFrame, Tier = tier, Prompt = "a fox", Image = Url };

    private static VideoRequest FirstLast(VeoTier tier = VeoTier.Fast) =>
        new() { Mode = VeoMode.FirstAndLastFrame, Tier = tier, Prompt = "a fox", Image = Url, LastImage = Url };

    private static VideoRequest Reference(int images = 1, VeoTier tier = VeoTier.Fast) =>
        new() { Mode = VeoMode.Reference, Tier = tier, Prompt = "a fox", ReferenceImages = Enumerable.Repeat(Url, images).ToArray() };

    private static VideoRequest Apply(VideoRequest request) =>
        RequestRules.Apply(ModelCatalog.Find(VeoProvider.HighwayApi, request.Mode, request.Tier), request);

    private static string Refused(VideoRequest request)
    {
        VeoException error = Assert.ThrowsAny<VeoException>(() => Apply(request));
        Assert.Equal(VeoErrorKind.InvalidArgument, error.Kind);
        return error.ErrorId;
    }

    [Theory]
    [InlineData(VeoMode.Reference, VeoTier.Standard, "veo-3.1-generate-reference")]
    [InlineData(VeoMode.Reference, VeoTier.Fast, "veo-3.1-fast-generate-reference")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Standard, "veo-3.1-generate-img2video")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Fast, "veo-3.1-fast-generate-img2video")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Lite, "veo-3.1-lite-i2v")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Standard, "veo-3.1-generate-firstlastframe")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Fast, "veo-3.1-fast-generate-firstlastframe")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Lite, "veo-3.1-lite-firstlastframe")]
    public void EachModeAndTierMapsToItsEndpoint(VeoMode mode, VeoTier tier, string endpoint)
    {
        Assert.Equal(endpoint, ModelCatalog.Find(VeoProvider.HighwayApi, mode, tier).ModelId);
        Assert.Equal(endpoint, ModelCatalog.Find(VeoProvider.JieKou, mode, tier).ModelId);
    }

    [Fact]
    public void LiteHasNoReferenceModel()
    {
        VeoException error = Assert.Throws<VeoException>(() => ModelCatalog.Find(VeoProvider.HighwayApi, VeoMode.Reference, VeoTier.Lite));
        Assert.Equal(VeoErrorIds.ModelNotAvailable, error.ErrorId);
        Assert.Contains("Standard, Fast", error.Message);
    }

    [Fact]
    public void DefaultsAreFilledIn()
    {
        VideoRequest applied = Apply(Frame(VeoTier.Lite));
        Assert.Equal("720p", applied.Resolution);
        Assert.Equal("16:9", applied.AspectRatio);
        Assert.Equal(8, applied.DurationSeconds);
    }

    [Fact]
    public void ReferenceModeSendsNoDurationAndRefusesAnyOtherLength()
    {
        Assert.Null(Apply(Reference()).DurationSeconds);
        Assert.Null(Apply(Reference() with { DurationSeconds = 8 }).DurationSeconds);
        Assert.Equal(VeoErrorIds.DurationNotAllowed, Refused(Reference() with { DurationSeconds = 6 }));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void FrameDurationsAreFourSixOrEight(int seconds) =>
        Assert.Equal(seconds, Apply(Frame() with { DurationSeconds = seconds }).DurationSeconds);

    [Fact]
    public void OtherDurationsAreRefused() => Assert.Equal(VeoErrorIds.DurationNotAllowed, Refused(Frame() with { DurationSeconds = 5 }));

    [Fact]
    public void FourKIsRefusedWithTheAllowedValues()
    {
        VeoException error = Assert.Throws<VeoException>(() => Apply(Frame() with { Resolution = "4k" }));
        Assert.Equal(VeoErrorIds.ResolutionNotAllowed, error.ErrorId);
        Assert.Contains("720p, 1080p", error.Message);
    }

    [Fact]
    public void ResolutionIsMatchedWithoutRegardToCase() => Assert.Equal("1080p", Apply(Frame() with { Resolution = "1080P" }).Resolution);

    [Fact]
    public void AspectRatioOutsideTheListIsRefused() => Assert.Equal(VeoErrorIds.AspectRatioNotAllowed, Refused(Frame() with { AspectRatio = "1:1" }));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void SampleCountIsOneToFour(int count) => Assert.Equal(VeoErrorIds.SampleCountOutOfRange, Refused(Frame() with { SampleCount = count }));

    [Theory]
    [InlineData(-1L)]
    [InlineData(4294967296L)]
    public void SeedIsAnUnsigned32BitNumber(long seed) => Assert.Equal(VeoErrorIds.SeedOutOfRange, Refused(Frame() with { Seed = seed }));

    [Fact]
    public void TheLargestSeedIsAccepted() => Assert.Equal(4294967295L, Apply(Frame() with { Seed = 4294967295L }).Seed);

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void ReferenceModeTakesOneToThreeImages(int count) => Assert.Equal(VeoErrorIds.ReferenceImageCount, Refused(Reference(count)));

    [Fact]
    public void LiteImageToVideoTakesNoEnhancePromptAndNamesTheModelsThatDo()
    {
        VeoException error = Assert.Throws<VeoException>(() => Apply(Frame(VeoTier.Lite) with { EnhancePrompt = true }));
        Assert.Equal(VeoErrorIds.OptionNotSupported, error.ErrorId);
        Assert.Contains("veo-3.1-lite-i2v", error.Message);
        Assert.Contains("veo-3.1-generate-img2video", error.Message);
    }

    [Fact]
    public void StandardFirstLastFrameCannotTurnPromptEnhancementOff() =>
        Assert.Equal(VeoErrorIds.EnhancePromptAlwaysOn, Refused(FirstLast(VeoTier.Standard) with { EnhancePrompt = false }));

    [Fact]
    public void FastFirstLastFrameMayTurnPromptEnhancementOff() =>
        Assert.False(Apply(FirstLast() with { EnhancePrompt = false }).EnhancePrompt);

    [Fact]
    public void FastFirstLastFrameOffersNoAllowAll() =>
        Assert.Equal(VeoErrorIds.PersonGenerationNotAllowed, Refused(FirstLast() with { PersonGeneration = PersonGeneration.AllowAll }));

    [Fact]
    public void StandardFirstLastFrameOffersAllowAll() =>
        Assert.Equal(PersonGeneration.AllowAll, Apply(FirstLast(VeoTier.Standard) with { PersonGeneration = PersonGeneration.AllowAll }).PersonGeneration);

    [Fact]
    public void AnEmptyPromptIsRefused() => Assert.Equal(VeoErrorIds.PromptMissing, Refused(Frame() with { Prompt = "  " }));
}
