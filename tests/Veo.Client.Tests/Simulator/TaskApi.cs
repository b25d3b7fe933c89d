using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>A client for a provider that takes the model in the body at one create path and answers tasks at a path ending in the id.</summary>
internal abstract class TaskApi(SimulatorServer server, TimeSpan? timeout, string createPath, string taskPathPrefix) : ProviderApi(server, timeout)
{
    public Task<HttpResponseMessage> CreateAsync(JsonNode body, string? apiKey = ValidKey) => CreateRawAsync(body.ToJsonString(), apiKey);

    public Task<HttpResponseMessage> CreateRawAsync(string body, string? apiKey = ValidKey) => PostJsonAsync(createPath, body, apiKey);

    public Task<JsonObject> CreateJsonAsync(JsonNode body) => ReadOkAsync(CreateAsync(body));

    public async Task<string> CreateTaskAsync(JsonNode body) => (string)(await CreateJsonAsync(body))["id"]!;

    public Task<HttpResponseMessage> GetTaskAsync(string taskId, string? apiKey = ValidKey) => GetAsync(taskPathPrefix + taskId, apiKey);

    public Task<JsonObject> GetTaskJsonAsync(string taskId) => ReadOkAsync(GetTaskAsync(taskId));

    /// <summary>Creates with <paramref name="body"/>; <paramref name="assertError"/> checks the provider's error and returns its message, which must name <paramref name="field"/>.</summary>
    public async Task AssertRejectedAsync(JsonObject body, string field, Func<HttpResponseMessage, Task<string>> assertError)
    {
        using HttpResponseMessage response = await CreateAsync(body);
        Assert.Contains($"'{field}'", await assertError(response), StringComparison.Ordinal);
    }
}
