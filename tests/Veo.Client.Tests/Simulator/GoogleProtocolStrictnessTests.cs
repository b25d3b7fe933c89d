using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Veo.Client.Tests.Simulator;

/// <summary>The simulator's Google protocol refuses what Google refuses, and what this module must never send (a key in a URL).</summary>
public sealed class GoogleProtocolStrictnessTests : IClassFixture<SharedSimulatorFixture>, IDisposable
{
    private const string Create = "v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning";
    private const string Png = "iVBORw0KGgoAAAAN";

    private readonly HttpClient _http;

    public GoogleProtocolStrictnessTests(SharedSimulatorFixture fixture)
    {
        _http = new HttpClient { BaseAddress = fixture.Server.BaseUri, Timeout = TimeSpan.FromSeconds(5) };
    }

    public void Dispose() => _http.Dispose();

    private static JsonObject Body(JsonObject? instance = null, JsonObject? parameters = null)
    {
        instance ??= new JsonObject();
        instance["prompt"] = "a fox";
        var body = new JsonObject { ["instances"] = new JsonArray(instance) };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return body;
    }

    private static JsonObject Image() => new() { ["bytesBase64Encoded"] = Png, ["mimeType"] = "image/png" };

    private Task<HttpResponseMessage> PostAsync(string path, JsonNode body, Action<HttpRequestMessage>? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        (key ?? (r => r.Headers.Add("x-goog-api-key", ProviderApi.ValidKey)))(request);
        return _http.SendAsync(request);
    }

    private static async Task<JsonObject> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode code, string status)
    {
        Assert.Equal(code, response.StatusCode);
        JsonObject error = (await ProviderApi.ReadJsonAsync(response))["error"]!.AsObject();
        Assert.Equal(((int)code, status), ((int)error["code"]!, (string)error["status"]!));
        return error;
    }

    [Fact]
    public async Task AKeyInTheUrlIsRefusedEvenAValidOne()
    {
        using HttpResponseMessage response = await PostAsync(Create + "?key=" + ProviderApi.ValidKey, Body(), _ => { });

        Assert.Contains("x-goog-api-key", (string)(await AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT"))["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeySentAsABearerTokenIsUnauthenticated()
    {
        using HttpResponseMessage response = await PostAsync(Create, Body(), r => r.Headers.Authorization = new("Bearer", ProviderApi.ValidKey));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
    }

    [Fact]
    public async Task NoKeyIsPermissionDeniedAndAWrongOneIsApiKeyInvalid()
    {
        using HttpResponseMessage none = await PostAsync(Create, Body(), _ => { });
        using HttpResponseMessage wrong = await PostAsync(Create, Body(), r => r.Headers.Add("x-goog-api-key", "nope"));

        await AssertErrorAsync(none, HttpStatusCode.Forbidden, "PERMISSION_DENIED");
        JsonObject error = await AssertErrorAsync(wrong, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Equal("API_KEY_INVALID", (string)error["details"]![0]!["reason"]!);
    }

    public static TheoryData<string> RefusedBodies => new()
    {
        "seed", "generateAudio", "inlineData", "fileUri", "two instances", "1080p at 4 s", "reference at 9:16", "interpolation at 6 s",
        "extension at 1080p", "extension as bytes", "extension of a foreign video", "text with allow_adult", "image with allow_all",
    };

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public async Task WhatGoogleRefusesIsRefused(string what)
    {
        var video = new JsonObject { ["uri"] = "https://example.com/clip.mp4" };
        JsonObject body = what switch
        {
            "seed" => Body(parameters: new JsonObject { ["seed"] = 1 }),
            "generateAudio" => Body(parameters: new JsonObject { ["generateAudio"] = true }),
            "inlineData" => Body(new JsonObject { ["image"] = new JsonObject { ["inlineData"] = new JsonObject { ["data"] = Png, ["mimeType"] = "image/png" } } }),
            "fileUri" => Body(new JsonObject { ["image"] = new JsonObject { ["fileUri"] = "https://example.com/a.png", ["mimeType"] = "image/png" } }),
            "two instances" => new JsonObject { ["instances"] = new JsonArray(new JsonObject { ["prompt"] = "a" }, new JsonObject { ["prompt"] = "b" }) },
            "1080p at 4 s" => Body(parameters: new JsonObject { ["resolution"] = "1080p", ["durationSeconds"] = 4 }),
            "reference at 9:16" => Body(new JsonObject { ["referenceImages"] = new JsonArray(new JsonObject { ["image"] = Image(), ["referenceType"] = "asset" }) },
                new JsonObject { ["aspectRatio"] = "9:16" }),
            "interpolation at 6 s" => Body(new JsonObject { ["image"] = Image(), ["lastFrame"] = Image() }, new JsonObject { ["durationSeconds"] = 6 }),
            "extension at 1080p" => Body(new JsonObject { ["video"] = video }, new JsonObject { ["resolution"] = "1080p" }),
            "extension as bytes" => Body(new JsonObject { ["video"] = new JsonObject { ["bytesBase64Encoded"] = "AAAAGGZ0eXBpc29t", ["mimeType"] = "video/mp4" } }),
            "extension of a foreign video" => Body(new JsonObject { ["video"] = video }),
            "text with allow_adult" => Body(parameters: new JsonObject { ["personGeneration"] = "allow_adult" }),
            _ => Body(new JsonObject { ["image"] = Image() }, new JsonObject { ["personGeneration"] = "allow_all" }),
        };

        using HttpResponseMessage response = await PostAsync(Create, body);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
    }

    [Fact]
    public async Task AnUnknownModelIsNotFound()
    {
        using HttpResponseMessage response = await PostAsync("v1beta/models/veo-3.1-lite-generate-001:predictLongRunning", Body());

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task ARunningOperationIsItsNameAloneAndADoneOneLinksKeyedFilesThatRedirectToAnotherHost()
    {
        JsonObject created = await ProviderApi.ReadOkAsync(PostAsync(Create, Body(parameters: new JsonObject { ["sampleCount"] = 2 })));
        string name = (string)created["name"]!;
        Assert.Matches("^models/veo-3.1-fast-generate-preview/operations/[a-z0-9]{12}$", name);

        JsonObject first = await GetOperationAsync(name);
        var watch = Stopwatch.StartNew();
        JsonObject done = first;
        while (done["done"] is null && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
            done = await GetOperationAsync(name);
        }

        string uri = (string)done["response"]!["generateVideoResponse"]!["generatedSamples"]![1]!["video"]!["uri"]!;
        using var unkeyed = new HttpRequestMessage(HttpMethod.Get, uri);
        using HttpResponseMessage refused = await _http.SendAsync(unkeyed);
        using var keyed = new HttpRequestMessage(HttpMethod.Get, uri);
        keyed.Headers.Add("x-goog-api-key", ProviderApi.ValidKey);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using HttpResponseMessage redirect = await noRedirects.SendAsync(keyed);

        // A new operation runs for over a second: read at once, proto JSON leaves out its false done.
        Assert.Equal(new[] { "name" }, System.Linq.Enumerable.Select(first, p => p.Key));
        Assert.Equal("type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse", (string)done["response"]!["@type"]!);
        Assert.EndsWith("-1:download?alt=media", uri, StringComparison.Ordinal);
        await AssertErrorAsync(refused, HttpStatusCode.Forbidden, "PERMISSION_DENIED");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.NotEqual(new Uri(uri).Host, redirect.Headers.Location!.Host);
        Assert.StartsWith("/sim/videos/", redirect.Headers.Location.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<JsonObject> GetOperationAsync(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1beta/" + name);
        request.Headers.Add("x-goog-api-key", ProviderApi.ValidKey);
        return await ProviderApi.ReadOkAsync(_http.SendAsync(request));
    }
}
