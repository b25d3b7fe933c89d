using System.Collections.Generic;
using System.Linq;
using Veo.Simulator.Validation;
using static Veo.Simulator.Validation.JsonRules;

namespace Veo.Simulator.HighwayApi;

/// <summary>
/// Request bodies of the Veo 3.1 endpoints, per docs.jiekou.ai (providers.md §1.3). The endpoints differ in small,
/// deliberate ways: duration_seconds (standard/fast) vs duration (lite), last_image vs last_frame_image (lite),
/// dont_allow vs disallow (fast first/last frame), no enhance_prompt on lite i2v, no duration on reference or extend,
/// generate_audio required on standard/fast text-to-video only, a video URL or base64 MP4 on standard/fast extend but
/// only a URL on lite extend.
/// </summary>
internal static class HighwayApiSchemas
{
    private static readonly JsonRule PersonGenerationBasic = OneOf("allow_adult", "dont_allow");
    private static readonly JsonRule PersonGenerationWithAll = OneOf("allow_adult", "dont_allow", "allow_all");
    private static readonly JsonRule Duration = IntegerOneOf(4, 6, 8);

    /// <summary>Lite text-to-video's limit on prompt and negative_prompt, in characters.</summary>
    private const int LitePromptLength = 2048;

    private static readonly JsonRule ReferenceImages = ArrayOf(
        Object(new JsonObjectSchema(
        [
            new JsonField("image", Image, Required: true),
            new JsonField("reference_type", OneOf("asset"), Required: true),
        ])),
        minItems: 1,
        maxItems: 3);

    private static readonly JsonField[] Common =
    [
        new("prompt", NonEmptyString, Required: true),
        new("seed", IntegerBetween(0, 4_294_967_295)),
        new("resolution", OneOf("720p", "1080p")),
        new("aspect_ratio", OneOf("16:9", "9:16")),
        new("sample_count", IntegerBetween(1, 4)),
        new("generate_audio", Boolean),
        new("negative_prompt", AnyString),
    ];

    private static readonly JsonField EnhancePrompt = new("enhance_prompt", Boolean);
    private static readonly JsonField FirstImage = new("image", Image, Required: true);

    private static readonly JsonObjectSchema Reference = WithCommon(
        new JsonField("reference_images", ReferenceImages, Required: true),
        EnhancePrompt,
        new JsonField("person_generation", PersonGenerationBasic));

    private static readonly JsonObjectSchema ImageToVideo = new(
        Common.Concat(
        [
            FirstImage,
            new JsonField("last_image", Image),
            new JsonField("reference_images", ReferenceImages),
            new JsonField("duration_seconds", Duration),
            EnhancePrompt,
            new JsonField("person_generation", PersonGenerationWithAll),
        ]),
        // "When using reference_images, it can only be 8."
        CrossFieldRules.When(body => body.Has("reference_images"), "when reference_images is given", "duration_seconds", IntegerOneOf(8)));

    private static readonly JsonObjectSchema TextToVideo = WithCommon(
        // Required on the standard and fast text-to-video pages, and only there.
        new JsonField("generate_audio", Boolean, Required: true),
        new JsonField("duration_seconds", Duration),
        // "Only true is supported."
        new JsonField("enhance_prompt", True),
        new JsonField("person_generation", PersonGenerationWithAll));

    private static readonly JsonObjectSchema Extend = WithCommon(
        new JsonField("video", Video, Required: true),
        new JsonField("person_generation", PersonGenerationBasic));

    public static IReadOnlyDictionary<string, JsonObjectSchema> ByEndpoint { get; } = new Dictionary<string, JsonObjectSchema>
    {
        ["veo-3.1-generate-text2video"] = TextToVideo,
        ["veo-3.1-fast-generate-text2video"] = TextToVideo,
        // This path and the fast extend one are inferred from their pages' names (providers.md marks them [I]).
        ["veo-3.1-lite-t2v"] = WithCommon(
            new JsonField("prompt", NonEmptyStringUpTo(LitePromptLength), Required: true),
            new JsonField("negative_prompt", StringUpTo(LitePromptLength)),
            new JsonField("duration", Duration),
            EnhancePrompt,
            new JsonField("person_generation", PersonGenerationBasic)),
        ["veo-3.1-generate-extend"] = Extend,
        ["veo-3.1-fast-generate-extend"] = Extend,
        // "URL address of the input video": no base64 here.
        ["veo-3.1-lite-extend"] = WithCommon(
            new JsonField("video", VideoUrl, Required: true),
            EnhancePrompt,
            new JsonField("person_generation", PersonGenerationBasic)),
        ["veo-3.1-generate-reference"] = Reference,
        ["veo-3.1-fast-generate-reference"] = Reference,
        ["veo-3.1-generate-img2video"] = ImageToVideo,
        // Not documented separately; assumed to mirror the standard endpoint (providers.md marks its path [I]).
        ["veo-3.1-fast-generate-img2video"] = ImageToVideo,
        ["veo-3.1-lite-i2v"] = WithCommon(
            FirstImage,
            new JsonField("duration", Duration),
            new JsonField("person_generation", PersonGenerationBasic)),
        ["veo-3.1-generate-firstlastframe"] = FirstLastFrame(PersonGenerationWithAll),
        ["veo-3.1-fast-generate-firstlastframe"] = FirstLastFrame(OneOf("allow_adult", "disallow")),
        ["veo-3.1-lite-firstlastframe"] = WithCommon(
            FirstImage,
            new JsonField("last_frame_image", Image, Required: true),
            new JsonField("duration", Duration),
            EnhancePrompt,
            new JsonField("person_generation", PersonGenerationBasic)),
    };

    private static JsonObjectSchema FirstLastFrame(JsonRule personGeneration) => WithCommon(
        FirstImage,
        new JsonField("last_image", Image, Required: true),
        new JsonField("duration_seconds", Duration),
        EnhancePrompt,
        new JsonField("person_generation", personGeneration));

    /// <summary>The common fields and <paramref name="specific"/> ones, which replace common fields of the same name.</summary>
    private static JsonObjectSchema WithCommon(params JsonField[] specific) =>
        new(Common.Where(field => !specific.Any(other => other.Name == field.Name)).Concat(specific));
}
