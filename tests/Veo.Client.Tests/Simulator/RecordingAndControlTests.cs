using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

public sealed class RecordingAndControlTests
{
    private const string Endpoint = "veo-3.1-lite-i2v";

    [Fact]
    public async Task Requests_are_recorded_in_order_without_the_key()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        string taskId = await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint));
        using (await api.GetResultAsync(taskId, apiKey: null))
        {
        }

        RecordedRequest[] requests = sim.State.Requests.ToArray();

        Assert.Equal(2, requests.Length);
        Assert.Equal(("POST", "/v3/async/veo-3.1-lite-i2v", 200, true), (requests[0].Method, requests[0].PathAndQuery, requests[0].StatusCode, requests[0].HadAuthorization));
        Assert.Equal(("GET", $"/v3/async/task-result?task_id={taskId}", 403, false), (requests[1].Method, requests[1].PathAndQuery, requests[1].StatusCode, requests[1].HadAuthorization));
        Assert.True(requests[0].At <= requests[1].At);
        Assert.Null(requests[1].Body);
        Assert.DoesNotContain(SimulatorApi.ValidKey, requests[0].Body!, StringComparison.Ordinal);
        Assert.Equal(1, sim.State.CountRequests("POST", "/v3/async/veo-3.1"));
        Assert.Equal(1, sim.State.CountRequests("get", "/v3/async/task-result"));
    }

    [Fact]
    public async Task Long_strings_in_recorded_bodies_are_summarized()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);
        string image = Convert.ToBase64String(new byte[] { 0xFF, 0xD8, 0xFF }.Concat(new byte[2000]).ToArray());
        await api.CreateTaskAsync(Endpoint, SimulatorBodies.Minimal(Endpoint).With("image", image));

        JsonObject recorded = JsonNode.Parse(Assert.Single(sim.State.Requests).Body!)!.AsObject();

        Assert.Equal($"<{image.Length} chars>", (string)recorded["image"]!);
        Assert.Equal("A cat surfing a wave", (string)recorded["prompt"]!);
    }

    [Fact]
    public async Task Control_api_adds_faults_sets_timings_lists_and_resets()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);

        using (HttpResponseMessage added = await api.Http.PostAsJsonAsync("_sim/faults", new { target = "Create", kind = "status", status = 503, retryAfter = "1", times = 1 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        }

        using (HttpResponseMessage timings = await api.Http.PostAsJsonAsync("_sim/timings", new { queuedForMs = 0, processingForMs = 25 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, timings.StatusCode);
        }

        Assert.Equal(TimeSpan.Zero, sim.Options.QueuedFor);
        Assert.Equal(TimeSpan.FromMilliseconds(25), sim.Options.ProcessingFor);
        using (HttpResponseMessage faulted = await api.CreateAsync(Endpoint, SimulatorBodies.Minimal(Endpoint)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        }

        JsonArray listed = JsonNode.Parse(await api.Http.GetStringAsync("_sim/requests"))!.AsArray();
        JsonObject only = Assert.Single(listed)!.AsObject();
        Assert.Equal(503, (int)only["statusCode"]!);
        Assert.Equal("/v3/async/veo-3.1-lite-i2v", (string)only["pathAndQuery"]!);

        using (HttpResponseMessage reset = await api.Http.PostAsync("_sim/reset", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.Empty(sim.State.Requests);
    }

    [Theory]
    [InlineData("reset", "Status")]
    [InlineData("malformed", "status")]
    [InlineData("delay", "Download")]
    [InlineData("truncate", "Download")]
    public async Task Control_api_understands_every_fault_kind(string kind, string target)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);

        using HttpResponseMessage added = await api.Http.PostAsJsonAsync("_sim/faults", new { target, kind, delayMs = 10, fraction = 0.5 });

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
    }

    [Theory]
    [InlineData("{\"target\":\"Nowhere\",\"kind\":\"reset\"}")]
    [InlineData("{\"target\":\"Create\",\"kind\":\"explode\"}")]
    [InlineData("{\"target\":\"Create\",\"kind\":\"status\"}")]
    [InlineData("{\"target\":\"Create\",\"kind\":\"reset\",\"times\":0}")]
    [InlineData("not json")]
    public async Task Control_api_rejects_bad_fault_requests(string body)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new SimulatorApi(sim);

        using HttpResponseMessage response = await api.Http.PostAsync("_sim/faults", new StringContent(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
