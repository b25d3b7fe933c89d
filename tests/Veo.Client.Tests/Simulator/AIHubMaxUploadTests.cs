using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Veo.Simulator;

namespace Veo.Client.Tests.Simulator;

public sealed class AIHubMaxUploadTests
{
    private static readonly byte[] Png = Convert.FromBase64String(SimulatorBodies.PngBase64);

    [Fact]
    public async Task Base64_upload_answers_a_url_that_serves_the_bytes_without_auth()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);

        JsonObject file = await api.UploadJsonAsync(new JsonObject { ["file_data"] = SimulatorBodies.PngBase64, ["file_name"] = "frame one.png", ["auto_cleanup"] = false });

        Assert.Matches(new Regex("^file_[a-z0-9]+$"), (string)file["id"]!);
        Assert.Equal("frame one.png", (string)file["filename"]!);
        Assert.Equal(Png.Length, (int)file["size"]!);
        Assert.InRange((long)file["created"]! - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), -5, 5);
        var url = new Uri((string)file["url"]!);
        Assert.StartsWith($"{sim.BaseUri}sim/files/{file["id"]}/", url.AbsoluteUri, StringComparison.Ordinal);
        using HttpResponseMessage served = await api.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, sim.State.CountRequests("POST", "/v1/files/upload"));
    }

    [Theory]
    [InlineData("data:image/jpeg;base64,", "upload.jpg", "image/jpeg")]
    [InlineData("", "upload.bin", "image/jpeg")]
    [InlineData("data:text/plain;base64,", "upload.bin", "image/jpeg")]
    public async Task Without_a_file_name_the_name_comes_from_the_data_url(string prefix, string name, string servedType)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);

        JsonObject file = await api.UploadJsonAsync(new JsonObject { ["file_data"] = prefix + SimulatorBodies.JpegBase64 });

        Assert.Equal(name, (string)file["filename"]!);
        using HttpResponseMessage served = await api.Http.GetAsync((string)file["url"]!);
        Assert.Equal(servedType, served.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("{\"file_data\":\"not base64!\"}", HttpStatusCode.BadRequest, "invalid_request_error")]
    [InlineData("{\"file_data\":\"data:image/png,abc\"}", HttpStatusCode.BadRequest, "invalid_request_error")]
    [InlineData("{\"file_data\":\"\"}", HttpStatusCode.BadRequest, "invalid_request_error")]
    [InlineData("{not json", HttpStatusCode.BadRequest, "invalid_request_error")]
    [InlineData("{\"file_name\":\"a.png\"}", HttpStatusCode.UnprocessableEntity, "validation_error")]
    [InlineData("{\"file_data\":\"AAAA\",\"folder\":\"x\"}", HttpStatusCode.UnprocessableEntity, "validation_error")]
    public async Task Bad_upload_is_rejected(string body, HttpStatusCode status, string type)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        using HttpResponseMessage response = await api.UploadRawAsync(body);

        await AIHubMaxApi.AssertErrorAsync(response, status, type, type == "validation_error" ? "invalid_parameters" : type);
    }

    [Fact]
    public async Task Upload_needs_a_key()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);

        using HttpResponseMessage response = await api.UploadAsync(new JsonObject { ["file_data"] = SimulatorBodies.PngBase64 }, apiKey: null);

        await AIHubMaxApi.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "authentication_error", "invalid_api_key");
    }

    [Fact]
    public async Task Stream_upload_takes_a_multipart_file()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "local.png" } };

        using HttpResponseMessage response = await api.UploadStreamAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonObject file = await ProviderApi.ReadJsonAsync(response);
        Assert.Equal(("local.png", Png.Length), ((string)file["filename"]!, (int)file["size"]!));
        Assert.Equal(Png, await api.Http.GetByteArrayAsync((string)file["url"]!));
    }

    [Fact]
    public async Task Uploaded_url_is_accepted_as_an_image()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        string url = (string)(await api.UploadJsonAsync(new JsonObject { ["file_data"] = SimulatorBodies.PngBase64, ["file_name"] = "a.png" }))["url"]!;

        await api.CreateTaskAsync(AIHubMaxBodies.Minimal("veo-3.1-image-to-video").With("image_url", url));

        Assert.Equal([200, 200], sim.State.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Mp4_streamed_upload_is_served_as_video_and_taken_as_the_video_to_extend()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SimulatorBodies.Mp4), "file", "local.mp4" } };

        JsonObject streamed = await ProviderApi.ReadOkAsync(api.UploadStreamAsync(form));

        Assert.Equal("local.mp4", (string)streamed["filename"]!);
        using HttpResponseMessage served = await api.Http.GetAsync((string)streamed["url"]!);
        Assert.Equal("video/mp4", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SimulatorBodies.Mp4, await served.Content.ReadAsByteArrayAsync());
        await api.CreateTaskAsync(AIHubMaxBodies.Minimal("veo-3.1-extend").With("video_url", (string)streamed["url"]!));
    }

    [Theory]
    [InlineData("data:video/mp4;base64,")]
    [InlineData("")]
    public async Task Mp4_through_the_base64_endpoint_documented_for_images_is_refused(string prefix)
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);

        using HttpResponseMessage response = await api.UploadAsync(new JsonObject { ["file_data"] = prefix + SimulatorBodies.Mp4Base64, ["file_name"] = "clip.mp4" });

        Assert.Contains("upload/stream", await AIHubMaxApi.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_error", "invalid_file_type"));
    }

    [Fact]
    public async Task Upload_fault_hits_uploads_only()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        sim.State.Faults.Add(FaultTarget.Upload, new Fault.HttpStatus(503), times: 2);

        using (HttpResponseMessage create = await api.CreateAsync(AIHubMaxBodies.Minimal("veo-3.1-image-to-video")))
        {
            Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        }

        using (HttpResponseMessage faulted = await api.UploadAsync(new JsonObject { ["file_data"] = SimulatorBodies.PngBase64 }))
        {
            await AIHubMaxApi.AssertErrorAsync(faulted, HttpStatusCode.ServiceUnavailable, "service_unavailable");
        }

        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "local.png" } })
        using (HttpResponseMessage faultedStream = await api.UploadStreamAsync(form))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, faultedStream.StatusCode);
        }

        using HttpResponseMessage next = await api.UploadAsync(new JsonObject { ["file_data"] = SimulatorBodies.PngBase64 });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(3, sim.State.CountRequests("POST", "/v1/files/upload"));
    }

    [Fact]
    public async Task Upload_fault_is_added_through_the_control_api()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);

        Assert.Equal(HttpStatusCode.NoContent, (await api.ControlAsync("faults", new { target = "upload", kind = "reset" })).Status);

        await Assert.ThrowsAsync<HttpRequestException>(() => api.UploadAsync(new JsonObject { ["file_data"] = SimulatorBodies.PngBase64 }));
    }

    [Fact]
    public async Task Reset_forgets_uploads()
    {
        await using SimulatorServer sim = await SimulatorServer.StartAsync();
        using var api = new AIHubMaxApi(sim);
        string url = (string)(await api.UploadJsonAsync(new JsonObject { ["file_data"] = SimulatorBodies.PngBase64 }))["url"]!;

        sim.State.Reset();

        using HttpResponseMessage response = await api.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
