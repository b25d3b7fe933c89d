using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

[Collection(TimingSensitiveCollection.Name)]
public sealed class TaskLifecycleTests
{
    private const string Endpoint = "veo-3.1-fast-generate-firstlastframe";

    [Fact]
    public async Task Task_goes_queued_then_processing_then_succeed()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 100, processingMs: 200));
        using var api = new SimulatorApi(sim);
        using (await api.GetResultAsync("warm-up"))
        {
            // The first status query pays for JIT; keep that out of the short queued window.
        }

        string taskId = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint));

        IReadOnlyList<JsonObject> answers = await api.PollUntilFinishedAsync(taskId);

        string[] statuses = answers.Select(SimulatorApi.Status).Distinct().ToArray();
        Assert.Equal(["TASK_STATUS_QUEUED", "TASK_STATUS_PROCESSING", "TASK_STATUS_SUCCEED"], statuses);
        int[] progress = answers.Select(a => (int)a["task"]!["progress_percent"]!).ToArray();
        Assert.Equal(progress.Order(), progress);
        Assert.All(answers.Where(a => SimulatorApi.Status(a) != "TASK_STATUS_SUCCEED"), a => Assert.InRange((int)a["task"]!["progress_percent"]!, 0, 99));
        Assert.All(answers.Where(a => SimulatorApi.Status(a) == "TASK_STATUS_QUEUED"), a => Assert.Equal(0, (int)a["task"]!["progress_percent"]!));
        Assert.All(answers.Where(a => SimulatorApi.Status(a) != "TASK_STATUS_SUCCEED"), a => Assert.Equal(1, (int)a["task"]!["eta"]!));

        JsonObject final = answers[^1];
        Assert.Equal(100, (int)final["task"]!["progress_percent"]!);
        Assert.Equal(0, (int)final["task"]!["eta"]!);
    }

    [Fact]
    public async Task Result_has_the_documented_shape()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 0, processingMs: 0));
        using var api = new SimulatorApi(sim);
        string taskId = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint).With("seed", 7));

        JsonObject result = await api.GetResultJsonAsync(taskId);

        JsonObject task = result["task"]!.AsObject();
        Assert.Equal(taskId, (string)task["task_id"]!);
        Assert.Equal("TASK_STATUS_SUCCEED", (string)task["status"]!);
        Assert.Equal(string.Empty, (string)task["reason"]!);
        Assert.Equal("video", (string)task["task_type"]!);
        Assert.Equal("7", (string)result["extra"]!["seed"]!);
        JsonObject debugInfo = result["extra"]!["debug_info"]!.AsObject();
        foreach (string field in new[] { "submit_time_ms", "execute_time_ms", "complete_time_ms" })
        {
            Assert.True(long.Parse((string)debugInfo[field]!) > 0, field);
        }

        Assert.Empty(result["images"]!.AsArray());
        Assert.Empty(result["audios"]!.AsArray());
        JsonObject video = Assert.Single(result["videos"]!.AsArray())!.AsObject();
        Assert.Equal("mp4", (string)video["video_type"]!);
        Assert.StartsWith($"{sim.BaseUri}sim/videos/{taskId}/", (string)video["video_url"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_count_two_yields_two_videos_with_ttl_as_string()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 0, processingMs: 0));
        using var api = new SimulatorApi(sim);
        string taskId = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint).With("sample_count", 2));

        JsonArray videos = (await api.GetResultJsonAsync(taskId))["videos"]!.AsArray();

        Assert.Equal(2, videos.Count);
        Assert.All(videos, video => Assert.Equal("3600", video!["video_url_ttl"]!.GetValue<string>()));
        Assert.Equal(2, videos.Select(video => (string)video!["video_url"]!).Distinct().Count());
        long expires = long.Parse(new Uri((string)videos[0]!["video_url"]!).Query.Split("expires=")[1]);
        Assert.InRange(expires - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 3590, 3610);
    }

    [Fact]
    public async Task Fail_marker_in_prompt_ends_failed_with_a_reason()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 0, processingMs: 50));
        using var api = new SimulatorApi(sim);
        string taskId = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint, prompt: "A riot [sim:fail]"));

        JsonObject final = (await api.PollUntilFinishedAsync(taskId))[^1];

        Assert.Equal("TASK_STATUS_FAILED", SimulatorApi.Status(final));
        Assert.Equal("The prompt was blocked by the simulator's safety filter.", (string)final["task"]!["reason"]!);
        Assert.Empty(final["videos"]!.AsArray());
    }

    [Fact]
    public async Task Seconds_marker_in_prompt_sets_that_tasks_processing_time()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 0, processingMs: 0));
        using var api = new SimulatorApi(sim);
        string slow = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint, prompt: "A slow sunrise [sim:seconds=600]"));
        string fast = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint, prompt: "A sunrise"));

        JsonObject running = await api.GetResultJsonAsync(slow);
        Assert.Equal("TASK_STATUS_PROCESSING", SimulatorApi.Status(running));
        Assert.InRange((int)running["task"]!["eta"]!, 590, 600);
        Assert.Equal("TASK_STATUS_SUCCEED", SimulatorApi.Status(await api.GetResultJsonAsync(fast)));
    }

    [Fact]
    public async Task Unknown_or_missing_task_id_is_an_error()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);

        using HttpResponseMessage unknown = await api.GetResultAsync("no-such-task");
        await SimulatorApi.AssertErrorAsync(unknown, HttpStatusCode.NotFound, "TASK_NOT_FOUND");
        using HttpResponseMessage missing = await api.GetResultAsync(null);
        await SimulatorApi.AssertErrorAsync(missing, HttpStatusCode.BadRequest, "INVALID_REQUEST_BODY");
    }

    [Fact]
    public async Task Timing_changes_apply_to_new_tasks()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 10_000, processingMs: 10_000));
        using var api = new SimulatorApi(sim);
        string slow = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint));
        sim.Options.QueuedFor = TimeSpan.Zero;
        sim.Options.ProcessingFor = TimeSpan.Zero;
        string fast = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint));

        Assert.Equal("TASK_STATUS_QUEUED", SimulatorApi.Status(await api.GetResultJsonAsync(slow)));
        Assert.Equal("TASK_STATUS_SUCCEED", SimulatorApi.Status(await api.GetResultJsonAsync(fast)));
    }

    [Fact]
    public async Task Reset_forgets_tasks()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        string taskId = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint));

        sim.State.Reset();

        using HttpResponseMessage response = await api.GetResultAsync(taskId);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(sim.State.Requests);
    }

    internal static SimulatorOptions Timings(int queuedMs, int processingMs) => new()
    {
        QueuedFor = TimeSpan.FromMilliseconds(queuedMs),
        ProcessingFor = TimeSpan.FromMilliseconds(processingMs),
    };
}
