using System.Linq;
using System.Text.Json.Nodes;

namespace Veo.Client.Tests.Simulator;

/// <summary>Request bodies for Vtrix's veo_31_fast, one per flow: the model page's fields (params) in the gateway's envelope.</summary>
internal static class VtrixBodies
{
    public const string Model = "veo_31_fast";

    public static readonly string[] Flows = ["text", "image", "first-last", "reference", "extension"];

    public static TheoryData<string> AllFlows => new(Flows);

    /// <summary>The smallest body of the flow, in its envelope.</summary>
    public static JsonObject Minimal(string flow, string prompt = "A cat surfing a wave") => Envelope(Params(flow, prompt));

    /// <summary><c>{"model", "input": [{"params": …}]}</c>, as the official CLI sends it.</summary>
    public static JsonObject Envelope(JsonObject parameters) =>
        new() { ["model"] = Model, ["input"] = new JsonArray(new JsonObject { ["params"] = parameters }) };

    /// <summary>The smallest params of the flow; image and extension flows carry their media (which make them what they are).</summary>
    public static JsonObject Params(string flow, string prompt = "A cat surfing a wave")
    {
        var body = new JsonObject { ["prompt"] = prompt };
        switch (flow)
        {
            case "image":
                body["image"] = Png();
                break;
            case "first-last":
                body["image"] = Png();
                body["lastFrame"] = Jpeg();
                break;
            case "reference":
                body["referenceImages"] = ReferenceImages(1);
                break;
            case "extension":
                body["video"] = Mp4();
                break;
        }

        return body;
    }

    public static JsonObject Png() => Inline(SimulatorBodies.PngBase64, "image/png");

    public static JsonObject Jpeg() => Inline(SimulatorBodies.JpegBase64, "image/jpeg");

    public static JsonObject Mp4() => Inline(SimulatorBodies.Mp4Base64, "video/mp4");

    public static JsonObject Inline(string base64, string mimeType) => new() { ["bytesBase64Encoded"] = base64, ["mimeType"] = mimeType };

    public static JsonArray ReferenceImages(int count) =>
        new(Enumerable.Range(0, count).Select(_ => (JsonNode?)new JsonObject { ["image"] = Png(), ["referenceType"] = "asset" }).ToArray());
}
