using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>A thin HTTP client for the simulator's AIHubMax protocol.</summary>
internal sealed class AIHubMaxApi(SimulatorServer server, TimeSpan? timeout = null) : TaskApi(server, timeout, "v1/videos/generations", "v1/tasks/")
{
    private const string UploadPath = "v1/files/upload/base64";

    /// <summary>Polls until the task failed or completed with its result attached; returns every answer seen, in order.</summary>
    public Task<IReadOnlyList<JsonObject>> PollUntilResultAsync(string taskId) =>
        PollAsync(() => GetTaskJsonAsync(taskId), answer => Status(answer) == "failed" || answer["results"] is not null);

    public Task<HttpResponseMessage> UploadAsync(JsonNode body, string? apiKey = ValidKey) => UploadRawAsync(body.ToJsonString(), apiKey);

    public Task<HttpResponseMessage> UploadRawAsync(string body, string? apiKey = ValidKey) => PostJsonAsync(UploadPath, body, apiKey);

    public Task<JsonObject> UploadJsonAsync(JsonNode body) => ReadOkAsync(UploadAsync(body));

    public Task<HttpResponseMessage> UploadStreamAsync(HttpContent form, string? apiKey = ValidKey) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "v1/files/upload/stream") { Content = form }, apiKey);

    public static string Status(JsonObject answer) => (string)answer["status"]!;

    /// <summary>The URL of the task's one result, whichever form the item has.</summary>
    public static Uri ResultUrl(JsonObject answer)
    {
        JsonNode item = Assert.Single(answer["results"]!.AsArray())!;
        return new Uri(item is JsonObject named ? (string)named["url"]! : item.GetValue<string>());
    }

    /// <summary>Asserts an AIHubMax error answer and returns its message.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type, string? code = null)
    {
        Assert.Equal(status, response.StatusCode);
        JsonObject error = (await ReadJsonAsync(response))["error"]!.AsObject();
        Assert.Equal(type, (string)error["type"]!);
        Assert.Equal(code ?? type, (string)error["code"]!);
        return (string)error["message"]!;
    }
}
