using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>A thin HTTP client for the simulator's HighwayAPI protocol, as the tests need it.</summary>
internal sealed class SimulatorApi(SimulatorServer server, TimeSpan? timeout = null) : ProviderApi(server, timeout)
{
    public Task<HttpResponseMessage> CreateAsync(string endpoint, JsonNode body, string? apiKey = ValidKey) =>
        CreateRawAsync(endpoint, body.ToJsonString(), apiKey);

    public Task<HttpResponseMessage> CreateRawAsync(string endpoint, string body, string? apiKey = ValidKey) =>
        PostJsonAsync($"v3/async/{endpoint}", body, apiKey);

    public async Task<string> CreateTaskAsync(string endpoint, JsonNode body) =>
        (string)(await ReadOkAsync(CreateAsync(endpoint, body)))["task_id"]!;

    public Task<HttpResponseMessage> GetResultAsync(string? taskId, string? apiKey = ValidKey) =>
        GetAsync(taskId is null ? "v3/async/task-result" : $"v3/async/task-result?task_id={taskId}", apiKey);

    public Task<JsonObject> GetResultJsonAsync(string taskId) => ReadOkAsync(GetResultAsync(taskId));

    /// <summary>Polls until the task reaches a terminal status; returns every answer seen, in order.</summary>
    public Task<IReadOnlyList<JsonObject>> PollUntilFinishedAsync(string taskId) =>
        PollAsync(() => GetResultJsonAsync(taskId), answer => Status(answer) is "TASK_STATUS_SUCCEED" or "TASK_STATUS_FAILED");

    public static string Status(JsonObject result) => (string)result["task"]!["status"]!;

    /// <summary>Asserts a HighwayAPI error answer and returns its message.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        JsonObject error = await ReadJsonAsync(response);
        Assert.Equal((int)status, (int)error["code"]!);
        Assert.Equal(reason, (string)error["reason"]!);
        Assert.NotNull(error["metadata"]);
        return (string)error["message"]!;
    }
}
