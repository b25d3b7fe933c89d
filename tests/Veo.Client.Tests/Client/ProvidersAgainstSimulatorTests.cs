using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Client;

/// <summary>Every provider end to end against the simulator, and what is particular to AIHubMax and Vtrix.</summary>
public sealed class ProvidersAgainstSimulatorTests : IDisposable
{
    private readonly TestImages _images = new();

    public void Dispose() => _images.Dispose();

    /// <summary>Google's models have a theory of their own (GoogleAgainstSimulatorTests): its extension needs a video it generated.</summary>
    public static IEnumerable<object[]> EveryModel() =>
        ModelCatalog.All.Where(m => m.Provider != VeoProvider.Google).Select(m => new object[] { m.Provider, m.Mode, m.Tier });

    /// <summary>A request that sets every option the model takes, with local images.</summary>
    private VideoRequest Everything(ModelDefinition model)
    {
        ImageInput first = ImageInput.FromFile(_images.Png("first.png", 1));
        ImageInput last = ImageInput.FromFile(_images.Png("last.png", 2));
        string clip = Path.Combine(_images.Folder, "clip.mp4");
        File.WriteAllBytes(clip, Convert.FromBase64String("AAAAGGZ0eXBpc29tAAAAAA=="));
        return new VideoRequest
        {
            Mode = model.Mode,
            Tier = model.Tier,
            Prompt = "a fox in snow",
            Image = model.Mode is VeoMode.FirstFrame or VeoMode.FirstAndLastFrame ? first : null,
            Video = model.Mode != VeoMode.Extend ? null
                : model.VideoUrlOnly ? VideoInput.FromUrl(new Uri("https://example.com/clip.mp4")) : VideoInput.FromFile(clip),
            LastImage = model.Mode == VeoMode.FirstAndLastFrame ? last : null,
            ReferenceImages = model.Mode == VeoMode.Reference ? new[] { first, last } : Array.Empty<ImageInput>(),
            Resolution = model.Resolutions.LastOrDefault(),
            AspectRatio = "9:16",
            DurationSeconds = model.DurationIsFixed ? null : 8,
            Seed = model.Takes(VeoOption.Seed) ? 42 : null,
            NegativePrompt = model.Takes(VeoOption.NegativePrompt) ? "blur" : null,
            GenerateAudio = model.Takes(VeoOption.GenerateAudio) ? true : null,
            EnhancePrompt = model.Takes(VeoOption.EnhancePrompt) ? true : null,
            SampleCount = model.Takes(VeoOption.SampleCount) ? 2 : null,
            PersonGeneration = model.PersonGenerationValues.Count > 0 ? model.PersonGenerationValues.Last() : null,
            ReferenceType = model.Takes(VeoOption.ReferenceType) ? ReferenceType.Style : null,
            SafetyTolerance = model.Takes(VeoOption.SafetyTolerance) ? 4 : null,
            AutoFix = model.Takes(VeoOption.AutoFix) ? true : null,
        };
    }

    [Theory]
    [MemberData(nameof(EveryModel))]
    public async Task EveryModelAcceptsABodyWithEveryOptionItTakes(VeoProvider providerName, VeoMode mode, VeoTier tier)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: providerName);
        ModelDefinition model = ModelCatalog.Find(providerName, mode, tier);

        VeoTask task = await provider.CreateAsync(Everything(model));

        Assert.Equal(model.ModelId, task.Model);
        Assert.Equal(1, provider.Creates);
    }

    [Theory]
    [InlineData(VeoProvider.HighwayApi)]
    [InlineData(VeoProvider.AIHubMax)]
    [InlineData(VeoProvider.Vtrix)]
    public async Task EachProviderCreatesWaitsAndDownloads(VeoProvider providerName)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: providerName);
        VeoTask created = await provider.CreateAsync(Everything(ModelCatalog.Find(providerName, VeoMode.FirstFrame, VeoTier.Fast)));

        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(10), null, default);
        string path = Path.Combine(_images.Folder, "out.mp4");
        await provider.Client.DownloadAsync(done, 0, path, false, null, default);

        Assert.Equal(VeoTaskStatus.Succeeded, done.Status);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 4, 4));
    }

    [Theory]
    [InlineData(VeoProvider.AIHubMax, VeoErrorIds.InsufficientBalance)]
    [InlineData(VeoProvider.Vtrix, VeoErrorIds.InsufficientBalance)]
    public async Task AnEmptyBalanceHasItsOwnErrorId(VeoProvider providerName, string errorId)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: providerName);
        VideoRequest request = Everything(ModelCatalog.Find(providerName, VeoMode.FirstFrame, VeoTier.Fast)) with
        {
            Image = ImageInput.FromUrl(await provider.HostFileAsync(_images.Png("url.png"))),
        };

        VeoApiException error = await Assert.ThrowsAsync<VeoApiException>(() => provider.CreateAsync(request, provider.ConnectionWithKey("sim-broke")));

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public async Task AIHubMaxUploadsALocalFileOncePerSessionAndNotBeforeTheCreate()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.AIHubMax);
        string path = _images.Png("same.png", 9);
        var request = new VideoRequest
        {
            Mode = VeoMode.FirstAndLastFrame,
            Prompt = "a fox",
            Image = ImageInput.FromFile(path),
            LastImage = ImageInput.FromFile(path),
        };

        PreparedCreate prepared = provider.Client.Prepare(provider.Connection, request);
        Assert.Equal(0, provider.Uploads);
        Assert.Contains("<URL of " + path + " once uploaded>", prepared.Preview);

        await provider.Client.CreateAsync(prepared, default);
        await provider.CreateAsync(request with { Image = ImageInput.FromFile(path), LastImage = ImageInput.FromFile(path) });

        Assert.Equal(1, provider.Uploads);
        Assert.Equal(2, provider.Creates);
        Assert.True(provider.Log.Has("Uploading same.png"));
        Assert.True(provider.Log.Has("Reusing this client's upload"));
    }

    [Fact]
    public async Task AIHubMaxUploadsAreRetriedOnServerErrors()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.AIHubMax);
        provider.Server.State.Faults.Add(FaultTarget.Upload, new Fault.HttpStatus(503));

        await provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromFile(_images.Png("retry.png", 7)) });

        Assert.Equal(2, provider.Uploads);
        Assert.Equal(1, provider.Creates);
    }

    [Theory]
    [InlineData(AIHubMaxResultShape.Url)]
    [InlineData(AIHubMaxResultShape.Object)]
    public async Task AIHubMaxKeepsPollingThroughAnEarlyCompletedAndReadsEitherResultShape(AIHubMaxResultShape shape)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.AIHubMax);
        provider.Server.Options.AIHubMaxResultShape = shape;
        provider.Server.Options.AIHubMaxResultDelay = TimeSpan.FromMilliseconds(400);
        VeoTask created = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromUrl(new Uri("https://example.com/a.png")) });
        var seen = new List<VeoTask>();

        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(10), seen.Add, default);

        Assert.Equal(VeoTaskStatus.Succeeded, done.Status);
        Assert.Single(done.Videos);
        Assert.True(done.Videos[0].ExpiresAt > DateTimeOffset.UtcNow.AddHours(23));
        // The early "completed" without a link is seen, and waited through.
        Assert.Contains(seen, t => t.Status == VeoTaskStatus.Running && t.State.CompletedWithoutVideoSince is not null);
    }

    [Fact]
    public async Task AIHubMaxFailureCarriesTheProvidersCode()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.AIHubMax);
        VeoTask created = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "[sim:fail]", Image = ImageInput.FromUrl(new Uri("https://example.com/a.png")) });

        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(10), null, default);

        Assert.Equal(VeoTaskStatus.Failed, done.Status);
        Assert.Equal("content_policy_violation", done.ErrorCode);
    }

    [Fact]
    public async Task VtrixFetchesAnImageUrlAndSendsItsBytes()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.Vtrix);
        Uri url = await provider.HostFileAsync(_images.Png("remote.png", 5));

        VeoTask task = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromUrl(url) });

        Assert.Equal(1, provider.Creates);
        RecordedRequest create = provider.Server.State.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == "/model/v1/generation");
        Assert.Contains("\"bytesBase64Encoded\":\"" + TestImages.Base64Of(_images.Png("remote.png", 5)) + "\"", create.Body);
        Assert.True(provider.Log.Has("Fetching " + url));
    }

    [Fact]
    public async Task AFetchedImageIsKeptInAFileForItsCreateOnlyAndIsReadAgainForASafeResend()
    {
        string fetched = Directory.CreateDirectory(Path.Combine(_images.Folder, "fetched")).FullName;
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.FetchFolder = fetched, VeoProvider.Vtrix);
        Uri url = await provider.HostFileAsync(_images.Png("remote.png", 5));
        string base64 = TestImages.Base64Of(_images.Png("remote.png", 5));
        // A create refused with 429 was not taken: it is sent again, from the same fetched copy, answered slowly.
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.HttpStatus(429));
        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.Delay(TimeSpan.FromSeconds(3)));

        Task<VeoTask> creating = provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromUrl(url) });
        // The simulator records a request once answered: the refused one is, the slow one is still on its way.
        Assert.True(await provider.EventuallyAsync(() => provider.Creates == 1), "the first create was not answered");
        Assert.False(creating.IsCompleted);
        FileInfo copy = Assert.Single(new DirectoryInfo(fetched).GetFiles("veo-fetch-*.tmp"));
        Assert.Equal(new FileInfo(_images.Png("remote.png", 5)).Length, copy.Length);
        await creating;

        RecordedRequest[] creates = provider.Server.State.Requests.Where(r => r.Method == "POST" && r.PathAndQuery == "/model/v1/generation").ToArray();
        Assert.Equal(2, creates.Length);
        Assert.All(creates, create => Assert.Contains("\"bytesBase64Encoded\":\"" + base64 + "\"", create.Body));
        Assert.Empty(Directory.EnumerateFileSystemEntries(fetched));
    }

    [Fact]
    public async Task FetchedCopiesAreDeletedWhenTheCreateFailsOrALaterImageCannotBeFetched()
    {
        string fetched = Directory.CreateDirectory(Path.Combine(_images.Folder, "fetched")).FullName;
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(o => o.FetchFolder = fetched, VeoProvider.Vtrix);
        ImageInput good = ImageInput.FromUrl(await provider.HostFileAsync(_images.Png("good.png", 5)));
        ImageInput missing = ImageInput.FromUrl(new Uri(provider.Server.BaseUri, "sim/files/nope/none.png"));

        VeoException unavailable = await Assert.ThrowsAnyAsync<VeoException>(() =>
            provider.CreateAsync(new VideoRequest { Mode = VeoMode.Reference, Prompt = "a fox", ReferenceImages = new[] { good, missing } }));
        Assert.Equal(VeoErrorIds.ImageUrlUnavailable, unavailable.ErrorId);
        Assert.Equal(0, provider.Creates);
        Assert.Empty(Directory.EnumerateFileSystemEntries(fetched));

        provider.Server.State.Faults.Add(FaultTarget.Create, new Fault.HttpStatus(400));
        await Assert.ThrowsAnyAsync<VeoException>(() =>
            provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = good }));
        Assert.Equal(1, provider.Creates);
        Assert.Empty(Directory.EnumerateFileSystemEntries(fetched));

        ImageInput notAnImage = ImageInput.FromUrl(await provider.HostFileAsync(_images.Gif()));
        VeoException gif = await Assert.ThrowsAnyAsync<VeoException>(() =>
            provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = notAnImage }));
        Assert.Equal(VeoErrorIds.ImageFormatNotSupported, gif.ErrorId);
        Assert.Empty(Directory.EnumerateFileSystemEntries(fetched));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("gif")]
    public async Task AVtrixImageUrlThatIsMissingOrNotAnImageIsRefusedBeforeTheCreate(string kind)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.Vtrix);
        Uri url = kind == "gif" ? await provider.HostFileAsync(_images.Gif()) : new Uri(provider.Server.BaseUri, "sim/files/nope/none.png");

        VeoException error = await Assert.ThrowsAnyAsync<VeoException>(() =>
            provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = ImageInput.FromUrl(url) }));

        Assert.Equal(kind == "gif" ? VeoErrorIds.ImageFormatNotSupported : VeoErrorIds.ImageUrlUnavailable, error.ErrorId);
        Assert.Equal(0, provider.Creates);
    }

    [Theory]
    [InlineData(VtrixDialect.Documented)]
    [InlineData(VtrixDialect.Cli)]
    [InlineData(VtrixDialect.PreviewPage)]
    [InlineData(VtrixDialect.Gateway)]
    public async Task VtrixAnswersInEveryDialectAreRead(VtrixDialect dialect)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.Vtrix);
        provider.Server.Options.VtrixDialect = dialect;
        ImageInput image = ImageInput.FromFile(_images.Png());
        VeoTask ok = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "a fox", Image = image, DurationSeconds = 4 });
        VeoTask bad = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.FirstFrame, Prompt = "[sim:fail]", Image = image });
        var seen = new List<VeoTask>();

        VeoTask done = await provider.Client.WaitAsync(ok, TimeSpan.FromSeconds(10), seen.Add, default);
        VeoTask failed = await provider.Client.WaitAsync(bad, TimeSpan.FromSeconds(10), null, default);

        Assert.Equal(VeoTaskStatus.Succeeded, done.Status);
        Assert.Single(done.Videos);
        Assert.Equal(0.60m, done.Cost);
        Assert.All(seen.Where(t => !t.IsFinished), t => Assert.InRange(t.Progress, 0, 100));
        Assert.Equal(VeoTaskStatus.Failed, failed.Status);
        Assert.Contains("failed", failed.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }
}
