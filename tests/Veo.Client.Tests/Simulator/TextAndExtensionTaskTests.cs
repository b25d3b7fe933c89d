using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>Text-to-video and extension tasks of every provider run like the image ones: to a video, or to failure on [sim:fail].</summary>
public sealed class TextAndExtensionTaskTests
{
    [Theory]
    [InlineData("veo-3.1-generate-text2video", false)]
    [InlineData("veo-3.1-fast-generate-text2video", false)]
    [InlineData("veo-3.1-lite-t2v", false)]
    [InlineData("veo-3.1-generate-extend", false)]
    [InlineData("veo-3.1-fast-generate-extend", false)]
    [InlineData("veo-3.1-lite-extend", false)]
    [InlineData("veo-3.1-generate-text2video", true)]
    [InlineData("veo-3.1-lite-extend", true)]
    public async Task HighwayApi_task_succeeds_with_a_video_or_fails_on_the_marker(string endpoint, bool fail)
    {
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        using var api = new SimulatorApi(sim);

        JsonObject result = await api.GetResultJsonAsync(await api.CreateTaskAsync(endpoint, SimulatorBodies.Minimal(endpoint, PromptFor(fail))));

        Assert.Equal(fail ? "TASK_STATUS_FAILED" : "TASK_STATUS_SUCCEED", SimulatorApi.Status(result));
        await AssertVideoAsync(api, fail, (string?)result["videos"]!.AsArray().SingleOrDefault()?["video_url"]);
    }

    [Theory]
    [InlineData("veo-3.1-text-to-video", false)]
    [InlineData("veo-3.1-fast-text-to-video", false)]
    [InlineData("veo-3.1-lite-text-to-video", false)]
    [InlineData("veo-3.1-extend", false)]
    [InlineData("veo-3.1-extend-fast", false)]
    [InlineData("veo-3.1-lite-text-to-video", true)]
    [InlineData("veo-3.1-extend", true)]
    public async Task AIHubMax_task_completes_with_a_video_or_fails_on_the_marker(string model, bool fail)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(AIHubMaxTaskTests.Timings(queuedMs: 0, processingMs: 0, resultDelayMs: 0));
        using var api = new AIHubMaxApi(sim);

        JsonObject answer = await api.GetTaskJsonAsync(await api.CreateTaskAsync(AIHubMaxBodies.Minimal(model, PromptFor(fail))));

        Assert.Equal(fail ? "failed" : "completed", AIHubMaxApi.Status(answer));
        await AssertVideoAsync(api, fail, answer["results"] is null ? null : AIHubMaxApi.ResultUrl(answer).AbsoluteUri);
    }

    [Theory]
    [InlineData("text", false)]
    [InlineData("extension", false)]
    [InlineData("extension", true)]
    public async Task Vtrix_task_completes_with_a_video_or_fails_on_the_marker(string flow, bool fail)
    {
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        using var api = new VtrixApi(sim);

        JsonObject answer = await api.GetTaskJsonAsync(await api.CreateTaskAsync(VtrixBodies.Minimal(flow, PromptFor(fail))));

        Assert.Equal(fail ? "failed" : "completed", (string)answer["status"]!);
        await AssertVideoAsync(api, fail, (string?)answer["output"]?[0]?["content"]?[0]?["url"]);
    }

    [Fact]
    public async Task Downloaded_video_of_a_text_task_is_extended_from_its_link_or_its_bytes()
    {
        await using SimulatorServer sim = await VideoDownloadTests.StartInstantAsync();
        using var highway = new SimulatorApi(sim);
        using var vtrix = new VtrixApi(sim);
        const string text = "veo-3.1-fast-generate-text2video";
        JsonObject first = await highway.GetResultJsonAsync(await highway.CreateTaskAsync(text, SimulatorBodies.Minimal(text)));
        string link = (string)first["videos"]![0]!["video_url"]!;
        string bytes = Convert.ToBase64String(await highway.Http.GetByteArrayAsync(link));

        await highway.CreateTaskAsync("veo-3.1-lite-extend", SimulatorBodies.Minimal("veo-3.1-lite-extend").With("video", link));
        await highway.CreateTaskAsync("veo-3.1-generate-extend", SimulatorBodies.Minimal("veo-3.1-generate-extend").With("video", bytes));
        await vtrix.CreateTaskAsync(VtrixBodies.Envelope(VtrixBodies.Params("extension").With("video", VtrixBodies.Inline(bytes, "video/mp4"))));

        Assert.Equal(4, sim.State.CountRequests("POST", "/"));
        Assert.All(sim.State.Requests, request => Assert.Equal(200, request.StatusCode));
    }

    private static string PromptFor(bool fail) => fail ? "A riot [sim:fail]" : "A cat surfing a wave";

    /// <summary>A failed task has no video; a finished one's link serves an MP4 without auth.</summary>
    private static async Task AssertVideoAsync(ProviderApi api, bool fail, string? link)
    {
        if (fail)
        {
            Assert.Null(link);
            return;
        }

        using HttpResponseMessage response = await api.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 4, 4));
    }
}
