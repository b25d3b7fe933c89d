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
public sealed class AIHubMaxTaskTests
{
    private const string Model = "veo-3.1-fast-image-to-video";

    [Fact]
    public async Task Keys_are_checked_with_aihubmax_errors()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        JsonObject body = AIHubMaxBodies.Minimal(Model);

        using HttpResponseMessage missing = await api.CreateAsync(body, apiKey: null);
        await AIHubMaxApi.AssertErrorAsync(missing, HttpStatusCode.Unauthorized, "authentication_error", "invalid_api_key");
        using HttpResponseMessage unknown = await api.CreateAsync(body, apiKey: "not-a-key");
        await AIHubMaxApi.AssertErrorAsync(unknown, HttpStatusCode.Unauthorized, "authentication_error", "invalid_api_key");
        using HttpResponseMessage broke = await api.CreateAsync(body, apiKey: "sim-broke");
        await AIHubMaxApi.AssertErrorAsync(broke, HttpStatusCode.PaymentRequired, "insufficient_quota");
        using HttpResponseMessage status = await api.GetTaskAsync("task-unified-1-abcdefgh", apiKey: null);
        await AIHubMaxApi.AssertErrorAsync(status, HttpStatusCode.Unauthorized, "authentication_error", "invalid_api_key");
        using HttpResponseMessage brokeStatus = await api.GetTaskAsync("task-unified-1-abcdefgh", apiKey: "sim-broke");
        await AIHubMaxApi.AssertErrorAsync(brokeStatus, HttpStatusCode.NotFound, "not_found", "task_not_found");
    }

    [Fact]
    public async Task Task_goes_pending_processing_then_completed_without_and_then_with_its_result()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 100, processingMs: 200, resultDelayMs: 150));
        using var api = new AIHubMaxApi(sim);
        using (await api.GetTaskAsync("warm-up"))
        {
            // The first status query pays for JIT; keep that out of the short pending window.
        }

        string taskId = await api.CreateTaskAsync(AIHubMaxBodies.Minimal(Model));

        IReadOnlyList<JsonObject> answers = await api.PollUntilResultAsync(taskId);

        Assert.Equal(["pending", "processing", "completed"], answers.Select(AIHubMaxApi.Status).Distinct());
        int[] progress = answers.Select(a => (int)a["progress"]!).ToArray();
        Assert.Equal(progress.Order(), progress);
        JsonObject[] early = answers.Where(a => AIHubMaxApi.Status(a) == "completed" && a["results"] is null).ToArray();
        Assert.NotEmpty(early);
        Assert.All(early, a => Assert.Equal(97, (int)a["progress"]!));
        Assert.All(answers.Where(a => AIHubMaxApi.Status(a) != "completed"), a => Assert.InRange((int)a["progress"]!, 0, 97));
        Assert.All(answers, a => Assert.Null(a["error"]));
        JsonObject final = answers[^1];
        Assert.Equal(100, (int)final["progress"]!);
        Assert.False((bool)final["task_info"]!["can_cancel"]!);
        Assert.True((bool)answers[0]["task_info"]!["can_cancel"]!);
    }

    [Fact]
    public async Task Early_completed_window_is_the_result_delay_of_the_task()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 0, processingMs: 0, resultDelayMs: 60_000));
        using var api = new AIHubMaxApi(sim);
        string waiting = await api.CreateTaskAsync(AIHubMaxBodies.Minimal(Model));
        sim.Options.AIHubMaxResultDelay = TimeSpan.Zero;
        string ready = await api.CreateTaskAsync(AIHubMaxBodies.Minimal(Model));

        JsonObject early = await api.GetTaskJsonAsync(waiting);
        JsonObject done = await api.GetTaskJsonAsync(ready);

        Assert.Equal(("completed", 97), (AIHubMaxApi.Status(early), (int)early["progress"]!));
        Assert.True(early.ContainsKey("results"));
        Assert.Null(early["results"]);
        Assert.Equal(("completed", 100), (AIHubMaxApi.Status(done), (int)done["progress"]!));
        Assert.StartsWith($"{sim.BaseUri}sim/videos/{ready}/0.mp4?expires=", AIHubMaxApi.ResultUrl(done).AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AIHubMaxResultShape.Url, false, false)]
    [InlineData(AIHubMaxResultShape.Object, true, true)]
    [InlineData(AIHubMaxResultShape.Alternate, false, true)]
    public async Task Result_item_is_a_url_or_an_object_as_configured(AIHubMaxResultShape shape, bool firstIsObject, bool secondIsObject)
    {
        SimulatorOptions options = Timings(queuedMs: 0, processingMs: 0, resultDelayMs: 0);
        options.AIHubMaxResultShape = shape;
        await using SimulatorServer sim = await SimulatorServer.StartAsync(options);
        using var api = new AIHubMaxApi(sim);
        string first = await api.CreateTaskAsync(AIHubMaxBodies.Minimal(Model));
        string second = await api.CreateTaskAsync(AIHubMaxBodies.Minimal(Model));

        JsonObject[] answers = [await api.GetTaskJsonAsync(first), await api.GetTaskJsonAsync(second)];

        Assert.Equal([firstIsObject, secondIsObject], answers.Select(a => Assert.Single(a["results"]!.AsArray()) is JsonObject));
        foreach (JsonObject answer in answers)
        {
            using HttpResponseMessage video = await api.Http.GetAsync(AIHubMaxApi.ResultUrl(answer));
            Assert.Equal(HttpStatusCode.OK, video.StatusCode);
            Assert.Equal("video/mp4", video.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Result_links_live_24_hours_and_expired_ones_are_403()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 0, processingMs: 0, resultDelayMs: 0));
        using var api = new AIHubMaxApi(sim);
        Uri link = AIHubMaxApi.ResultUrl(await api.GetTaskJsonAsync(await api.CreateTaskAsync(AIHubMaxBodies.Minimal(Model))));

        long expires = long.Parse(link.Query.Split("expires=")[1]);
        Assert.InRange(expires - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 86_390, 86_410);
        sim.Options.AIHubMaxVideoUrlTtl = TimeSpan.FromSeconds(-10);
        Uri expired = AIHubMaxApi.ResultUrl(await api.GetTaskJsonAsync(await api.CreateTaskAsync(AIHubMaxBodies.Minimal(Model))));
        using HttpResponseMessage response = await api.Http.GetAsync(expired);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Duration_and_estimated_time_come_from_the_body_and_the_timings()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 2_000, processingMs: 2_500, resultDelayMs: 0));
        using var api = new AIHubMaxApi(sim);

        JsonObject created = await api.CreateJsonAsync(AIHubMaxBodies.Minimal(Model).With("duration", 6));
        JsonObject status = await api.GetTaskJsonAsync((string)created["id"]!);

        Assert.Equal((5, 6), ((int)created["task_info"]!["estimated_time"]!, (int)created["task_info"]!["video_duration"]!));
        Assert.Equal(("pending", 0, 6), (AIHubMaxApi.Status(status), (int)status["progress"]!, (int)status["task_info"]!["video_duration"]!));
        Assert.Equal(created["created"]!.GetValue<long>(), status["created"]!.GetValue<long>());
        Assert.Equal(("video.generation.task", "video", Model), ((string)status["object"]!, (string)status["type"]!, (string)status["model"]!));
    }

    [Fact]
    public async Task Fail_marker_ends_failed_with_a_content_policy_error()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(Timings(queuedMs: 0, processingMs: 0, resultDelayMs: 0));
        using var api = new AIHubMaxApi(sim);
        string taskId = await api.CreateTaskAsync(AIHubMaxBodies.Minimal(Model, prompt: "A riot [sim:fail]"));

        JsonObject failed = await api.GetTaskJsonAsync(taskId);

        Assert.Equal("failed", AIHubMaxApi.Status(failed));
        Assert.Null(failed["results"]);
        JsonObject error = failed["error"]!.AsObject();
        Assert.Equal("content_policy_violation", (string)error["code"]!);
        Assert.Equal("task_error", (string)error["type"]!);
        Assert.Equal("Content policy violation. Your request was blocked by safety filters.", (string)error["message"]!);
    }

    [Fact]
    public async Task Unknown_task_or_another_providers_task_is_404()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        using var highway = new SimulatorApi(sim);
        string highwayTask = await highway.CreateTaskAsync("veo-3.1-lite-i2v", SimulatorBodies.Minimal("veo-3.1-lite-i2v"));

        foreach (string taskId in new[] { "task-unified-1757165031-uyujaw3d", highwayTask })
        {
            using HttpResponseMessage response = await api.GetTaskAsync(taskId);
            await AIHubMaxApi.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found", "task_not_found");
        }
    }

    [Theory]
    [InlineData(FaultTarget.Create, 429)]
    [InlineData(FaultTarget.Status, 503)]
    public async Task Injected_status_uses_the_aihubmax_error_body(FaultTarget target, int status)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        sim.State.Faults.Add(target, new Fault.HttpStatus(status, RetryAfter: "3"));

        using HttpResponseMessage response = target == FaultTarget.Create
            ? await api.CreateAsync(AIHubMaxBodies.Minimal(Model))
            : await api.GetTaskAsync("any");

        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        await AIHubMaxApi.AssertErrorAsync(response, (HttpStatusCode)status, status == 429 ? "rate_limit_error" : "service_unavailable");
    }

    [Fact]
    public async Task Result_delay_and_link_lifetime_are_set_through_the_control_api()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);

        Assert.Equal(HttpStatusCode.NoContent, (await api.ControlAsync("timings", new { aiHubMaxResultDelayMs = 40, aiHubMaxVideoUrlTtlSeconds = 60 })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.ControlAsync("timings", new { queuedForMs = 5, aiHubMaxResultDelayMs = -1 })).Status);

        Assert.Equal(TimeSpan.FromMilliseconds(40), sim.Options.AIHubMaxResultDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), sim.Options.AIHubMaxVideoUrlTtl);
        Assert.Equal(TimeSpan.FromMilliseconds(200), sim.Options.QueuedFor);
    }

    [Fact]
    public async Task Result_shape_is_set_through_the_control_api()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);

        Assert.Equal(HttpStatusCode.NoContent, (await api.ControlAsync("options", new { aiHubMaxResultShape = "object" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.ControlAsync("options", new { aiHubMaxResultShape = "both" })).Status);

        Assert.Equal(AIHubMaxResultShape.Object, sim.Options.AIHubMaxResultShape);
    }

    internal static SimulatorOptions Timings(int queuedMs, int processingMs, int resultDelayMs) => new()
    {
        QueuedFor = TimeSpan.FromMilliseconds(queuedMs),
        ProcessingFor = TimeSpan.FromMilliseconds(processingMs),
        AIHubMaxResultDelay = TimeSpan.FromMilliseconds(resultDelayMs),
    };
}
