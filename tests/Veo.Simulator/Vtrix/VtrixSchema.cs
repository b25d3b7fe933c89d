using System.Text.Json;
using Veo.Simulator.Validation;
using static Veo.Simulator.Validation.CrossFieldRules;
using static Veo.Simulator.Validation.JsonRules;

namespace Veo.Simulator.Vtrix;

/// <summary>
/// The veo_31_fast body (providers.md §3.2): the gateway's envelope <c>{"model", "input": [{"params": {…}}]}</c> (the
/// official CLI's Submit), and in <c>params</c> Google's camelCase Veo fields, images and the video to extend as Google's
/// inline {bytesBase64Encoded, mimeType} objects, with the combination rules Vtrix copied from Google (§4.2): params
/// without images or video are text-to-video; with a video they are an extension, alone, at 720p and 8 s.
/// </summary>
internal static class VtrixSchema
{
    public const string ModelId = "veo_31_fast";

    /// <summary>The gateway's envelope; <c>params</c> is checked on its own against <see cref="Params"/>, so problems name the model page's fields.</summary>
    public static JsonObjectSchema Envelope { get; } = new(
        [
            new JsonField("model", OneOf(ModelId), Required: true),
            new JsonField("input", ArrayOf(Object(new JsonObjectSchema([new JsonField("params", AnyObject, Required: true)])), minItems: 1, maxItems: 1), Required: true),
        ]);

    public static JsonObjectSchema Params { get; } = new(
        [
            new JsonField("prompt", NonEmptyString, Required: true),
            new JsonField("negativePrompt", AnyString),
            new JsonField("image", InlineImage),
            new JsonField("lastFrame", InlineImage),
            new JsonField("referenceImages", ArrayOf(
                Object(new JsonObjectSchema(
                [
                    new JsonField("image", InlineImage, Required: true),
                    new JsonField("referenceType", OneOf("asset"), Required: true),
                ])),
                minItems: 1,
                maxItems: 3)),
            new JsonField("video", InlineVideo),
            new JsonField("aspectRatio", OneOf("16:9", "9:16")),
            new JsonField("resolution", OneOf("720p", "1080p", "4k")),
            new JsonField("durationSeconds", IntegerOneOf(4, 6, 8)),
            new JsonField("personGeneration", OneOf("allow_all", "allow_adult")),
        ],
        // An extension takes no images; say so before what the images need among themselves.
        Excludes("video", "image", "lastFrame", "referenceImages"),
        Needs("lastFrame", "image"),
        Excludes("referenceImages", "image", "lastFrame"),
        When(IsExtension, "when video is given", "resolution", OneOf("720p")),
        When(IsExtension, "when video is given", "durationSeconds", IntegerOneOf(8)),
        When(body => body.Has("referenceImages"), "when referenceImages is given", "durationSeconds", IntegerOneOf(8)),
        When(body => body.IsOneOf("resolution", "1080p", "4k"), "when resolution is 1080p or 4k", "durationSeconds", IntegerOneOf(8)),
        When(HasImages, "with image, lastFrame or referenceImages", "personGeneration", OneOf("allow_adult")),
        When(body => !HasImages(body), "for text-to-video and extension", "personGeneration", OneOf("allow_all")));

    private static bool IsExtension(JsonElement body) => body.Has("video");

    private static bool HasImages(JsonElement body) => body.Has("image") || body.Has("lastFrame") || body.Has("referenceImages");
}
