using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Veo.Client.Tests.Simulator;

public sealed class AIHubMaxValidationTests : IClassFixture<SharedSimulatorFixture>, IDisposable
{
    private const string Standard = "veo-3.1-image-to-video";
    private const string Lite = "veo-3.1-lite-image-to-video";
    private const string Extend = "veo-3.1-extend";

    private readonly AIHubMaxApi _api;

    public AIHubMaxValidationTests(SharedSimulatorFixture fixture)
    {
        _api = new AIHubMaxApi(fixture.Server);
    }

    public static TheoryData<string> AllModels => AIHubMaxBodies.AllModels;

    public static TheoryData<string, string> RequiredFields => AIHubMaxBodies.RequiredFields;

    public static TheoryData<string> NotJsonObjects => SimulatorBodies.NotJsonObjects;

    public static TheoryData<int, bool> ReferenceCounts => SimulatorBodies.ReferenceCounts;

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task Minimal_body_is_accepted_with_the_documented_answer(string model)
    {
        JsonObject created = await _api.CreateJsonAsync(AIHubMaxBodies.Minimal(model));

        Assert.Matches(new Regex("^task-unified-[0-9]{10}-[a-z0-9]{8}$"), (string)created["id"]!);
        Assert.Equal(model, (string)created["model"]!);
        Assert.Equal("video.generation.task", (string)created["object"]!);
        Assert.Equal("pending", (string)created["status"]!);
        Assert.Equal("video", (string)created["type"]!);
        Assert.Equal(0, (int)created["progress"]!);
        Assert.InRange((long)created["created"]! - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), -5, 5);
        Assert.True((bool)created["task_info"]!["can_cancel"]!);
        Assert.Equal(8, (int)created["task_info"]!["video_duration"]!);
        Assert.Equal("per_call", (string)created["usage"]!["billing_rule"]!);
        Assert.Equal(25.7, (double)created["usage"]!["credits_reserved"]!);
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Missing_required_field_is_rejected(string model, string field)
    {
        JsonObject body = AIHubMaxBodies.Minimal(model);
        body.Remove(field);
        await AssertRejectedAsync(body, field);
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public async Task Unknown_field_is_rejected(string model) =>
        await AssertRejectedAsync(AIHubMaxBodies.Minimal(model).With("style", "noir"), "style");

    [Theory]
    [InlineData("veo-3.1-image-to-video", "image_url", "image")]
    [InlineData("veo-3.1-lite-image-to-video", "image_url", "image_urls")]
    [InlineData("veo-3.1-first-last-frame-to-video", "last_image_url", "last_image")]
    [InlineData("veo-3.1-fast-first-last-frame-to-video", "first_image_url", "image_url")]
    [InlineData("veo-3.1-reference-to-video", "reference_image_urls", "reference_images")]
    [InlineData(Extend, "video_url", "video")]
    [InlineData("veo-3.1-extend-fast", "video_url", "video_uri")]
    public async Task Misnamed_media_field_is_rejected(string model, string field, string misnamed)
    {
        JsonObject body = AIHubMaxBodies.Minimal(model);
        JsonNode value = body[field]!.DeepClone();
        body.Remove(field);
        await AssertRejectedAsync(body.With(misnamed, value), misnamed);
    }

    [Theory]
    [InlineData("veo-3.1-fast-image-to-video", "enhance_prompt", true)]
    [InlineData("veo-3.1-fast-first-last-frame-to-video", "person_generation", "allow_adult")]
    [InlineData("veo-3.1-fast-reference-to-video", "reference_type", "ASSET")]
    [InlineData("veo-3.1-fast-reference-to-video", "enhance_prompt", true)]
    [InlineData("veo-3.1-lite-image-to-video", "safety_tolerance", 3)]
    [InlineData("veo-3.1-lite-first-last-frame-to-video", "enhance_prompt", true)]
    [InlineData("veo-3.1-lite-first-last-frame-to-video", "person_generation", "dont_allow")]
    [InlineData("veo-3.1-reference-to-video", "negative_prompt", "blur")]
    [InlineData("veo-3.1-reference-to-video", "seed", 1)]
    [InlineData("veo-3.1-text-to-video", "image_url", SimulatorBodies.ImageUrl)]
    [InlineData("veo-3.1-fast-text-to-video", "enhance_prompt", true)]
    [InlineData("veo-3.1-fast-text-to-video", "person_generation", "allow_adult")]
    [InlineData("veo-3.1-lite-text-to-video", "safety_tolerance", 3)]
    [InlineData(Extend, "resolution", "720p")]
    [InlineData(Extend, "enhance_prompt", true)]
    [InlineData("veo-3.1-extend-fast", "duration", 8)]
    [InlineData("veo-3.1-extend-fast", "person_generation", "allow_adult")]
    public async Task Option_the_model_does_not_take_is_rejected(string model, string field, object value) =>
        await AssertRejectedAsync(AIHubMaxBodies.Minimal(model).With(field, JsonSerializer.SerializeToNode(value)), field);

    [Theory]
    [InlineData("veo-3.1-reference-to-video", """
        {"reference_image_urls": ["https://a.example/1.png", "https://a.example/2.png", "https://a.example/3.png"], "aspect_ratio": "9:16",
         "duration": 8, "resolution": "4k", "generate_audio": true, "auto_fix": false, "safety_tolerance": 6, "enhance_prompt": true,
         "person_generation": "dont_allow", "reference_type": "STYLE"}
        """)]
    [InlineData("veo-3.1-fast-reference-to-video", """{"duration": 8, "resolution": "720p", "safety_tolerance": 2, "auto_fix": true}""")]
    [InlineData("veo-3.1-first-last-frame-to-video", """
        {"aspect_ratio": "16:9", "duration": 4, "resolution": "720p", "generate_audio": false, "auto_fix": true, "negative_prompt": "blur, text",
         "seed": 4294967295, "safety_tolerance": 1, "enhance_prompt": false, "person_generation": "allow_adult"}
        """)]
    [InlineData("veo-3.1-fast-image-to-video", """{"duration": 6, "resolution": "4k", "negative_prompt": "", "seed": 7, "safety_tolerance": 3}""")]
    [InlineData("veo-3.1-lite-first-last-frame-to-video", """
        {"negative_prompt": "blur", "seed": 0, "resolution": "720p", "duration": 4, "generate_audio": true, "auto_fix": true}
        """)]
    [InlineData("veo-3.1-text-to-video", """
        {"aspect_ratio": "9:16", "duration": 6, "resolution": "4k", "generate_audio": true, "auto_fix": false, "negative_prompt": "blur",
         "seed": 4294967295, "safety_tolerance": 6, "enhance_prompt": true, "person_generation": "dont_allow"}
        """)]
    [InlineData("veo-3.1-fast-text-to-video", """{"duration": 4, "resolution": "720p", "safety_tolerance": 1, "seed": 0}""")]
    [InlineData("veo-3.1-lite-text-to-video", """{"duration": 8, "resolution": "1080p", "generate_audio": true, "negative_prompt": ""}""")]
    [InlineData(Extend, """
        {"aspect_ratio": "9:16", "generate_audio": false, "auto_fix": true, "negative_prompt": "blur", "safety_tolerance": 6, "seed": 42}
        """)]
    [InlineData("veo-3.1-extend-fast", """{"aspect_ratio": "16:9", "generate_audio": true, "safety_tolerance": 1}""")]
    public async Task Every_option_the_model_takes_is_accepted(string model, string options) =>
        await AssertAcceptedAsync(AIHubMaxBodies.Minimal(model).WithAll(options));

    [Theory]
    [InlineData(Lite, "resolution", "4k")]
    [InlineData(Standard, "resolution", "2160p")]
    [InlineData(Standard, "aspect_ratio", "1:1")]
    [InlineData(Standard, "duration", 5)]
    [InlineData(Standard, "duration", "8")]
    [InlineData(Standard, "safety_tolerance", 0)]
    [InlineData(Standard, "safety_tolerance", 7)]
    [InlineData(Standard, "person_generation", "allow_all")]
    [InlineData(Standard, "generate_audio", "yes")]
    [InlineData(Standard, "seed", -1)]
    [InlineData(Standard, "prompt", "")]
    [InlineData("veo-3.1-reference-to-video", "duration", 6)]
    [InlineData("veo-3.1-reference-to-video", "reference_type", "style")]
    [InlineData("veo-3.1-lite-text-to-video", "resolution", "4k")]
    [InlineData("veo-3.1-text-to-video", "duration", 7)]
    [InlineData(Extend, "safety_tolerance", 7)]
    [InlineData("veo-3.1-extend-fast", "aspect_ratio", "1:1")]
    public async Task Bad_value_is_rejected(string model, string field, object value) =>
        await AssertRejectedAsync(AIHubMaxBodies.Minimal(model).With(field, JsonSerializer.SerializeToNode(value)), field);

    [Theory]
    [InlineData(Lite, "1080p", 6, false)]
    [InlineData(Lite, null, 4, false)]
    [InlineData(Lite, "1080p", 8, true)]
    [InlineData(Lite, "720p", 6, true)]
    [InlineData("veo-3.1-lite-text-to-video", null, 6, false)]
    [InlineData("veo-3.1-lite-text-to-video", "720p", 4, true)]
    public async Task Lite_at_1080p_takes_only_eight_seconds(string model, string? resolution, int duration, bool accepted)
    {
        JsonObject body = AIHubMaxBodies.Minimal(model).With("resolution", resolution).With("duration", duration);
        await (accepted ? AssertAcceptedAsync(body) : AssertRejectedAsync(body, "duration"));
    }

    [Theory]
    [InlineData("base64")]
    [InlineData("data-url")]
    [InlineData("ftp")]
    [InlineData("relative")]
    public async Task Image_or_video_that_is_not_an_http_url_is_rejected(string kind)
    {
        string image = NotAnHttpUrl(kind, SimulatorBodies.PngBase64, "image/png", "frame.png");

        await AssertRejectedAsync(AIHubMaxBodies.Minimal(Standard).With("image_url", image), "image_url", "invalid_image_url");
        JsonArray references = AIHubMaxBodies.ReferenceUrls(2);
        references[1] = image;
        await AssertRejectedAsync(
            AIHubMaxBodies.Minimal("veo-3.1-fast-reference-to-video").With("reference_image_urls", references), "reference_image_urls[1]", "invalid_image_url");
        // No video error code is documented, so a bad video_url is plain invalid_parameters.
        await AssertRejectedAsync(AIHubMaxBodies.Minimal(Extend).With("video_url", NotAnHttpUrl(kind, SimulatorBodies.Mp4Base64, "video/mp4", "clip.mp4")), "video_url");
    }

    [Theory]
    [MemberData(nameof(ReferenceCounts))]
    public async Task Reference_model_takes_one_to_three_urls(int count, bool accepted)
    {
        JsonObject body = AIHubMaxBodies.Minimal("veo-3.1-reference-to-video").With("reference_image_urls", AIHubMaxBodies.ReferenceUrls(count));
        await (accepted ? AssertAcceptedAsync(body) : AssertRejectedAsync(body, "reference_image_urls", "invalid_image_url"));
    }

    [Theory]
    [InlineData("veo-3.1-lite-extend")]
    [InlineData("veo-3.1-lite-reference-to-video")]
    [InlineData("veo-3.1-generate-img2video")]
    public async Task Unknown_model_is_model_not_found(string model)
    {
        using HttpResponseMessage response = await _api.CreateAsync(AIHubMaxBodies.Minimal(Standard).With("model", model));
        string message = await AIHubMaxApi.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_error", "model_not_found");
        Assert.Contains(model, message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotJsonObjects))]
    public async Task Body_that_is_not_a_json_object_is_a_400(string body)
    {
        using HttpResponseMessage response = await _api.CreateRawAsync(body);
        await AIHubMaxApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error");
    }

    public void Dispose() => _api.Dispose();

    private static string NotAnHttpUrl(string kind, string base64, string mimeType, string fileName) => kind switch
    {
        "base64" => base64,
        "data-url" => $"data:{mimeType};base64,{base64}",
        "ftp" => $"ftp://example.com/{fileName}",
        _ => "/" + fileName,
    };

    private Task AssertRejectedAsync(JsonObject body, string field, string code = "invalid_parameters") =>
        _api.AssertRejectedAsync(body, field, response => AIHubMaxApi.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_error", code));

    private Task AssertAcceptedAsync(JsonObject body) => _api.CreateJsonAsync(body);
}
