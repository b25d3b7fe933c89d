using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Veo.Client.Tests.Simulator;

/// <summary>Request bodies, images and videos for the HighwayAPI endpoints.</summary>
internal static class SimulatorBodies
{
    public const string ImageUrl = "https://example.com/frame.png";

    public const string VideoUrl = "https://example.com/clip.mp4";

    public static readonly string PngBase64 = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

    public static readonly string JpegBase64 = Convert.ToBase64String([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46]);

    public static readonly string GifBase64 = Convert.ToBase64String("GIF89a\u0001\u0000\u0001\u0000"u8.ToArray());

    /// <summary>The start of an MP4: a 16-byte ftyp box (its type at offset 4).</summary>
    public static readonly byte[] Mp4 = [0, 0, 0, 16, .. "ftypisom"u8.ToArray(), 0, 0, 2, 0];

    public static readonly string Mp4Base64 = Convert.ToBase64String(Mp4);

    public static readonly string[] Endpoints =
    [
        "veo-3.1-generate-text2video",
        "veo-3.1-fast-generate-text2video",
        "veo-3.1-lite-t2v",
        "veo-3.1-generate-extend",
        "veo-3.1-fast-generate-extend",
        "veo-3.1-lite-extend",
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

    /// <summary>Reference image counts and whether they are accepted: every provider takes one to three.</summary>
    public static TheoryData<int, bool> ReferenceCounts => new() { { 0, false }, { 3, true }, { 4, false } };

    /// <summary>Request bodies that are not a JSON object, which every provider refuses before looking further.</summary>
    public static TheoryData<string> NotJsonObjects => new(["{not json", "[1, 2]", string.Empty]);

    /// <summary>Every required field of every endpoint.</summary>
    public static TheoryData<string, string> RequiredFields => EveryField(Endpoints, endpoint => Minimal(endpoint));

    /// <summary>The smallest body the endpoint accepts: exactly its required fields.</summary>
    public static JsonObject Minimal(string endpoint, string prompt = "A cat surfing a wave")
    {
        var body = new JsonObject { ["prompt"] = prompt };
        if (endpoint.EndsWith("-text2video", StringComparison.Ordinal))
        {
            body["generate_audio"] = false;
        }
        else if (endpoint.EndsWith("-extend", StringComparison.Ordinal))
        {
            body["video"] = VideoUrl;
        }
        else if (endpoint.EndsWith("-reference", StringComparison.Ordinal))
        {
            body["reference_images"] = ReferenceImages(1);
        }
        else if (endpoint != "veo-3.1-lite-t2v")
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

    /// <summary>(name, field) for every field of each name's minimal body: with only required fields, every one of them.</summary>
    public static TheoryData<string, string> EveryField(IEnumerable<string> names, Func<string, JsonObject> minimal)
    {
        var data = new TheoryData<string, string>();
        foreach (string name in names)
        {
            foreach (string field in minimal(name).Select(property => property.Key))
            {
                data.Add(name, field);
            }
        }

        return data;
    }

    public static JsonObject With(this JsonObject body, string field, JsonNode? value)
    {
        body[field] = value;
        return body;
    }

    /// <summary>Sets every field of <paramref name="fieldsJson"/>, a JSON object, on the body.</summary>
    public static JsonObject WithAll(this JsonObject body, string fieldsJson)
    {
        foreach ((string field, JsonNode? value) in JsonNode.Parse(fieldsJson)!.AsObject())
        {
            body[field] = value?.DeepClone();
        }

        return body;
    }

    public static JsonArray ReferenceImages(int count) =>
        new(Enumerable.Range(0, count).Select(_ => (JsonNode?)new JsonObject { ["image"] = ImageUrl, ["reference_type"] = "asset" }).ToArray());
}
