using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Veo.Simulator.Validation;
using static Veo.Simulator.Validation.JsonRules;

namespace Veo.Simulator.AIHubMax;

/// <summary>
/// Request bodies of AIHubMax's per-mode Veo 3.1 models, per its OpenAPI-derived catalog (providers.md §2.2). Images
/// are public URLs only. Fields vary by tier: enhance_prompt, person_generation and reference_type are Standard only;
/// safety_tolerance is not on Lite; Lite has no 4k and, at 1080p, only 8 seconds. Reference mode is fixed at 8 s
/// and has no negative_prompt or seed. Extension (Standard and Fast) takes a video URL and neither resolution nor
/// duration.
/// </summary>
internal static class AIHubMaxSchemas
{
    private static readonly JsonField[] Common =
    [
        new("model", NonEmptyString, Required: true),
        new("prompt", NonEmptyString, Required: true),
        new("aspect_ratio", OneOf("16:9", "9:16")),
        new("generate_audio", Boolean),
        new("auto_fix", Boolean),
    ];

    private static readonly JsonField NegativePrompt = new("negative_prompt", AnyString);
    private static readonly JsonField Seed = new("seed", IntegerBetween(0, 4_294_967_295));
    private static readonly JsonField SafetyTolerance = new("safety_tolerance", IntegerBetween(1, 6));

    private static readonly JsonField[] FrameOptions = [new("duration", IntegerOneOf(4, 6, 8)), NegativePrompt, Seed];

    private static readonly JsonObjectSchema Extend = new(
    [
        .. Common,
        new JsonField("video_url", VideoUrl, Required: true),
        NegativePrompt,
        Seed,
        SafetyTolerance,
    ]);

    private enum Tier
    {
        Standard,
        Fast,
        Lite,
    }

    public static IReadOnlyDictionary<string, JsonObjectSchema> ByModel { get; } = new Dictionary<string, JsonObjectSchema>
    {
        ["veo-3.1-text-to-video"] = Frames(Tier.Standard),
        ["veo-3.1-fast-text-to-video"] = Frames(Tier.Fast),
        ["veo-3.1-lite-text-to-video"] = Frames(Tier.Lite),
        ["veo-3.1-extend"] = Extend,
        ["veo-3.1-extend-fast"] = Extend,
        ["veo-3.1-reference-to-video"] = Reference(Tier.Standard),
        ["veo-3.1-fast-reference-to-video"] = Reference(Tier.Fast),
        ["veo-3.1-image-to-video"] = Frames(Tier.Standard, "image_url"),
        ["veo-3.1-fast-image-to-video"] = Frames(Tier.Fast, "image_url"),
        ["veo-3.1-lite-image-to-video"] = Frames(Tier.Lite, "image_url"),
        ["veo-3.1-first-last-frame-to-video"] = Frames(Tier.Standard, "first_image_url", "last_image_url"),
        ["veo-3.1-fast-first-last-frame-to-video"] = Frames(Tier.Fast, "first_image_url", "last_image_url"),
        ["veo-3.1-lite-first-last-frame-to-video"] = Frames(Tier.Lite, "first_image_url", "last_image_url"),
    };

    private static JsonObjectSchema Reference(Tier tier) => Build(
        tier,
        [
            new JsonField("reference_image_urls", ArrayOf(ImageUrl, minItems: 1, maxItems: 3), Required: true) { InvalidCode = AIHubMaxErrors.InvalidImageUrl },
            new JsonField("duration", IntegerOneOf(8)),
            .. tier == Tier.Standard ? [new JsonField("reference_type", OneOf("ASSET", "STYLE"))] : Enumerable.Empty<JsonField>(),
        ]);

    /// <summary>Text-to-video without <paramref name="imageFields"/>, image or first/last frame to video with them.</summary>
    private static JsonObjectSchema Frames(Tier tier, params string[] imageFields) => Build(
        tier,
        imageFields.Select(name => new JsonField(name, ImageUrl, Required: true) { InvalidCode = AIHubMaxErrors.InvalidImageUrl }).Concat(FrameOptions));

    private static JsonObjectSchema Build(Tier tier, IEnumerable<JsonField> modeFields)
    {
        var fields = new List<JsonField>(Common) { new("resolution", tier == Tier.Lite ? OneOf("720p", "1080p") : OneOf("720p", "1080p", "4k")) };
        if (tier != Tier.Lite)
        {
            fields.Add(SafetyTolerance);
        }

        if (tier == Tier.Standard)
        {
            fields.Add(new JsonField("enhance_prompt", Boolean));
            fields.Add(new JsonField("person_generation", OneOf("dont_allow", "allow_adult")));
        }

        fields.AddRange(modeFields);
        return tier == Tier.Lite
            // 1080p is the default resolution, so a body without one is at 1080p too.
            ? new JsonObjectSchema(fields, CrossFieldRules.When(IsFullHd, "when resolution is 1080p (the default) on Lite", "duration", IntegerOneOf(8)))
            : new JsonObjectSchema(fields);
    }

    private static bool IsFullHd(JsonElement body) => !body.Has("resolution") || body.IsOneOf("resolution", "1080p");
}
