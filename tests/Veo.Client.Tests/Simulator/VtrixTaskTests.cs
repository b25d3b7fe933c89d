using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

public sealed class VtrixTaskTests
{
    public static TheoryData<VtrixDialect> AllDialects => new(Enum.GetValues<VtrixDialect>());

    [Theory]
    [MemberData(nameof(AllDialects))]
    public async Task Keys_are_checked_with_vtrix_errors_in_the_dialect(VtrixDialect dialect)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(new SimulatorOptions { VtrixDialect = dialect });
        using var api = new VtrixApi(sim);
        JsonObject body = VtrixBodies.Minimal("image");

        using HttpResponseMessage missing = await api.CreateAsync(body, apiKey: null);
        await VtrixApi.AssertErrorAsync(missing, HttpStatusCode.Unauthorized, dialect);
        using HttpResponseMessage unknown = await api.CreateAsync(body, apiKey: "not-a-key");
        await VtrixApi.AssertErrorAsync(unknown, HttpStatusCode.Unauthorized, dialect);
        using HttpResponseMessage broke = await api.CreateAsync(body, apiKey: "sim-broke");
        Assert.Contains("balance", await VtrixApi.AssertErrorAsync(broke, HttpStatusCode.Forbidden, dialect), StringComparison.OrdinalIgnoreCase);
        using HttpResponseMessage status = await api.GetTaskAsync("task_x", apiKey: null);
        await VtrixApi.AssertErrorAsync(status, HttpStatusCode.Unauthorized, dialect);
        using HttpResponseMessage brokeStatus = await api.GetTaskAsync("task_x", apiKey: "sim-broke");
        await VtrixApi.AssertErrorAsync(brokeStatus, HttpStatusCode.NotFound, dialect);
        using HttpResponseMessage invalid = await api.CreateAsync(body.With("style", "noir"));
        await VtrixApi.AssertErrorAsync(invalid, HttpStatusCode.BadRequest, dialect);
    }

    [Theory]
    [InlineData(VtrixDialect.Documented, "in_progress", "in_progress", "id", "video")]
    [InlineData(VtrixDialect.Cli, "pending", "processing", "task_id", "video_url")]
    [InlineData(VtrixDialect.PreviewPage, "queued", "in_progress", "id", "video")]
    public async Task Each_dialect_answers_in_its_own_words(VtrixDialect dialect, string queued, string processing, string idField, string contentType)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(new SimulatorOptions { VtrixDialect = dialect });
        using var api = new VtrixApi(sim);
        string waiting = await CreateWithTimingsAsync(sim, api, queuedFor: TimeSpan.FromMinutes(1), processingFor: TimeSpan.Zero);
        string running = await CreateWithTimingsAsync(sim, api, queuedFor: TimeSpan.Zero, processingFor: TimeSpan.FromMinutes(1));
        string done = await CreateWithTimingsAsync(sim, api, queuedFor: TimeSpan.Zero, processingFor: TimeSpan.Zero);

        JsonObject[] answers = [await api.GetTaskJsonAsync(waiting), await api.GetTaskJsonAsync(running), await api.GetTaskJsonAsync(done)];

        Assert.Equal([queued, processing, "completed"], answers.Select(a => (string)a["status"]!));
        Assert.Equal([waiting, running, done], answers.Select(a => (string)a[idField]!));
        Assert.All(answers, a => Assert.Equal("veo_31_fast", (string)a["model"]!));
        Assert.All(answers, a => Assert.Equal(dialect == VtrixDialect.Cli ? JsonValueKind.String : JsonValueKind.Number, a["created_at"]!.GetValueKind()));
        // Progress (0.0–1.0) only accompanies in_progress/processing.
        Assert.Equal([queued == "in_progress", true, false], answers.Select(a => a.ContainsKey("progress")));
        Assert.InRange((double)answers[1]["progress"]!, 0, 1);

        JsonObject completed = answers[2];
        JsonObject content = Assert.Single(Assert.Single(completed["output"]!.AsArray())!["content"]!.AsArray())!.AsObject();
        Assert.Equal(contentType, (string)content["type"]!);
        Assert.Equal(dialect == VtrixDialect.Cli ? "\"8\"" : "8", content["duration"]!.ToJsonString());
        Assert.StartsWith($"{sim.BaseUri}sim/videos/{done}/0.mp4?expires=", (string)content["url"]!, StringComparison.Ordinal);
        using HttpResponseMessage video = await api.Http.GetAsync((string)content["url"]!);
        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Equal($"projects/sim/operations/{done}", (string)completed["jobId"]!);
        Assert.Empty(completed["metadata"]!.AsObject());
        Assert.Null(completed["error"]);
    }

    [Theory]
    [InlineData(8, "1.2000")]
    [InlineData(4, "0.6000")]
    public async Task Usage_cost_is_a_string_that_depends_on_the_duration(int seconds, string cost)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(TaskLifecycleTests.Timings(queuedMs: 0, processingMs: 0));
        using var api = new VtrixApi(sim);
        string taskId = await api.CreateTaskAsync(VtrixBodies.Envelope(VtrixBodies.Params("image").With("durationSeconds", seconds).With("resolution", "720p")));

        JsonObject usage = (await api.GetTaskJsonAsync(taskId))["usage"]!.AsObject();

        Assert.Equal(cost, usage["cost"]!.GetValue<string>());
        Assert.Equal([0, 0, 0, 0], new[] { "discount", "input_tokens", "output_tokens", "total_tokens" }.Select(field => (int)usage[field]!));
    }

    [Theory]
    [InlineData(VtrixDialect.Documented, "{\"code\":2014001,\"error_message\":\"Video generation failed\"}")]
    [InlineData(VtrixDialect.Cli, "\"Video generation failed\"")]
    [InlineData(VtrixDialect.PreviewPage, "{\"code\":\"002014001\",\"message\":\"Video generation failed\"}")]
    public async Task Failed_task_carries_the_error_in_the_dialect_shape(VtrixDialect dialect, string error)
    {
        SimulatorOptions options = TaskLifecycleTests.Timings(queuedMs: 0, processingMs: 0);
        options.VtrixDialect = dialect;
        await using SimulatorServer sim = await SimulatorServer.StartAsync(options);
        using var api = new VtrixApi(sim);
        string taskId = await api.CreateTaskAsync(VtrixBodies.Minimal("text", prompt: "A riot [sim:fail]"));

        JsonObject failed = await api.GetTaskJsonAsync(taskId);

        Assert.Equal("failed", (string)failed["status"]!);
        Assert.Equal(error, failed["error"]!.ToJsonString());
        Assert.False(failed.ContainsKey("output"));
        Assert.False(failed.ContainsKey("progress"));
    }

    [Fact]
    public async Task Dialect_is_switched_through_the_control_api_for_answers_that_follow()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(TaskLifecycleTests.Timings(queuedMs: 0, processingMs: 0));
        using var api = new VtrixApi(sim);
        string taskId = await api.CreateTaskAsync(VtrixBodies.Minimal("image"));
        Assert.Equal("video", (string)(await api.GetTaskJsonAsync(taskId))["output"]![0]!["content"]![0]!["type"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await api.ControlAsync("options", new { vtrixDialect = "cli" })).Status);
        (HttpStatusCode status, string reason) = await api.ControlAsync("options", new { vtrixDialect = "Google" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Documented, Cli, PreviewPage", reason, StringComparison.Ordinal);

        Assert.Equal(VtrixDialect.Cli, sim.Options.VtrixDialect);
        JsonObject answer = await api.GetTaskJsonAsync(taskId);
        Assert.Equal(taskId, (string)answer["task_id"]!);
        Assert.Equal("video_url", (string)answer["output"]![0]!["content"]![0]!["type"]!);
        Assert.True(DateTimeOffset.TryParse((string)answer["completed_at"]!, out _));
    }

    [Theory]
    [InlineData(VtrixDialect.Documented, FaultTarget.Create, 429)]
    [InlineData(VtrixDialect.Cli, FaultTarget.Status, 500)]
    [InlineData(VtrixDialect.PreviewPage, FaultTarget.Status, 429)]
    public async Task Injected_status_uses_the_dialect_error_body(VtrixDialect dialect, FaultTarget target, int status)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync(new SimulatorOptions { VtrixDialect = dialect });
        using var api = new VtrixApi(sim);
        sim.State.Faults.Add(target, new Fault.HttpStatus(status));

        using HttpResponseMessage response = target == FaultTarget.Create
            ? await api.CreateAsync(VtrixBodies.Minimal("text"))
            : await api.GetTaskAsync("task_x");

        await VtrixApi.AssertErrorAsync(response, (HttpStatusCode)status, dialect);
    }

    [Fact]
    public async Task Another_providers_task_is_404()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new VtrixApi(sim);
        using var aiHubMax = new AIHubMaxApi(sim);
        string other = await aiHubMax.CreateTaskAsync(AIHubMaxBodies.Minimal("veo-3.1-image-to-video"));

        using HttpResponseMessage response = await api.GetTaskAsync(other);

        await VtrixApi.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>Timings are taken when a task is created, so tasks created under different timings sit in different phases.</summary>
    private static async Task<string> CreateWithTimingsAsync(SimulatorServer sim, VtrixApi api, TimeSpan queuedFor, TimeSpan processingFor)
    {
        sim.Options.QueuedFor = queuedFor;
        sim.Options.ProcessingFor = processingFor;
        return await api.CreateTaskAsync(VtrixBodies.Minimal("image"));
    }
}
