using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Veo.Client.Tests.Simulator;

/// <summary>Request bodies and images for the HighwayAPI endpoints.</summary>
internal static class SimulatorBodies
{
    public const string ImageUrl = "https://example.com/frame.png";

    public static readonly string PngBase64 = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

    public static readonly string JpegBase64 = Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46]);

    public static readonly string GifBase64 = Convert.ToBase64String("GIF89a\u0001\u0000\u0001\u0000"u8.ToArray());

    public static readonly string[] Endpoints =
    [
        "veo-3.1-generate-reference",
        "veo-3.1-fast-generate-reference",
        "veo-3.1-generate-img2video",
        "veo-3.1-fast-generate-img2video",
        "veo-3.1-lite-i2v",
        "veo-3.1-generate-firstlastframe",
        "veo-3.1-fast-generate-firstlastframe",
        "veo-3.1-lite-firstlastframe",
    ];

    public static TheoryData<string> AllEndpoints => new(Endpoints);

    /// <summary>Every required field of every endpoint.</summary>
    public static TheoryData<string, string> RequiredFields
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (string endpoint in Endpoints)
            {
                foreach (string field in Minimal(endpoint).Select(property => property.Key))
                {
                    data.Add(endpoint, field);
                }
            }

            return data;
        }
    }

    /// <summary>The smallest body the endpoint accepts: exactly its required fields.</summary>
    public static JsonObject Minimal(string endpoint, string prompt = "A cat surfing a wave")
    {
        var body = new JsonObject { ["prompt"] = prompt };
        if (endpoint.EndsWith("-reference", StringComparison.Ordinal))
        {
            body["reference_images"] = ReferenceImages(1);
        }
        else
        {
            body["image"] = ImageUrl;
        }

        if (endpoint == "veo-3.1-lite-firstlastframe")
        {
            body["last_frame_image"] = ImageUrl;
        }
        else if (endpoint.EndsWith("-firstlastframe", StringComparison.Ordinal))
        {
            body["last_image"] = ImageUrl;
        }

        return body;
    }

    public static JsonObject With(this JsonObject body, string field, JsonNode? value)
    {
        body[field] = value;
        return body;
    }

    public static JsonArray ReferenceImages(int count) =>
        new(Enumerable.Range(0, count).Select(_ => (JsonNode?)new JsonObject { ["image"] = ImageUrl, ["reference_type"] = "asset" }).ToArray());
}
