using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

/// <summary>What the tests' thin per-provider HTTP clients share: a client on the simulator and bearer-key requests.</summary>
internal abstract class ProviderApi : IDisposable
{
    public const string ValidKey = "sim-key";

    protected ProviderApi(SimulatorServer server, TimeSpan? timeout)
    {
        Http = new HttpClient { BaseAddress = server.BaseUri, Timeout = timeout ?? TimeSpan.FromSeconds(5) };
    }

    public HttpClient Http { get; }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Calls <paramref name="query"/> until <paramref name="finished"/> holds; returns every answer seen, in order.</summary>
    public static async Task<IReadOnlyList<JsonObject>> PollAsync(Func<Task<JsonObject>> query, Func<JsonObject, bool> finished)
    {
        var answers = new List<JsonObject>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            JsonObject answer = await query();
            answers.Add(answer);
            if (finished(answer))
            {
                return answers;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "task did not finish in time");
            await Task.Delay(10);
        }
    }

    /// <summary>Awaits the answer, asserts 200 (showing the body otherwise) and returns its JSON.</summary>
    public static async Task<JsonObject> ReadOkAsync(Task<HttpResponseMessage> sending)
    {
        using HttpResponseMessage response = await sending;
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Posts <paramref name="body"/> to the control API's /_sim/<paramref name="command"/>; returns the status and text of the answer.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ControlAsync(string command, object body)
    {
        using HttpResponseMessage response = await Http.PostAsJsonAsync($"_sim/{command}", body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Http.Dispose();

    protected Task<HttpResponseMessage> PostJsonAsync(string path, string body, string? apiKey) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, apiKey);

    protected Task<HttpResponseMessage> GetAsync(string path, string? apiKey) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), apiKey);

    protected Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? apiKey)
    {
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return Http.SendAsync(request);
    }
}
