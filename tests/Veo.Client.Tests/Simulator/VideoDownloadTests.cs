using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

public sealed class VideoDownloadTests
{
    [Fact]
    public async Task Download_serves_an_mp4_without_auth()
    {
        await using SimulatorServer sim = await StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Uri link = (await FinishedVideoLinksAsync(api))[0];

        using HttpResponseMessage response = await api.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        byte[] video = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("ftyp", Encoding.ASCII.GetString(video, 4, 4));
        Assert.InRange(video.Length, 1_000, 60_000);
    }

    [Fact]
    public async Task Each_sample_has_its_own_bytes()
    {
        await using SimulatorServer sim = await StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Uri[] links = await FinishedVideoLinksAsync(api, sampleCount: 2);

        byte[] first = await api.Http.GetByteArrayAsync(links[0]);
        byte[] second = await api.Http.GetByteArrayAsync(links[1]);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Range_request_gets_206_with_content_range()
    {
        await using SimulatorServer sim = await StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Uri link = (await FinishedVideoLinksAsync(api))[0];
        long total = (await api.Http.GetByteArrayAsync(link)).Length;

        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using HttpResponseMessage response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        ContentRangeHeaderValue range = response.Content.Headers.ContentRange!;
        Assert.Equal((100L, 199L, total), (range.From, range.To, range.Length));
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Expired_link_is_403()
    {
        await using SimulatorServer sim = await StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Uri link = (await FinishedVideoLinksAsync(api))[0];
        var expired = new UriBuilder(link) { Query = $"expires={DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds()}" };

        using HttpResponseMessage response = await api.Http.GetAsync(expired.Uri);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negative_ttl_hands_out_already_expired_links()
    {
        await using SimulatorServer sim = await StartInstantAsync();
        sim.Options.VideoUrlTtl = TimeSpan.FromSeconds(-10);
        using var api = new SimulatorApi(sim);

        using HttpResponseMessage response = await api.Http.GetAsync((await FinishedVideoLinksAsync(api))[0]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("1.mp4")]
    [InlineData("x.mp4")]
    [InlineData("0.mov")]
    public async Task Link_to_a_missing_video_is_403(string file)
    {
        await using SimulatorServer sim = await StartInstantAsync();
        using var api = new SimulatorApi(sim);
        Uri link = (await FinishedVideoLinksAsync(api))[0];
        var missing = new UriBuilder(link) { Path = link.AbsolutePath.Replace("0.mp4", file, StringComparison.Ordinal) };
        var unknownTask = new UriBuilder(link) { Path = $"/sim/videos/{Guid.NewGuid()}/0.mp4" };

        using HttpResponseMessage missingIndex = await api.Http.GetAsync(missing.Uri);
        using HttpResponseMessage missingTask = await api.Http.GetAsync(unknownTask.Uri);

        Assert.Equal(HttpStatusCode.Forbidden, missingIndex.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missingTask.StatusCode);
    }

    internal static Task<SimulatorServer> StartInstantAsync() => SimulatorServer.StartAsync(TaskLifecycleTests.Timings(queuedMs: 0, processingMs: 0));

    /// <summary>Creates a task on a zero-timing simulator and returns its video links.</summary>
    internal static async Task<Uri[]> FinishedVideoLinksAsync(SimulatorApi api, int sampleCount = 1)
    {
        const string endpoint = "veo-3.1-lite-i2v";
        string taskId = await api.CreateTaskAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("sample_count", sampleCount));
        JsonArray videos = (await api.GetResultJsonAsync(taskId))["videos"]!.AsArray();
        return videos.Select(video => new Uri((string)video!["video_url"]!)).ToArray();
    }
}
