using System;
using System.Text.Json;
using Veo.Simulator.Validation;
using static Veo.Simulator.Validation.CrossFieldRules;
using static Veo.Simulator.Validation.JsonRules;

namespace Veo.Simulator.Google;

/// <summary>
/// The Gemini API's predictLongRunning body for Veo 3.1 (providers.md §4.2): <c>{"instances": [one instance],
/// "parameters": {…}}</c>. Images are only the inline <c>{bytesBase64Encoded, mimeType}</c> form (<c>inlineData</c>,
/// <c>fileUri</c> and <c>gcsUri</c> are unknown fields here); the video to extend is only <c>{uri}</c>. seed and
/// generateAudio are Vertex-only (google-genai refuses them for this API), so they are unknown fields too.
/// </summary>
internal static class GoogleSchema
{
    public static readonly string[] Models = ["veo-3.1-generate-preview", "veo-3.1-fast-generate-preview"];

    private static readonly JsonObjectSchema Instance = new(
        [
            new JsonField("prompt", NonEmptyString, Required: true),
            new JsonField("image", InlineImage),
            new JsonField("lastFrame", InlineImage),
            new JsonField("video", Object(new JsonObjectSchema([new JsonField("uri", NonEmptyString, Required: true)]))),
            new JsonField("referenceImages", ArrayOf(
                Object(new JsonObjectSchema(
                [
                    new JsonField("image", InlineImage, Required: true),
                    new JsonField("referenceType", OneOf("asset"), Required: true),
                ])),
                minItems: 1,
                maxItems: 3)),
        ],
        // An extension takes no images; say so before what the images need among themselves.
        Excludes("video", "image", "lastFrame", "referenceImages"),
        Needs("lastFrame", "image"),
        Excludes("referenceImages", "image", "lastFrame"));

    private static readonly JsonObjectSchema Parameters = new(
    [
        new JsonField("aspectRatio", OneOf("16:9", "9:16")),
        new JsonField("resolution", OneOf("720p", "1080p", "4k")),
        new JsonField("durationSeconds", IntegerOneOf(4, 6, 8)),
        new JsonField("sampleCount", IntegerBetween(1, 4)),
        new JsonField("negativePrompt", AnyString),
        new JsonField("enhancePrompt", JsonRules.Boolean),
        new JsonField("personGeneration", OneOf("allow_all", "allow_adult", "dont_allow")),
    ]);

    public static JsonObjectSchema PredictLongRunning { get; } = new(
        [
            new JsonField("instances", ArrayOf(Object(Instance), minItems: 1, maxItems: 1), Required: true),
            new JsonField("parameters", Object(Parameters)),
        ],
        Parameter(IsExtension, "when instances[0].video is given", "resolution", OneOf("720p")),
        Parameter(IsExtension, "when instances[0].video is given", "durationSeconds", IntegerOneOf(8)),
        Parameter(body => InstanceOf(body).Has("referenceImages"), "when instances[0].referenceImages is given", "durationSeconds", IntegerOneOf(8)),
        Parameter(body => InstanceOf(body).Has("referenceImages"), "when instances[0].referenceImages is given", "aspectRatio", OneOf("16:9")),
        Parameter(body => InstanceOf(body).Has("lastFrame"), "when instances[0].lastFrame is given", "durationSeconds", IntegerOneOf(8)),
        Parameter(body => ParametersOf(body).IsOneOf("resolution", "1080p", "4k"), "when resolution is 1080p or 4k", "durationSeconds", IntegerOneOf(8)),
        Parameter(HasImages, "with image, lastFrame or referenceImages", "personGeneration", OneOf("allow_adult")),
        Parameter(body => !HasImages(body), "for text-to-video and extension", "personGeneration", OneOf("allow_all")));

    /// <summary>The one instance of a body that passed the field checks.</summary>
    public static JsonElement InstanceOf(JsonElement body) => body.GetProperty("instances")[0];

    private static JsonElement ParametersOf(JsonElement body) => body.GetProperty("parameters");

    private static bool IsExtension(JsonElement body) => InstanceOf(body).Has("video");

    private static bool HasImages(JsonElement body)
    {
        JsonElement instance = InstanceOf(body);
        return instance.Has("image") || instance.Has("lastFrame") || instance.Has("referenceImages");
    }

    /// <summary>A rule on one of the parameters while something holds of the whole body (usually of its instance).</summary>
    private static Func<JsonElement, string?> Parameter(Func<JsonElement, bool> condition, string reason, string parameter, JsonRule rule) =>
        body => body.Optional("parameters") is JsonElement parameters
            ? When(_ => condition(body), reason, parameter, rule)(parameters)
            : null;
}
