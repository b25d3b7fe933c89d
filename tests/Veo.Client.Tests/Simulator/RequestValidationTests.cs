using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Veo.Client.Tests.Simulator;

public sealed class RequestValidationTests : IClassFixture<SharedSimulatorFixture>, IDisposable
{
    private readonly SimulatorApi _api;

    public RequestValidationTests(SharedSimulatorFixture fixture)
    {
        _api = new SimulatorApi(fixture.Server);
    }

    public static TheoryData<string> AllEndpoints => SimulatorBodies.AllEndpoints;

    public static TheoryData<string, string> RequiredFields => SimulatorBodies.RequiredFields;

    public static TheoryData<string> NotJsonObjects => SimulatorBodies.NotJsonObjects;

    public static TheoryData<int, bool> ReferenceCounts => SimulatorBodies.ReferenceCounts;

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task Minimal_body_is_accepted(string endpoint)
    {
        using HttpResponseMessage response = await _api.CreateAsync(endpoint, SimulatorBodies.Minimal(endpoint));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonObject json = await SimulatorApi.ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty((string?)json["task_id"]));
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Missing_required_field_is_rejected(string endpoint, string field)
    {
        JsonObject body = SimulatorBodies.Minimal(endpoint);
        body.Remove(field);
        await AssertRejectedAsync(endpoint, body, field);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task Unknown_field_is_rejected(string endpoint) =>
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("style", "noir"), "style");

    [Theory]
    [InlineData("veo-3.1-lite-i2v", "duration_seconds")]
    [InlineData("veo-3.1-lite-firstlastframe", "duration_seconds")]
    [InlineData("veo-3.1-generate-firstlastframe", "duration")]
    [InlineData("veo-3.1-fast-generate-firstlastframe", "duration")]
    [InlineData("veo-3.1-generate-img2video", "duration")]
    [InlineData("veo-3.1-generate-reference", "duration")]
    [InlineData("veo-3.1-fast-generate-reference", "duration_seconds")]
    [InlineData("veo-3.1-lite-t2v", "duration_seconds")]
    [InlineData("veo-3.1-generate-text2video", "duration")]
    [InlineData("veo-3.1-generate-extend", "duration")]
    [InlineData("veo-3.1-fast-generate-extend", "duration_seconds")]
    [InlineData("veo-3.1-lite-extend", "duration")]
    public async Task Duration_field_of_another_tier_is_rejected(string endpoint, string field) =>
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With(field, 8), field);

    [Theory]
    [InlineData("veo-3.1-lite-i2v", "duration")]
    [InlineData("veo-3.1-lite-firstlastframe", "duration")]
    [InlineData("veo-3.1-generate-firstlastframe", "duration_seconds")]
    [InlineData("veo-3.1-fast-generate-firstlastframe", "duration_seconds")]
    [InlineData("veo-3.1-fast-generate-img2video", "duration_seconds")]
    [InlineData("veo-3.1-lite-t2v", "duration")]
    [InlineData("veo-3.1-fast-generate-text2video", "duration_seconds")]
    public async Task Duration_field_of_the_tier_is_accepted(string endpoint, string field) =>
        await AssertAcceptedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With(field, 6));

    [Theory]
    [InlineData("veo-3.1-lite-firstlastframe", "last_image")]
    [InlineData("veo-3.1-lite-i2v", "enhance_prompt")]
    public async Task Fields_the_lite_endpoints_do_not_have_are_rejected(string endpoint, string field) =>
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With(field, field == "enhance_prompt" ? JsonValue.Create(true) : JsonValue.Create(SimulatorBodies.ImageUrl)), field);

    [Theory]
    [InlineData("veo-3.1-generate-text2video", true, true)]
    [InlineData("veo-3.1-fast-generate-text2video", false, false)]
    [InlineData("veo-3.1-lite-t2v", false, true)]
    [InlineData("veo-3.1-lite-extend", true, true)]
    [InlineData("veo-3.1-generate-extend", true, false)]
    [InlineData("veo-3.1-fast-generate-extend", false, false)]
    public async Task Enhance_prompt_is_per_endpoint_and_only_true_on_text2video(string endpoint, bool value, bool accepted)
    {
        JsonObject body = SimulatorBodies.Minimal(endpoint).With("enhance_prompt", value);
        await (accepted ? AssertAcceptedAsync(endpoint, body) : AssertRejectedAsync(endpoint, body, "enhance_prompt"));
    }

    [Theory]
    [InlineData("veo-3.1-generate-text2video", false)]
    [InlineData("veo-3.1-fast-generate-text2video", false)]
    [InlineData("veo-3.1-lite-t2v", true)]
    [InlineData("veo-3.1-generate-extend", true)]
    public async Task Generate_audio_is_required_on_standard_and_fast_text2video_only(string endpoint, bool accepted)
    {
        JsonObject body = SimulatorBodies.Minimal(endpoint);
        body.Remove("generate_audio");
        await (accepted ? AssertAcceptedAsync(endpoint, body) : AssertRejectedAsync(endpoint, body, "generate_audio"));
    }

    [Theory]
    [InlineData("prompt", 2048, true)]
    [InlineData("prompt", 2049, false)]
    [InlineData("negative_prompt", 2048, true)]
    [InlineData("negative_prompt", 2049, false)]
    public async Task Lite_text2video_takes_prompts_of_up_to_2048_characters(string field, int length, bool accepted)
    {
        const string endpoint = "veo-3.1-lite-t2v";
        JsonObject body = SimulatorBodies.Minimal(endpoint).With(field, new string('a', length));
        await (accepted ? AssertAcceptedAsync(endpoint, body) : AssertRejectedAsync(endpoint, body, field));
    }

    [Theory]
    [InlineData("veo-3.1-generate-extend", "url", true)]
    [InlineData("veo-3.1-fast-generate-extend", "mp4", true)]
    [InlineData("veo-3.1-generate-extend", "png", false)]
    [InlineData("veo-3.1-generate-extend", "data-uri", false)]
    [InlineData("veo-3.1-generate-extend", "not-base64", false)]
    [InlineData("veo-3.1-fast-generate-extend", "ftp-url", false)]
    [InlineData("veo-3.1-lite-extend", "url", true)]
    [InlineData("veo-3.1-lite-extend", "mp4", false)]
    public async Task Video_must_be_a_url_or_base64_mp4_and_only_a_url_on_lite(string endpoint, string kind, bool accepted)
    {
        string video = kind switch
        {
            "url" => SimulatorBodies.VideoUrl,
            "mp4" => SimulatorBodies.Mp4Base64,
            "png" => SimulatorBodies.PngBase64,
            "data-uri" => "data:video/mp4;base64," + SimulatorBodies.Mp4Base64,
            "not-base64" => "this is not a video!",
            _ => "ftp://example.com/clip.mp4",
        };
        JsonObject body = SimulatorBodies.Minimal(endpoint).With("video", video);
        await (accepted ? AssertAcceptedAsync(endpoint, body) : AssertRejectedAsync(endpoint, body, "video"));
    }

    [Fact]
    public async Task Fast_first_last_frame_wants_disallow_not_dont_allow()
    {
        const string endpoint = "veo-3.1-fast-generate-firstlastframe";
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("person_generation", "dont_allow"), "person_generation");
        await AssertAcceptedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("person_generation", "disallow"));
    }

    [Theory]
    [InlineData("veo-3.1-generate-firstlastframe", "allow_all", true)]
    [InlineData("veo-3.1-generate-firstlastframe", "disallow", false)]
    [InlineData("veo-3.1-generate-img2video", "allow_all", true)]
    [InlineData("veo-3.1-lite-i2v", "allow_all", false)]
    [InlineData("veo-3.1-generate-reference", "dont_allow", true)]
    [InlineData("veo-3.1-generate-reference", "allow_all", false)]
    [InlineData("veo-3.1-fast-generate-text2video", "allow_all", true)]
    [InlineData("veo-3.1-lite-t2v", "allow_all", false)]
    [InlineData("veo-3.1-generate-extend", "allow_all", false)]
    [InlineData("veo-3.1-lite-extend", "dont_allow", true)]
    public async Task Person_generation_values_are_per_endpoint(string endpoint, string value, bool accepted)
    {
        JsonObject body = SimulatorBodies.Minimal(endpoint).With("person_generation", value);
        await (accepted ? AssertAcceptedAsync(endpoint, body) : AssertRejectedAsync(endpoint, body, "person_generation"));
    }

    [Theory]
    [InlineData("resolution", "4k")]
    [InlineData("aspect_ratio", "1:1")]
    [InlineData("duration", 5)]
    [InlineData("sample_count", 0)]
    [InlineData("sample_count", 5)]
    [InlineData("sample_count", "2")]
    [InlineData("seed", -1)]
    [InlineData("seed", 4294967296)]
    [InlineData("seed", 1.5)]
    [InlineData("generate_audio", "yes")]
    [InlineData("prompt", "")]
    [InlineData("negative_prompt", 3)]
    public async Task Out_of_range_or_mistyped_value_is_rejected(string field, object value)
    {
        const string endpoint = "veo-3.1-lite-i2v";
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With(field, JsonSerializer.SerializeToNode(value)), field);
    }

    [Theory]
    [InlineData("veo-3.1-generate-firstlastframe", """
        {"seed": 4294967295, "resolution": "1080p", "aspect_ratio": "9:16", "sample_count": 4, "enhance_prompt": true,
         "generate_audio": false, "negative_prompt": "", "duration_seconds": 4, "person_generation": "allow_adult"}
        """)]
    [InlineData("veo-3.1-generate-text2video", """
        {"seed": 0, "resolution": "1080p", "aspect_ratio": "9:16", "sample_count": 4, "enhance_prompt": true,
         "generate_audio": true, "negative_prompt": "blur", "duration_seconds": 6, "person_generation": "allow_all"}
        """)]
    [InlineData("veo-3.1-lite-t2v", """
        {"seed": 4294967295, "resolution": "720p", "aspect_ratio": "16:9", "sample_count": 1, "enhance_prompt": false,
         "generate_audio": true, "negative_prompt": "", "duration": 4, "person_generation": "dont_allow"}
        """)]
    [InlineData("veo-3.1-fast-generate-extend", """
        {"seed": 7, "resolution": "1080p", "aspect_ratio": "9:16", "sample_count": 4, "generate_audio": true,
         "negative_prompt": "blur", "person_generation": "dont_allow"}
        """)]
    [InlineData("veo-3.1-lite-extend", """
        {"seed": 0, "resolution": "720p", "aspect_ratio": "16:9", "sample_count": 2, "enhance_prompt": true,
         "generate_audio": false, "negative_prompt": "", "person_generation": "allow_adult"}
        """)]
    public async Task Every_optional_field_at_its_limits_is_accepted(string endpoint, string options) =>
        await AssertAcceptedAsync(endpoint, SimulatorBodies.Minimal(endpoint).WithAll(options));

    [Fact]
    public async Task Null_counts_as_absent()
    {
        const string endpoint = "veo-3.1-lite-i2v";
        await AssertAcceptedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("seed", null));
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("image", null), "image");
    }

    [Theory]
    [InlineData("png", true)]
    [InlineData("jpeg", true)]
    [InlineData("gif", false)]
    [InlineData("data-uri", false)]
    [InlineData("not-base64", false)]
    [InlineData("ftp-url", false)]
    public async Task Image_must_be_a_url_or_base64_jpeg_or_png(string kind, bool accepted)
    {
        string image = kind switch
        {
            "png" => SimulatorBodies.PngBase64,
            "jpeg" => SimulatorBodies.JpegBase64,
            "gif" => SimulatorBodies.GifBase64,
            "data-uri" => "data:image/png;base64," + SimulatorBodies.PngBase64,
            "not-base64" => "this is not an image!",
            _ => "ftp://example.com/frame.png",
        };
        const string endpoint = "veo-3.1-generate-firstlastframe";
        JsonObject body = SimulatorBodies.Minimal(endpoint).With("last_image", image);
        await (accepted ? AssertAcceptedAsync(endpoint, body) : AssertRejectedAsync(endpoint, body, "last_image"));
    }

    [Fact]
    public async Task Image_over_20_MB_is_rejected()
    {
        byte[] big = new byte[(20 * 1024 * 1024) + 3];
        big[0] = 0xFF;
        big[1] = 0xD8;
        big[2] = 0xFF;
        const string endpoint = "veo-3.1-lite-i2v";
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("image", Convert.ToBase64String(big)), "image");
    }

    [Theory]
    [MemberData(nameof(ReferenceCounts))]
    public async Task Reference_images_take_one_to_three(int count, bool accepted)
    {
        const string endpoint = "veo-3.1-generate-reference";
        JsonObject body = SimulatorBodies.Minimal(endpoint).With("reference_images", SimulatorBodies.ReferenceImages(count));
        await (accepted ? AssertAcceptedAsync(endpoint, body) : AssertRejectedAsync(endpoint, body, "reference_images"));
    }

    [Fact]
    public async Task Reference_image_must_be_an_asset_with_a_valid_image()
    {
        const string endpoint = "veo-3.1-fast-generate-reference";
        JsonArray style = SimulatorBodies.ReferenceImages(1);
        style[0]!["reference_type"] = "style";
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("reference_images", style), "reference_images[0].reference_type");

        JsonArray gif = SimulatorBodies.ReferenceImages(2);
        gif[1]!["image"] = SimulatorBodies.GifBase64;
        await AssertRejectedAsync(endpoint, SimulatorBodies.Minimal(endpoint).With("reference_images", gif), "reference_images[1].image");
    }

    [Fact]
    public async Task Img2video_with_reference_images_needs_eight_seconds()
    {
        const string endpoint = "veo-3.1-generate-img2video";
        JsonObject body = SimulatorBodies.Minimal(endpoint).With("reference_images", SimulatorBodies.ReferenceImages(1));
        await AssertAcceptedAsync(endpoint, body.DeepClone().AsObject().With("duration_seconds", 8));
        await AssertRejectedAsync(endpoint, body.With("duration_seconds", 6), "duration_seconds");
    }

    [Theory]
    [MemberData(nameof(NotJsonObjects))]
    public async Task Body_that_is_not_a_json_object_is_rejected(string body)
    {
        using HttpResponseMessage response = await _api.CreateRawAsync("veo-3.1-lite-i2v", body);
        await SimulatorApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_REQUEST_BODY");
    }

    [Theory]
    [InlineData("veo-3.1-lite-reference")]
    [InlineData("veo-4")]
    public async Task Unknown_endpoint_is_model_not_found(string endpoint)
    {
        using HttpResponseMessage response = await _api.CreateAsync(endpoint, SimulatorBodies.Minimal("veo-3.1-lite-i2v"));
        await SimulatorApi.AssertErrorAsync(response, HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }

    public void Dispose() => _api.Dispose();

    private async Task AssertRejectedAsync(string endpoint, JsonObject body, string field)
    {
        using HttpResponseMessage response = await _api.CreateAsync(endpoint, body);
        string message = await SimulatorApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_REQUEST_BODY");
        Assert.Contains($"'{field}'", message, StringComparison.Ordinal);
    }

    private async Task AssertAcceptedAsync(string endpoint, JsonObject body)
    {
        using HttpResponseMessage response = await _api.CreateAsync(endpoint, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
