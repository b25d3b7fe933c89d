using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>Google's Gemini API end to end against the simulator's strict Google protocol.</summary>
public sealed class GoogleAgainstSimulatorTests : IDisposable
{
    private const VeoProvider Google = VeoProvider.Google;

    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    public static TheoryData<VeoMode, VeoTier> EveryModel()
    {
        var models = new TheoryData<VeoMode, VeoTier>();
        foreach (ModelDefinition model in ModelCatalog.For(Google))
        {
            models.Add(model.Mode, model.Tier);
        }

        return models;
    }

    [Theory]
    [MemberData(nameof(EveryModel))]
    public async Task EveryModelCreatesWaitsAndDownloadsWithEveryOptionItTakes(VeoMode mode, VeoTier tier)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: Google);
        ModelDefinition model = ModelCatalog.Find(Google, mode, tier);
        VideoInput? video = mode == VeoMode.Extend ? VideoInput.FromTask(await FinishedTextTaskAsync(provider)) : null;

        VeoTask created = await provider.CreateAsync(Everything(model, video));
        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(10), null, default);
        string[] paths = { Path.Combine(_images.Folder, "1.mp4"), Path.Combine(_images.Folder, "2.mp4") };
        await provider.Client.DownloadAsync(done, 0, paths[0], false, null, default);
        await provider.Client.DownloadAsync(done, 1, paths[1], false, null, default);

        Assert.StartsWith($"models/{model.ModelId}/operations/", created.TaskId, StringComparison.Ordinal);
        Assert.Equal(VeoTaskStatus.Succeeded, done.Status);
        Assert.Equal(2, done.Videos.Count);
        Assert.All(paths, path => Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 4, 4)));
        Assert.NotEqual(File.ReadAllBytes(paths[0]), File.ReadAllBytes(paths[1]));
    }

    [Fact]
    public async Task NoRequestCarriesTheKeyInItsUrlAndStorageNeverGetsIt()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: Google);
        VeoTask done = await FinishedTextTaskAsync(provider);
        await provider.Client.DownloadAsync(done, 0, Path.Combine(_images.Folder, "v.mp4"), false, null, default);
        await provider.EventuallyAsync(() => provider.Downloads > 0);
        RecordedRequest[] requests = provider.Server.State.Requests.ToArray();

        Assert.All(requests, r => Assert.DoesNotContain(SimulatedProvider.Key, r.PathAndQuery, StringComparison.Ordinal));
        Assert.All(requests.Where(r => r.PathAndQuery.StartsWith("/v1beta/", StringComparison.Ordinal)), r => Assert.True(r.HadAuthorization, r.PathAndQuery));
        RecordedRequest storage = Assert.Single(requests, r => r.PathAndQuery.StartsWith("/sim/videos/", StringComparison.Ordinal));
        Assert.False(storage.HadAuthorization);
        Assert.Equal(200, storage.StatusCode);
        Assert.True(provider.Log.Has("Redirected to localhost, without the API key."));
    }

    [Theory]
    [InlineData("[sim:filtered] a fox", "RAI_MEDIA_FILTERED", "safety filters removed 1 video(s)")]
    [InlineData("[sim:fail] a fox", "3", "blocked by the simulator's safety filter")]
    public async Task AFilteredOrFailedOperationFailsAndSaysWhy(string prompt, string code, string message)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: Google);
        VeoTask created = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.Text, Prompt = prompt });

        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(10), null, default);

        Assert.Equal(VeoTaskStatus.Failed, done.Status);
        Assert.Equal(code, done.ErrorCode);
        Assert.Contains(message, done.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(done.Videos);
    }

    [Fact]
    public async Task AWrongKeyIsAuthenticationFailedAndAnExhaustedQuotaIsRateLimited()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: Google);
        var request = new VideoRequest { Mode = VeoMode.Text, Prompt = "a fox" };

        VeoApiException wrong = await Assert.ThrowsAsync<VeoApiException>(() => provider.CreateAsync(request, provider.ConnectionWithKey("not-a-key")));
        VeoApiException broke = await Assert.ThrowsAsync<VeoApiException>(() => provider.CreateAsync(request, provider.ConnectionWithKey("sim-broke")));

        Assert.Equal((VeoErrorIds.AuthenticationFailed, 400, "API_KEY_INVALID"), (wrong.ErrorId, wrong.StatusCode, wrong.ProviderCode));
        Assert.DoesNotContain("not-a-key", wrong.Message, StringComparison.Ordinal);
        Assert.Equal(VeoErrorIds.RateLimited, broke.ErrorId);
        Assert.Equal(0, provider.Server.State.Requests.Count(r => r.StatusCode == 200));
    }

    [Fact]
    public async Task AnOperationIsReadByItsNameAloneAndAnUnknownOneIsTaskNotFound()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: Google);
        VeoTask created = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.Text, Prompt = "a fox" });

        VeoTask read = await provider.Client.GetTaskAsync(provider.Connection, created.TaskId, default);
        VeoApiException missing = await Assert.ThrowsAsync<VeoApiException>(() =>
            provider.Client.GetTaskAsync(provider.Connection, "models/veo-3.1-generate-preview/operations/nope", default));

        Assert.Equal(created.TaskId, read.TaskId);
        Assert.Equal(VeoErrorIds.TaskNotFound, missing.ErrorId);
    }

    [Fact]
    public async Task AVideoGoogleDidNotGenerateIsRefusedBeforeTheCreate()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: Google);
        var request = new VideoRequest { Mode = VeoMode.Extend, Prompt = "go on", Video = VideoInput.FromUrl(new Uri("https://example.com/clip.mp4")) };

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.CreateAsync(request));

        Assert.Equal(VeoErrorIds.VideoUrlRequired, error.ErrorId);
        Assert.Equal(0, provider.Creates);
    }

    private static async Task<VeoTask> FinishedTextTaskAsync(SimulatedProvider provider)
    {
        VeoTask text = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.Text, Prompt = "a paper boat" });
        return await provider.Client.WaitAsync(text, TimeSpan.FromSeconds(10), null, default);
    }

    /// <summary>A request that sets every option the model takes, with local images, at its largest resolution.</summary>
    private VideoRequest Everything(ModelDefinition model, VideoInput? video)
    {
        ImageInput first = ImageInput.FromFile(_images.Png("first.png", 1));
        ImageInput last = ImageInput.FromFile(_images.Jpeg("last.jpg"));
        return new VideoRequest
        {
            Mode = model.Mode,
            Tier = model.Tier,
            Prompt = "a fox in snow",
            Image = model.Mode is VeoMode.FirstFrame or VeoMode.FirstAndLastFrame ? first : null,
            LastImage = model.Mode == VeoMode.FirstAndLastFrame ? last : null,
            ReferenceImages = model.Mode == VeoMode.Reference ? new[] { first, last } : Array.Empty<ImageInput>(),
            Video = video,
            Resolution = model.Resolutions.Last(),
            AspectRatio = model.AspectRatios.Last(),
            DurationSeconds = 8,
            NegativePrompt = "blur",
            EnhancePrompt = true,
            SampleCount = 2,
            PersonGeneration = model.PersonGenerationValues.Single(),
        };
    }
}
