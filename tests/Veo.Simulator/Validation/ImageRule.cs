using System;
using System.Buffers.Text;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>
/// An image given as a string: an http(s) URL and/or raw base64 of a JPEG or PNG of at most 20 MB, as the provider
/// accepts (HighwayAPI takes both, AIHubMax only URLs, Vtrix's inline objects only base64).
/// </summary>
internal sealed class ImageRule(bool acceptUrl, bool acceptBase64) : JsonRule
{
    public const int MaxDecodedBytes = 20 * 1024 * 1024;

    private readonly string _expectation = (acceptUrl, acceptBase64) switch
    {
        (true, true) => "an http(s) URL or base64-encoded image data",
        (true, false) => "an http(s) URL",
        _ => "base64-encoded image data",
    };

    public override string? Check(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Invalid(path, $"must be a string holding {_expectation}");
        }

        string text = value.GetString()!;
        if (acceptUrl && MediaTypes.IsHttpUrl(text))
        {
            return null;
        }

        if (!acceptBase64)
        {
            return Invalid(path, $"must be {_expectation}");
        }

        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid(path, "must be raw base64 without a data: prefix");
        }

        if (text.Length == 0 || !Base64.IsValid(text, out int decodedLength))
        {
            return Invalid(path, $"must be {_expectation}");
        }

        if (decodedLength > MaxDecodedBytes)
        {
            return Invalid(path, "image is larger than 20 MB");
        }

        return MediaTypes.Sniff(Convert.FromBase64String(text)) is MediaTypes.Jpeg or MediaTypes.Png ? null : Invalid(path, "image must be JPEG or PNG");
    }
}
