using static Veo.Client.Tests.Client.ProviderTestKit;

namespace Veo.Client.Tests.Client;

public sealed class AIHubMaxProtocolTests
{
    private const VeoProvider AIHubMax = VeoProvider.AIHubMax;

    private static VideoRequest Frame(VeoTier tier) => new() { Mode = VeoMode.FirstFrame, Tier = tier, Prompt = "a fox", Image = Url("a.png") };

    private static VideoRequest FirstLast(VeoTier tier) =>
        new() { Mode = VeoMode.FirstAndLastFrame, Tier = tier, Prompt = "a fox", Image = Url("a.png"), LastImage = Url("b.png") };

    private static VideoRequest Reference(VeoTier tier) =>
        new() { Mode = VeoMode.Reference, Tier = tier, Prompt = "a fox", ReferenceImages = new[] { Url("a.png"), Url("b.png") } };

    [Theory]
    [InlineData(VeoMode.Reference, VeoTier.Standard, "veo-3.1-reference-to-video")]
    [InlineData(VeoMode.Reference, VeoTier.Fast, "veo-3.1-fast-reference-to-video")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Standard, "veo-3.1-image-to-video")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Fast, "veo-3.1-fast-image-to-video")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Lite, "veo-3.1-lite-image-to-video")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Standard, "veo-3.1-first-last-frame-to-video")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Fast, "veo-3.1-fast-first-last-frame-to-video")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Lite, "veo-3.1-lite-first-last-frame-to-video")]
    public void EachModeAndTierHasItsModelId(VeoMode mode, VeoTier tier, string modelId) =>
        Assert.Equal(modelId, ModelCatalog.Find(AIHubMax, mode, tier).ModelId);

    [Fact]
    public void StandardReferenceSendsUrlsStyleAndEveryStandardOnlyOption() => Assert.Equal(
        "{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"a fox\",\"reference_image_urls\":[\"https://example.com/a.png\",\"https://example.com/b.png\"]," +
        "\"aspect_ratio\":\"16:9\",\"resolution\":\"4k\",\"duration\":8,\"generate_audio\":true,\"enhance_prompt\":true,\"person_generation\":\"dont_allow\"," +
        "\"reference_type\":\"STYLE\",\"safety_tolerance\":2,\"auto_fix\":true}",
        Body(AIHubMax, Reference(VeoTier.Standard) with
        {
            Resolution = "4k",
            GenerateAudio = true,
            EnhancePrompt = true,
            PersonGeneration = PersonGeneration.DontAllow,
            ReferenceType = ReferenceType.Style,
            SafetyTolerance = 2,
            AutoFix = true,
        }));

    [Fact]
    public void ImageToVideoSendsImageUrlAndDefaultsTo1080p() => Assert.Equal(
        "{\"model\":\"veo-3.1-fast-image-to-video\",\"prompt\":\"a fox\",\"image_url\":\"https://example.com/a.png\",\"aspect_ratio\":\"9:16\"," +
        "\"resolution\":\"1080p\",\"duration\":6,\"negative_prompt\":\"blur\",\"seed\":7}",
        Body(AIHubMax, Frame(VeoTier.Fast) with { AspectRatio = "9:16", DurationSeconds = 6, NegativePrompt = "blur", Seed = 7 }));

    [Fact]
    public void FirstLastFrameSendsFirstAndLastImageUrls() => Assert.Equal(
        "{\"model\":\"veo-3.1-lite-first-last-frame-to-video\",\"prompt\":\"a fox\",\"first_image_url\":\"https://example.com/a.png\"," +
        "\"last_image_url\":\"https://example.com/b.png\",\"aspect_ratio\":\"16:9\",\"resolution\":\"720p\",\"duration\":4}",
        Body(AIHubMax, FirstLast(VeoTier.Lite) with { Resolution = "720p", DurationSeconds = 4 }));

    [Theory]
    [InlineData(VeoMode.FirstFrame, VeoTier.Standard,
        "{\"model\":\"veo-3.1-image-to-video\",\"prompt\":\"a fox\",\"image_url\":\"https://example.com/a.png\",\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":8}")]
    [InlineData(VeoMode.FirstFrame, VeoTier.Lite,
        "{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\"a fox\",\"image_url\":\"https://example.com/a.png\",\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":8}")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Standard,
        "{\"model\":\"veo-3.1-first-last-frame-to-video\",\"prompt\":\"a fox\",\"first_image_url\":\"https://example.com/a.png\",\"last_image_url\":\"https://example.com/b.png\",\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":8}")]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Fast,
        "{\"model\":\"veo-3.1-fast-first-last-frame-to-video\",\"prompt\":\"a fox\",\"first_image_url\":\"https://example.com/a.png\",\"last_image_url\":\"https://example.com/b.png\",\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":8}")]
    [InlineData(VeoMode.Reference, VeoTier.Fast,
        "{\"model\":\"veo-3.1-fast-reference-to-video\",\"prompt\":\"a fox\",\"reference_image_urls\":[\"https://example.com/a.png\",\"https://example.com/b.png\"],\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":8}")]
    [InlineData(VeoMode.Text, VeoTier.Standard,
        "{\"model\":\"veo-3.1-text-to-video\",\"prompt\":\"a fox\",\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":8}")]
    [InlineData(VeoMode.Text, VeoTier.Fast,
        "{\"model\":\"veo-3.1-fast-text-to-video\",\"prompt\":\"a fox\",\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":8}")]
    [InlineData(VeoMode.Text, VeoTier.Lite,
        "{\"model\":\"veo-3.1-lite-text-to-video\",\"prompt\":\"a fox\",\"aspect_ratio\":\"16:9\",\"resolution\":\"1080p\",\"duration\":8}")]
    [InlineData(VeoMode.Extend, VeoTier.Standard,
        "{\"model\":\"veo-3.1-extend\",\"prompt\":\"a fox\",\"video_url\":\"https://example.com/v.mp4\",\"aspect_ratio\":\"16:9\"}")]
    public void EveryOtherModelsMinimalBody(VeoMode mode, VeoTier tier, string body)
    {
        VideoRequest request = mode switch
        {
            VeoMode.FirstFrame => Frame(tier),
            VeoMode.FirstAndLastFrame => FirstLast(tier),
            VeoMode.Reference => Reference(tier),
            VeoMode.Extend => new VideoRequest { Mode = mode, Tier = tier, Prompt = "a fox", Video = VideoInput.FromUrl(new System.Uri("https://example.com/v.mp4")) },
            _ => new VideoRequest { Mode = mode, Tier = tier, Prompt = "a fox" },
        };
        Assert.Equal(body, Body(AIHubMax, request));
    }

    [Fact]
    public void StatusReadsAskForAnUpstreamRefreshOnceTheCreateAnswersEstimateHasPassed()
    {
        using var created = System.Text.Json.JsonDocument.Parse("{\"id\":\"task-unified-1\",\"status\":\"pending\",\"task_info\":{\"estimated_time\":180}}");
        TaskState first = Protocol(AIHubMax).ReadCreated(created.RootElement, Now).State.After(null, System.TimeSpan.FromSeconds(60));
        TaskState running = Status(AIHubMax, "{\"id\":\"task-unified-1\",\"status\":\"processing\",\"progress\":50}").After(first, System.TimeSpan.FromSeconds(60));

        Assert.Equal("v1/tasks/task-unified-1", Protocol(AIHubMax).StatusPath("task-unified-1", running, Now.AddSeconds(180)));
        Assert.Equal("v1/tasks/task-unified-1?sync_upstream=true", Protocol(AIHubMax).StatusPath("task-unified-1", running, Now.AddSeconds(181)));
    }

    [Fact]
    public void ACreateAnswerWithTheIdAloneIsAQueuedTask()
    {
        using var created = System.Text.Json.JsonDocument.Parse("{\"id\":\"task-unified-1\"}");
        CreatedTask task = Protocol(AIHubMax).ReadCreated(created.RootElement, Now);
        Assert.Equal(("task-unified-1", VeoTaskStatus.Queued), (task.TaskId, task.State.Status));
    }

    [Fact]
    public void LiteAt1080pIsOnlyEightSeconds() =>
        Assert.Equal(VeoErrorIds.DurationNotAllowed, Refused(AIHubMax, Frame(VeoTier.Lite) with { DurationSeconds = 4 }));

    [Fact]
    public void LiteHasNo4k() => Assert.Equal(VeoErrorIds.ResolutionNotAllowed, Refused(AIHubMax, Frame(VeoTier.Lite) with { Resolution = "4k" }));

    [Fact]
    public void LiteHasNoReferenceModel() => Assert.Equal(VeoErrorIds.ModelNotAvailable, Refused(AIHubMax, Reference(VeoTier.Lite)));

    [Fact]
    public void ReferenceTypeIsRefusedOnTheFastModelNamingTheModelThatTakesIt()
    {
        VeoException error = Assert.ThrowsAny<VeoException>(() =>
            new VeoClient().Prepare(Connection(AIHubMax), Reference(VeoTier.Fast) with { ReferenceType = ReferenceType.Asset }));
        Assert.Equal(VeoErrorIds.OptionNotSupported, error.ErrorId);
        Assert.Contains("veo-3.1-reference-to-video (AIHubMax)", error.Message);
    }

    [Theory]
    [InlineData(VeoTier.Fast)]
    [InlineData(VeoTier.Lite)]
    public void EnhancePromptAndPersonGenerationAreStandardOnly(VeoTier tier)
    {
        Assert.Equal(VeoErrorIds.OptionNotSupported, Refused(AIHubMax, Frame(tier) with { EnhancePrompt = true }));
        Assert.Equal(VeoErrorIds.OptionNotSupported, Refused(AIHubMax, Frame(tier) with { PersonGeneration = PersonGeneration.AllowAdult }));
    }

    [Fact]
    public void SafetyToleranceIsNotTakenByLite() =>
        Assert.Equal(VeoErrorIds.OptionNotSupported, Refused(AIHubMax, Frame(VeoTier.Lite) with { SafetyTolerance = 3 }));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void SafetyToleranceIsOneToSix(int tolerance) =>
        Assert.Equal(VeoErrorIds.SafetyToleranceOutOfRange, Refused(AIHubMax, Frame(VeoTier.Fast) with { SafetyTolerance = tolerance }));

    [Fact]
    public void SampleCountIsNotTaken() => Assert.Equal(VeoErrorIds.OptionNotSupported, Refused(AIHubMax, Frame(VeoTier.Fast) with { SampleCount = 2 }));

    [Fact]
    public void HighwayApiRefusesAIHubMaxOnlyOptionsTheSameWay()
    {
        VeoException error = Assert.ThrowsAny<VeoException>(() => new VeoClient().Prepare(
            Connection(VeoProvider.HighwayApi), new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "p", Image = Url("a.png"), SafetyTolerance = 2 }));
        Assert.Equal(VeoErrorIds.OptionNotSupported, error.ErrorId);
        Assert.Contains("veo-3.1-fast-image-to-video (AIHubMax)", error.Message);
    }

    [Theory]
    [InlineData("pending", VeoTaskStatus.Queued)]
    [InlineData("processing", VeoTaskStatus.Running)]
    [InlineData("completed", VeoTaskStatus.Running)]
    public void StatusesWithoutResultsAreNotFinished(string status, VeoTaskStatus expected) =>
        Assert.Equal(expected, Status(AIHubMax, $"{{\"id\":\"t\",\"status\":\"{status}\",\"progress\":97,\"results\":null}}").Status);

    [Theory]
    [InlineData("[\"https://cdn.example/v.mp4\"]")]
    [InlineData("[{\"url\":\"https://cdn.example/v.mp4\",\"content_type\":\"video/mp4\"}]")]
    public void CompletedWithAResultInEitherShapeSucceedsWithA24HourLink(string results)
    {
        TaskState state = Status(AIHubMax, $"{{\"id\":\"t\",\"status\":\"completed\",\"progress\":100,\"results\":{results}}}");
        Assert.Equal(VeoTaskStatus.Succeeded, state.Status);
        Assert.Equal("https://cdn.example/v.mp4", state.Videos[0].Uri.AbsoluteUri);
        Assert.Equal(Now.AddHours(24), state.Videos[0].ExpiresAt);
    }

    [Fact]
    public void FailedCarriesTheErrorCodeAndMessage()
    {
        TaskState state = Status(AIHubMax,
            "{\"id\":\"t\",\"status\":\"failed\",\"progress\":0,\"error\":{\"code\":\"content_policy_violation\",\"message\":\"Blocked by safety filters.\"}}");
        Assert.Equal(VeoTaskStatus.Failed, state.Status);
        Assert.Equal("content_policy_violation", state.ErrorCode);
        Assert.Equal("Blocked by safety filters.", state.ErrorMessage);
    }

    [Theory]
    [InlineData(401, "authentication_error", VeoErrorIds.AuthenticationFailed)]
    [InlineData(402, "insufficient_quota", VeoErrorIds.InsufficientBalance)]
    [InlineData(422, "model_not_found", VeoErrorIds.ModelNotFound)]
    [InlineData(422, "invalid_parameters", VeoErrorIds.RequestRejected)]
    [InlineData(429, "rate_limit_error", VeoErrorIds.RateLimited)]
    [InlineData(500, "server_error", VeoErrorIds.ProviderError)]
    [InlineData(503, "service_unavailable", VeoErrorIds.ProviderUnavailable)]
    public void HttpErrorsHaveDistinctIds(int status, string code, string errorId)
    {
        VeoApiException error = Protocol(AIHubMax).ReadError(ApiCall.Create, status, $"{{\"error\":{{\"message\":\"m (request_id: 1)\",\"type\":\"t\",\"code\":\"{code}\"}}}}");
        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains("request_id: 1", error.Message);
    }
}
