using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>A thin HTTP client for the simulator's HighwayAPI protocol, as the tests need it.</summary>
internal sealed class SimulatorApi : IDisposable
{
    public const string ValidKey = "sim-key";

    public SimulatorApi(SimulatorServer server, TimeSpan? timeout = null)
    {
        Http = new HttpClient { BaseAddress = server.BaseUri, Timeout = timeout ?? TimeSpan.FromSeconds(5) };
    }

    public HttpClient Http { get; }

    public Task<HttpResponseMessage> CreateAsync(string endpoint, JsonNode body, string? apiKey = ValidKey) =>
        CreateRawAsync(endpoint, body.ToJsonString(), apiKey);

    public Task<HttpResponseMessage> CreateRawAsync(string endpoint, string body, string? apiKey = ValidKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"v3/async/{endpoint}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return SendAsync(request, apiKey);
    }

    public async Task<string> CreateTaskAsync(string endpoint, JsonNode body)
    {
        using HttpResponseMessage response = await CreateAsync(endpoint, body);
        JsonObject json = await ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)json["task_id"]!;
    }

    public Task<HttpResponseMessage> GetResultAsync(string? taskId, string? apiKey = ValidKey) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, taskId is null ? "v3/async/task-result" : $"v3/async/task-result?task_id={taskId}"), apiKey);

    public async Task<JsonObject> GetResultJsonAsync(string taskId)
    {
        using HttpResponseMessage response = await GetResultAsync(taskId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    /// <summary>Polls until the task reaches a terminal status; returns every answer seen, in order.</summary>
    public async Task<IReadOnlyList<JsonObject>> PollUntilFinishedAsync(string taskId)
    {
        var answers = new List<JsonObject>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            JsonObject answer = await GetResultJsonAsync(taskId);
            answers.Add(answer);
            if (Status(answer) is "TASK_STATUS_SUCCEED" or "TASK_STATUS_FAILED")
            {
                return answers;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(3), "task did not finish in time");
            await Task.Delay(10);
        }
    }

    public static string Status(JsonObject result) => (string)result["task"]!["status"]!;

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

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

    public void Dispose() => Http.Dispose();

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? apiKey)
    {
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return Http.SendAsync(request);
    }
}
