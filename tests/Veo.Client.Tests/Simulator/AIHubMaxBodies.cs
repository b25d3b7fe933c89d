using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Veo.Client.Tests.Simulator;

/// <summary>Request bodies for AIHubMax's Veo 3.1 models.</summary>
internal static class AIHubMaxBodies
{
    public static readonly string[] Models =
    [
        "veo-3.1-text-to-video",
        "veo-3.1-fast-text-to-video",
        "veo-3.1-lite-text-to-video",
        "veo-3.1-extend",
        "veo-3.1-extend-fast",
        "veo-3.1-reference-to-video",
        "veo-3.1-fast-reference-to-video",
        "veo-3.1-image-to-video",
        "veo-3.1-fast-image-to-video",
        "veo-3.1-lite-image-to-video",
        "veo-3.1-first-last-frame-to-video",
        "veo-3.1-fast-first-last-frame-to-video",
        "veo-3.1-lite-first-last-frame-to-video",
    ];

    public static TheoryData<string> AllModels => new(Models);

    /// <summary>Every required field of every model.</summary>
    public static TheoryData<string, string> RequiredFields => SimulatorBodies.EveryField(Models, model => Minimal(model));

    /// <summary>The smallest body the model accepts: exactly its required fields.</summary>
    public static JsonObject Minimal(string model, string prompt = "A cat surfing a wave")
    {
        var body = new JsonObject { ["model"] = model, ["prompt"] = prompt };
        if (model.StartsWith("veo-3.1-extend", StringComparison.Ordinal))
        {
            body["video_url"] = SimulatorBodies.VideoUrl;
        }
        else if (model.EndsWith("-reference-to-video", StringComparison.Ordinal))
        {
            body["reference_image_urls"] = ReferenceUrls(1);
        }
        else if (model.EndsWith("-first-last-frame-to-video", StringComparison.Ordinal))
        {
            body["first_image_url"] = SimulatorBodies.ImageUrl;
            body["last_image_url"] = SimulatorBodies.ImageUrl;
        }
        else if (model.EndsWith("-image-to-video", StringComparison.Ordinal))
        {
            body["image_url"] = SimulatorBodies.ImageUrl;
        }

        // Text-to-video takes the prompt alone.
        return body;
    }

    public static JsonArray ReferenceUrls(int count) =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode?)JsonValue.Create($"https://example.com/ref{i}.jpg")).ToArray());
}
