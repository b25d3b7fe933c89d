using System.Collections.Generic;
using System.Linq;
using Veo.Simulator.Validation;
using static Veo.Simulator.Validation.JsonRules;

namespace Veo.Simulator.HighwayApi;

/// <summary>
/// Request bodies of the Veo 3.1 endpoints, per docs.jiekou.ai (providers.md §1.3). The endpoints differ in small,
/// deliberate ways: duration_seconds (standard/fast) vs duration (lite), last_image vs last_frame_image (lite),
/// dont_allow vs disallow (fast first/last frame), no enhance_prompt on lite i2v, no duration on reference.
/// </summary>
internal static class HighwayApiSchemas
{
    private static readonly JsonRule PersonGenerationBasic = OneOf("allow_adult", "dont_allow");
    private static readonly JsonRule PersonGenerationWithAll = OneOf("allow_adult", "dont_allow", "allow_all");
    private static readonly JsonRule Duration = IntegerOneOf(4, 6, 8);

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

    public static IReadOnlyDictionary<string, JsonObjectSchema> ByEndpoint { get; } = new Dictionary<string, JsonObjectSchema>
    {
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

    private static JsonObjectSchema WithCommon(params JsonField[] specific) => new(Common.Concat(specific));
}
