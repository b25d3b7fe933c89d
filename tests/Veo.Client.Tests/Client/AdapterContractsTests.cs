using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Veo.Simulator;
using static Veo.Client.Tests.Client.ProviderTestKit;

namespace Veo.Client.Tests.Client;

/// <summary>What each adapter sends and reads, as the provider documents it, checked against the simulator.</summary>
public sealed class AdapterContractsTests : IDisposable
{
    private readonly TestImages _files = new();

    public void Dispose() => _files.Dispose();

    private string LocalMp4(string name = "clip.mp4")
    {
        string path = Path.Combine(_files.Folder, name);
        byte[] clip = new byte[64 * 1024];
        Convert.FromBase64String("AAAAGGZ0eXBpc29tAAAAAA==").CopyTo(clip, 0);
        File.WriteAllBytes(path, clip);
        return path;
    }

    [Fact]
    public async Task AIHubMaxUploadsALocalMp4AsAMultipartFileAndNeverAsBase64()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.AIHubMax);
        string clip = LocalMp4();

        VeoTask task = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.Extend, Prompt = "go on", Video = VideoInput.FromFile(clip) });

        RecordedRequest upload = Assert.Single(provider.Server.State.Requests, r => r.PathAndQuery.StartsWith("/v1/files/upload", StringComparison.Ordinal));
        Assert.Equal(("/v1/files/upload/stream", 200), (upload.PathAndQuery, upload.StatusCode));
        Assert.StartsWith("multipart/form-data", upload.ContentType, StringComparison.Ordinal);
        RecordedRequest create = provider.Server.State.Requests.Single(r => r.PathAndQuery == "/v1/videos/generations");
        Assert.Contains("\"video_url\":\"" + provider.Server.BaseUri + "sim/files/", create.Body, StringComparison.Ordinal);
        Assert.Equal("veo-3.1-extend-fast", task.Model);
    }

    [Fact]
    public async Task AIHubMaxAsksForAnUpstreamRefreshOnlyOnceATaskHasOutrunItsEstimate()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: VeoProvider.AIHubMax);
        provider.Server.Options.AIHubMaxStaleWithoutSync = true;
        VeoTask created = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.Text, Prompt = "a storm" });

        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(20), null, default);

        Assert.Equal(VeoTaskStatus.Succeeded, done.Status);
        string[] reads = provider.Server.State.Requests.Where(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/v1/tasks/", StringComparison.Ordinal))
            .Select(r => r.PathAndQuery).ToArray();
        Assert.DoesNotContain("sync_upstream", reads[0], StringComparison.Ordinal);
        Assert.EndsWith("?sync_upstream=true", reads[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AIHubMaxCompletedWithoutResultsEndsAsTaskHasNoVideoAfterTheGraceNotAtTheTimeout()
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(
            options => options.NoVideoGrace = TimeSpan.FromMilliseconds(400), VeoProvider.AIHubMax);
        provider.Server.Options.AIHubMaxResultDelay = TimeSpan.FromHours(1);
        VeoTask created = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.Text, Prompt = "a storm" });
        var watch = Stopwatch.StartNew();

        VeoTask done = await provider.Client.WaitAsync(created, TimeSpan.FromSeconds(60), null, default);

        Assert.Equal((VeoTaskStatus.Failed, VeoErrorIds.TaskHasNoVideo), (done.Status, done.ErrorCode));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"waited {watch.Elapsed}");
    }

    [Theory]
    [InlineData(VeoProvider.HighwayApi, "application/json")]
    [InlineData(VeoProvider.AIHubMax, null)]
    [InlineData(VeoProvider.Vtrix, "application/json")]
    public async Task StatusReadsCarryAJsonContentTypeWhereTheProviderRequiresIt(VeoProvider providerName, string? contentType)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync(provider: providerName);
        VeoTask created = await provider.CreateAsync(new VideoRequest { Mode = VeoMode.Text, Prompt = "a storm" });

        await provider.Client.RefreshAsync(created, default);

        RecordedRequest create = provider.Server.State.Requests.Single(r => r.Method == "POST");
        RecordedRequest read = provider.Server.State.Requests.Single(r => r.Method == "GET");
        Assert.StartsWith("application/json", create.ContentType, StringComparison.Ordinal);
        Assert.Equal(contentType, read.ContentType?.Split(';')[0]);
    }

    [Theory]
    [InlineData("{\"code\":400,\"reason\":\"INVALID_REQUEST_BODY\",\"message\":\"invalid request body\",\"metadata\":{\"details\":\"duration_seconds must be one of 4, 6, 8\"}}",
        "invalid request body (duration_seconds must be one of 4, 6, 8)")]
    [InlineData("{\"code\":400,\"reason\":\"INVALID_REQUEST_BODY\",\"message\":\"invalid request body.\",\"metadata\":{\"field\":\"image\",\"details\":\"not an image\"}}",
        "invalid request body (not an image; field: image)")]
    [InlineData("{\"code\":400,\"reason\":\"INVALID_REQUEST_BODY\",\"message\":\"bad image\",\"metadata\":{}}", "bad image")]
    [InlineData("{\"code\":400,\"reason\":\"INVALID_REQUEST_BODY\",\"metadata\":{\"details\":\"prompt is required\"}}", "prompt is required")]
    public void HighwayApiErrorsShowWhatTheirMetadataDetails(string body, string shown)
    {
        VeoApiException error = Protocol(VeoProvider.HighwayApi).ReadError(ApiCall.Create, 400, body);
        Assert.Equal(VeoErrorIds.RequestRejected, error.ErrorId);
        Assert.EndsWith(": " + shown, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplicitModelIdThatMakesAnotherKindOfVideoIsRefusedNamingBoth()
    {
        var request = new VideoRequest
        {
            Mode = VeoMode.FirstAndLastFrame, ModelId = "veo-3.1-lite-i2v", Prompt = "a fox", Image = Url("a.png"), LastImage = Url("b.png"),
        };

        VeoException error = Assert.ThrowsAny<VeoException>(() => new VeoClient().Prepare(Connection(VeoProvider.HighwayApi), request));

        Assert.Equal(VeoErrorIds.ModelNotAvailable, error.ErrorId);
        Assert.Contains("veo-3.1-lite-i2v makes FirstFrame videos", error.Message, StringComparison.Ordinal);
        Assert.Contains("asks for a FirstAndLastFrame video", error.Message, StringComparison.Ordinal);
        Assert.Contains("veo-3.1-lite-firstlastframe (Lite)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VeoProvider.HighwayApi, VeoMode.FirstFrame, "veo-3.1-generate-img2video", VeoTier.Standard)]
    [InlineData(VeoProvider.AIHubMax, VeoMode.FirstFrame, "VEO-3.1-LITE-IMAGE-TO-VIDEO", VeoTier.Lite)]
    [InlineData(VeoProvider.Vtrix, VeoMode.FirstAndLastFrame, "veo_31_fast", VeoTier.Fast)]
    public void AnExplicitModelIdIsUsedAsGivenWhateverTheTier(VeoProvider provider, VeoMode mode, string modelId, VeoTier tier)
    {
        var request = new VideoRequest
        {
            Mode = mode, Tier = VeoTier.Fast, ModelId = modelId, Prompt = "a fox", Image = Url("a.png"),
            LastImage = mode == VeoMode.FirstAndLastFrame ? Url("b.png") : null,
        };
        PreparedCreate prepared = new VeoClient().Prepare(Connection(provider), request);
        Assert.Equal((modelId.ToLowerInvariant(), tier), (prepared.Model.ModelId, prepared.Model.Tier));
    }

    [Fact]
    public void AModelIdOfAnotherProviderIsRefused()
    {
        VeoException error = Assert.ThrowsAny<VeoException>(() => new VeoClient().Prepare(
            Connection(VeoProvider.Vtrix), new VideoRequest { Mode = VeoMode.Text, ModelId = "veo-3.1-lite-t2v", Prompt = "a storm" }));
        Assert.Equal(VeoErrorIds.ModelNotAvailable, error.ErrorId);
        Assert.Contains("Vtrix has no model 'veo-3.1-lite-t2v'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheRequestPreviewIsBuiltForTheDebugStreamOnlyWhenItIsShown(bool debug)
    {
        await using SimulatedProvider provider = await SimulatedProvider.StartAsync();
        var log = new RecordingLog { IsDebugEnabled = debug };
        var client = new VeoClient(provider.Client.Options, log);

        await client.CreateAsync(client.Prepare(provider.Connection, new VideoRequest { Mode = VeoMode.Text, Prompt = "a storm" }), default);

        Assert.Equal(debug, log.Has("Request body: {"));
    }
}
