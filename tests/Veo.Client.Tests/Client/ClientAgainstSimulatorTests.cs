using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Veo.Client.Tests.Client;

/// <summary>The client end to end against the simulator: every endpoint accepts our bodies, tasks complete, videos download.</summary>
public sealed class ClientAgainstSimulatorTests : IDisposable
{
    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    private VideoRequest Request(VeoMode mode, VeoTier tier)
    {
        ImageInput first = ImageInput.FromFile(_images.Png("first.png"));
        ImageInput url = ImageInput.FromUrl(new Uri("https://example.com/last.jpg"));
        return mode switch
        {
            VeoMode.Reference => new VideoRequest { Mode = mode, Tier = tier, Prompt = "a fox", ReferenceImages = new[] { first, url } },
            VeoMode.FirstFrame => new VideoRequest { Mode = mode, Tier = tier, Prompt = "a fox", Image = first },
            _ => new VideoRequest { Mode = mode, Tier = tier, Prompt = "a fox", Image = first, LastImage = url },
        };
    }

    [Theory]
    [InlineData(VeoMode.Reference, VeoTier.Standard)]
    [InlineData(VeoMode.Reference, VeoTier.Fast)]
    [InlineData(VeoMode.FirstFrame, VeoTier.Standard)]
    [InlineData(VeoMode.FirstFrame, VeoTier.Fast)]
    [InlineData(VeoMode.FirstFrame, VeoTier.Lite)]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Standard)]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Fast)]
    [InlineData(VeoMode.FirstAndLastFrame, VeoTier.Lite)]
    public async Task EveryEndpointAcceptsItsBodyWithEveryOptionSet(VeoMode mode, VeoTier tier)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        ModelDefinition model = ModelCatalog.Find(VeoProvider.HighwayApi, mode, tier);
        VideoRequest request = Request(mode, tier) with
        {
            Resolution = "1080p",
            AspectRatio = "9:16",
            SampleCount = 2,
            Seed = 4294967295,
            NegativePrompt = "blur",
            GenerateAudio = true,
            EnhancePrompt = model.Takes(VeoOption.EnhancePrompt) ? true : null,
            PersonGeneration = PersonGeneration.DontAllow,
        };

        VeoTask task = await provider.CreateAsync(request);

        Assert.Equal(model.ModelId, task.Model);
        Assert.Equal(VeoTaskStatus.Queued, task.Status);
        Assert.Equal(1, provider.Creates);
    }

    [Fact]
    public async Task ATaskIsCreatedWaitedForAndDownloaded()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask created = await provider.CreateAsync(Request(VeoMode.FirstFrame, VeoTier.Fast) with { SampleCount = 2 });
        int updates = 0;

        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(10), _ => updates++, default);

        Assert.Equal(VeoTaskStatus.Succeeded, done.Status);
        Assert.Equal(100, done.Progress);
        Assert.Equal(2, done.Videos.Count);
        Assert.All(done.Videos, v => Assert.True(v.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(59)));
        Assert.Equal(created.Model, done.Model);
        Assert.Equal("a fox", done.Prompt);
        Assert.True(updates >= 1);

        string path = Path.Combine(_images.Folder, "out", "video.mp4");
        await provider.Client.DownloadAsync(done, 1, path, overwrite: false, progress: null, default);
        byte[] bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task AFailedTaskCarriesTheProvidersReason()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask created = await provider.CreateAsync(Request(VeoMode.FirstFrame, VeoTier.Lite) with { Prompt = "[sim:fail] a fox" });

        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(10), null, default);

        Assert.Equal(VeoTaskStatus.Failed, done.Status);
        Assert.Contains("safety filter", done.ErrorMessage);
    }

    [Fact]
    public async Task AWaitPastItsTimeoutThrowsWithTheLatestTask()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        provider.Server.Options.ProcessingFor = TimeSpan.FromSeconds(30);
        VeoTask created = await provider.CreateAsync(Request(VeoMode.FirstFrame, VeoTier.Fast));

        VeoException error = await Assert.ThrowsAsync<VeoException>(() =>
            provider.Client.WaitAsync(created, TimeSpan.FromSeconds(1), null, default));

        Assert.Equal(VeoErrorIds.WaitTimedOut, error.ErrorId);
        VeoTask latest = Assert.IsType<VeoTask>(error.Target);
        Assert.Equal(created.TaskId, latest.TaskId);
        Assert.Equal(VeoTaskStatus.Running, latest.Status);
    }

    [Fact]
    public async Task CancellingAWaitEndsItWithoutTouchingTheTask()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        provider.Server.Options.ProcessingFor = TimeSpan.FromSeconds(30);
        VeoTask created = await provider.CreateAsync(Request(VeoMode.FirstFrame, VeoTier.Fast));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.Client.WaitAsync(created, null, null, cancel.Token));

        Assert.Equal(1, provider.Creates);
        VeoTask still = await provider.Client.RefreshAsync(created, default);
        Assert.Equal(VeoTaskStatus.Running, still.Status);
    }

    [Fact]
    public async Task GetTaskByIdReadsAnyTaskOfTheAccount()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        VeoTask created = await provider.CreateAsync(Request(VeoMode.Reference, VeoTier.Fast));

        VeoTask read = await provider.Client.GetTaskAsync(provider.Connection, created.TaskId, default);

        Assert.Equal(created.TaskId, read.TaskId);
        Assert.Null(read.Model);
    }

    [Fact]
    public async Task AnUnknownTaskIdIsTaskNotFound()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();

        VeoApiException error = await Assert.ThrowsAsync<VeoApiException>(() =>
            provider.Client.GetTaskAsync(provider.Connection, "no-such-task", default));

        Assert.Equal(VeoErrorIds.TaskNotFound, error.ErrorId);
        Assert.Equal(1, provider.StatusReads);
    }

    [Fact]
    public async Task AWrongKeyIsAuthenticationFailedAndTheKeyIsNeverShown()
    {
        const string wrongKey = "wrong-key-0123456789abcdef";
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();

        VeoApiException error = await Assert.ThrowsAsync<VeoApiException>(() =>
            provider.CreateAsync(Request(VeoMode.FirstFrame, VeoTier.Fast), provider.ConnectionWithKey(wrongKey)));

        Assert.Equal(VeoErrorIds.AuthenticationFailed, error.ErrorId);
        Assert.DoesNotContain(wrongKey, error.ToString());
        Assert.DoesNotContain(wrongKey, provider.Log.All);
        Assert.DoesNotContain(SimulatedProvider.Key, provider.Log.All);
    }

    [Fact]
    public async Task AnEmptyBalanceIsInsufficientBalance()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();

        VeoApiException error = await Assert.ThrowsAsync<VeoApiException>(() =>
            provider.CreateAsync(Request(VeoMode.FirstFrame, VeoTier.Fast), provider.ConnectionWithKey("sim-broke")));

        Assert.Equal(VeoErrorIds.InsufficientBalance, error.ErrorId);
        Assert.Equal(VeoErrorKind.QuotaExceeded, error.Kind);
    }

    [Fact]
    public async Task NoKeyAtAllIsRefusedBeforeSending()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        var keyless = new VeoConnection(VeoProvider.HighwayApi, provider.Server.BaseUri, null);

        VeoException error = await Assert.ThrowsAsync<VeoException>(() => provider.CreateAsync(Request(VeoMode.FirstFrame, VeoTier.Fast), keyless));

        Assert.Equal(VeoErrorIds.NoApiKey, error.ErrorId);
        Assert.Contains("HIGHWAYAPI_API_KEY", error.Message);
        Assert.Empty(provider.Server.State.Requests);
    }
}
