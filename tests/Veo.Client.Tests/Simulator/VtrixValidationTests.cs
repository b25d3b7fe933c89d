using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Veo.Client.Tests.Simulator;

public sealed class VtrixValidationTests : IClassFixture<SharedSimulatorFixture>, IDisposable
{
    private readonly VtrixApi _api;

    public VtrixValidationTests(SharedSimulatorFixture fixture)
    {
        _api = new VtrixApi(fixture.Server);
    }

    public static TheoryData<string> AllFlows => VtrixBodies.AllFlows;

    public static TheoryData<string> NotJsonObjects => SimulatorBodies.NotJsonObjects;

    public static TheoryData<int, bool> ReferenceCounts => SimulatorBodies.ReferenceCounts;

    [Theory]
    [MemberData(nameof(AllFlows))]
    public async Task Minimal_body_of_each_flow_is_accepted_with_the_documented_answer(string flow)
    {
        JsonObject created = await _api.CreateJsonAsync(VtrixBodies.Minimal(flow));

        Assert.Matches(new Regex("^task_[a-z0-9]{24}$"), (string)created["id"]!);
        Assert.Equal(("pending", "veo_31_fast"), ((string)created["status"]!, (string)created["model"]!));
        Assert.InRange((long)created["created_at"]! - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), -5, 5);
    }

    [Fact]
    public async Task Missing_model_is_rejected()
    {
        JsonObject body = VtrixBodies.Minimal("image");
        body.Remove("model");
        await _api.AssertRejectedAsync(body, "model", response => VtrixApi.AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Missing_prompt_is_rejected()
    {
        JsonObject body = VtrixBodies.Params("image");
        body.Remove("prompt");
        await AssertRejectedAsync(body, "prompt");
    }

    [Theory]
    [InlineData("style")]
    [InlineData("last_image")]
    [InlineData("lastImage")]
    [InlineData("negative_prompt")]
    [InlineData("aspect_ratio")]
    [InlineData("duration")]
    [InlineData("video")]
    public async Task Unknown_or_misnamed_field_is_rejected(string field) =>
        await AssertRejectedAsync(VtrixBodies.Params("image").With(field, "x"), field);

    [Theory]
    [MemberData(nameof(AllFlows))]
    public async Task Flat_body_without_the_envelope_is_rejected(string flow) => await _api.AssertRejectedAsync(
        VtrixBodies.Params(flow).With("model", VtrixBodies.Model), "input", response => VtrixApi.AssertErrorAsync(response, HttpStatusCode.BadRequest));

    [Theory]
    [InlineData("none", "input")]
    [InlineData("two", "input")]
    [InlineData("no-params", "input[0].params")]
    [InlineData("params-string", "input[0].params")]
    [InlineData("beside-params", "input[0].prompt")]
    public async Task Envelope_holds_exactly_one_params_object(string kind, string named)
    {
        JsonObject body = VtrixBodies.Minimal("text");
        JsonObject item = body["input"]![0]!.AsObject();
        switch (kind)
        {
            case "none":
                body["input"] = new JsonArray();
                break;
            case "two":
                body["input"]!.AsArray().Add(item.DeepClone());
                break;
            case "no-params":
                item.Remove("params");
                break;
            case "params-string":
                item["params"] = "A cat";
                break;
            default:
                item["prompt"] = "A cat";
                break;
        }

        await _api.AssertRejectedAsync(body, named, response => VtrixApi.AssertErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("veo-3.1-fast")]
    [InlineData("veo_31")]
    public async Task Other_model_is_rejected(string model) => await _api.AssertRejectedAsync(
        VtrixBodies.Minimal("text").With("model", model), "model", response => VtrixApi.AssertErrorAsync(response, HttpStatusCode.BadRequest));

    [Fact]
    public async Task Model_inside_params_is_rejected() => await AssertRejectedAsync(VtrixBodies.Params("text").With("model", VtrixBodies.Model), "model");

    [Fact]
    public async Task Every_option_of_the_image_flow_is_accepted()
    {
        JsonObject body = VtrixBodies.Params("first-last")
            .With("negativePrompt", "blur")
            .With("aspectRatio", "9:16")
            .With("resolution", "4k")
            .With("durationSeconds", 8)
            .With("personGeneration", "allow_adult");
        await AssertAcceptedAsync(body);
    }

    [Theory]
    [InlineData("text", "720p", 4, "allow_all")]
    [InlineData("image", "720p", 6, "allow_adult")]
    [InlineData("reference", "1080p", 8, "allow_adult")]
    [InlineData("text", "4k", 8, "allow_all")]
    [InlineData("extension", "720p", 8, "allow_all")]
    public async Task Valid_combination_is_accepted(string flow, string resolution, int duration, string people) =>
        await AssertAcceptedAsync(VtrixBodies.Params(flow).With("resolution", resolution).With("durationSeconds", duration).With("personGeneration", people));

    [Theory]
    [InlineData("text", "resolution", "1080p", "durationSeconds", 4, "durationSeconds")]
    [InlineData("image", "resolution", "4k", "durationSeconds", 6, "durationSeconds")]
    [InlineData("reference", "resolution", "720p", "durationSeconds", 6, "durationSeconds")]
    [InlineData("image", "personGeneration", "allow_all", "aspectRatio", "16:9", "personGeneration")]
    [InlineData("reference", "personGeneration", "allow_all", "aspectRatio", "16:9", "personGeneration")]
    [InlineData("text", "personGeneration", "allow_adult", "aspectRatio", "16:9", "personGeneration")]
    [InlineData("text", "personGeneration", "dont_allow", "aspectRatio", "16:9", "personGeneration")]
    [InlineData("text", "aspectRatio", "1:1", "resolution", "720p", "aspectRatio")]
    [InlineData("text", "durationSeconds", 5, "resolution", "720p", "durationSeconds")]
    [InlineData("text", "resolution", "2k", "aspectRatio", "16:9", "resolution")]
    [InlineData("text", "durationSeconds", "8", "aspectRatio", "16:9", "durationSeconds")]
    [InlineData("extension", "resolution", "1080p", "durationSeconds", 8, "resolution")]
    [InlineData("extension", "resolution", "4k", "durationSeconds", 8, "resolution")]
    [InlineData("extension", "durationSeconds", 6, "resolution", "720p", "durationSeconds")]
    [InlineData("extension", "personGeneration", "allow_adult", "resolution", "720p", "personGeneration")]
    [InlineData("extension", "personGeneration", "dont_allow", "aspectRatio", "9:16", "personGeneration")]
    public async Task Bad_value_or_combination_is_rejected(string flow, string field, object value, string other, object otherValue, string named)
    {
        JsonObject body = VtrixBodies.Params(flow)
            .With(field, JsonSerializer.SerializeToNode(value))
            .With(other, JsonSerializer.SerializeToNode(otherValue));
        await AssertRejectedAsync(body, named);
    }

    [Fact]
    public async Task Last_frame_needs_an_image()
    {
        JsonObject body = VtrixBodies.Params("first-last");
        body.Remove("image");
        await AssertRejectedAsync(body, "lastFrame");
    }

    [Theory]
    [InlineData("image")]
    [InlineData("lastFrame")]
    public async Task Reference_images_are_not_combined_with_frames(string frame)
    {
        JsonObject body = VtrixBodies.Params("reference").With(frame, VtrixBodies.Png());
        if (frame == "lastFrame")
        {
            body["image"] = VtrixBodies.Png();
        }

        await AssertRejectedAsync(body, "referenceImages");
    }

    [Theory]
    [InlineData("image")]
    [InlineData("lastFrame")]
    [InlineData("referenceImages")]
    public async Task Video_is_not_combined_with_images(string field)
    {
        JsonObject images = VtrixBodies.Params(field == "referenceImages" ? "reference" : "first-last");
        JsonObject body = VtrixBodies.Params("extension").With(field, images[field]!.DeepClone());
        if (field == "lastFrame")
        {
            body.Remove("image");
        }

        await AssertRejectedAsync(body, "video");
    }

    [Theory]
    [MemberData(nameof(ReferenceCounts))]
    public async Task Reference_images_take_one_to_three(int count, bool accepted)
    {
        JsonObject body = VtrixBodies.Params("reference").With("referenceImages", VtrixBodies.ReferenceImages(count));
        await (accepted ? AssertAcceptedAsync(body) : AssertRejectedAsync(body, "referenceImages"));
    }

    [Theory]
    [InlineData("referenceType", "style", "referenceImages[0].referenceType")]
    [InlineData("referenceType", null, "referenceImages[0].referenceType")]
    [InlineData("reference_type", "asset", "referenceImages[0].reference_type")]
    [InlineData("image", null, "referenceImages[0].image")]
    public async Task Reference_image_is_an_asset_with_an_inline_image(string field, string? value, string named)
    {
        JsonArray references = VtrixBodies.ReferenceImages(1);
        references[0]!.AsObject().With(field, value);
        await AssertRejectedAsync(VtrixBodies.Params("reference").With("referenceImages", references), named);
    }

    [Theory]
    [InlineData("image", "url", "image")]
    [InlineData("image", "base64-string", "image")]
    [InlineData("image", "mime-mismatch", "image.mimeType")]
    [InlineData("image", "wrong-bytes", "image.bytesBase64Encoded")]
    [InlineData("image", "unsupported-mime", "image.mimeType")]
    [InlineData("image", "data-url", "image.bytesBase64Encoded")]
    [InlineData("image", "not-base64", "image.bytesBase64Encoded")]
    [InlineData("image", "sdk-form", "image.imageBytes")]
    [InlineData("image", "gcs-uri", "image.gcsUri")]
    [InlineData("image", "no-mime", "image.mimeType")]
    [InlineData("video", "url", "video")]
    [InlineData("video", "base64-string", "video")]
    [InlineData("video", "mime-mismatch", "video.mimeType")]
    [InlineData("video", "wrong-bytes", "video.bytesBase64Encoded")]
    [InlineData("video", "unsupported-mime", "video.mimeType")]
    [InlineData("video", "data-url", "video.bytesBase64Encoded")]
    [InlineData("video", "sdk-form", "video.videoBytes")]
    [InlineData("video", "gemini-uri", "video.uri")]
    [InlineData("video", "no-mime", "video.mimeType")]
    public async Task Image_or_video_is_exactly_bytes_and_a_matching_mime_type(string field, string kind, string named)
    {
        bool video = field == "video";
        (string base64, string mimeType, string url) = video
            ? (SimulatorBodies.Mp4Base64, "video/mp4", SimulatorBodies.VideoUrl)
            : (SimulatorBodies.PngBase64, "image/png", SimulatorBodies.ImageUrl);
        JsonNode value = kind switch
        {
            "url" => JsonValue.Create(url),
            "base64-string" => JsonValue.Create(base64),
            "mime-mismatch" => VtrixBodies.Inline(base64, video ? "image/png" : "image/jpeg"),
            // A GIF as an image, a PNG as a video.
            "wrong-bytes" => VtrixBodies.Inline(video ? SimulatorBodies.PngBase64 : SimulatorBodies.GifBase64, mimeType),
            "unsupported-mime" => video ? VtrixBodies.Inline(base64, "video/quicktime") : VtrixBodies.Inline(SimulatorBodies.JpegBase64, "image/gif"),
            "data-url" => VtrixBodies.Inline($"data:{mimeType};base64,{base64}", mimeType),
            "not-base64" => VtrixBodies.Inline("this is not base64!", mimeType),
            // The google-genai SDK's Image and Video objects.
            "sdk-form" => new JsonObject { [video ? "videoBytes" : "imageBytes"] = base64, ["mimeType"] = mimeType },
            "gcs-uri" => VtrixBodies.Inline(base64, mimeType).With("gcsUri", "gs://bucket/media"),
            // The Gemini API's reference to a generated video.
            "gemini-uri" => new JsonObject { ["uri"] = url },
            _ => new JsonObject { ["bytesBase64Encoded"] = base64 },
        };
        await AssertRejectedAsync(VtrixBodies.Params(video ? "extension" : "image").With(field, value), named);
    }

    [Fact]
    public async Task Jpeg_last_frame_with_its_mime_type_is_accepted() =>
        await AssertAcceptedAsync(VtrixBodies.Params("image").With("lastFrame", VtrixBodies.Jpeg()));

    [Fact]
    public async Task Image_over_20_MB_is_rejected()
    {
        byte[] big = new byte[(20 * 1024 * 1024) + 3];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(big, 0);
        await AssertRejectedAsync(VtrixBodies.Params("image").With("image", VtrixBodies.Inline(Convert.ToBase64String(big), "image/png")), "image.bytesBase64Encoded");
    }

    [Theory]
    [MemberData(nameof(NotJsonObjects))]
    public async Task Body_that_is_not_a_json_object_is_a_400(string body)
    {
        using HttpResponseMessage response = await _api.CreateRawAsync(body);
        await VtrixApi.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    public void Dispose() => _api.Dispose();

    /// <summary>Sends <paramref name="parameters"/> in the envelope; the error must name the params field.</summary>
    private Task AssertRejectedAsync(JsonObject parameters, string field) =>
        _api.AssertRejectedAsync(VtrixBodies.Envelope(parameters), field, response => VtrixApi.AssertErrorAsync(response, HttpStatusCode.BadRequest));

    private Task AssertAcceptedAsync(JsonObject parameters) => _api.CreateJsonAsync(VtrixBodies.Envelope(parameters));
}
