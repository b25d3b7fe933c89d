using System;
using System.Buffers.Text;
using System.Linq;
using System.Text.Json;

namespace Veo.Simulator.Validation;

/// <summary>What a media field holds: its noun in messages, the MIME types its bytes may sniff as, and a size limit if documented.</summary>
internal sealed record MediaKind(string Noun, string TypesText, string[] MimeTypes, long? MaxDecodedBytes)
{
    /// <summary>A JPEG or PNG of at most 20 MB.</summary>
    public static MediaKind Image { get; } = new("image", "JPEG or PNG", [MediaTypes.Jpeg, MediaTypes.Png], 20 * 1024 * 1024);

    /// <summary>An MP4 (ftyp box at offset 4); no provider documents a size limit for it.</summary>
    public static MediaKind Video { get; } = new("video", "MP4", [MediaTypes.Mp4], null);
}

/// <summary>
/// A media file given as a string: an http(s) URL and/or raw base64 of the <see cref="MediaKind"/>'s bytes, as the
/// provider accepts (HighwayAPI takes both, AIHubMax only URLs, Vtrix's inline objects only base64).
/// </summary>
internal sealed class MediaRule(MediaKind kind, bool acceptUrl, bool acceptBase64) : JsonRule
{
    private readonly string _expectation = (acceptUrl, acceptBase64) switch
    {
        (true, true) => $"an http(s) URL or base64-encoded {kind.Noun} data",
        (true, false) => "an http(s) URL",
        _ => $"base64-encoded {kind.Noun} data",
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

        if (decodedLength > kind.MaxDecodedBytes)
        {
            return Invalid(path, $"{kind.Noun} is larger than {kind.MaxDecodedBytes / (1024 * 1024)} MB");
        }

        return kind.MimeTypes.Contains(MediaTypes.Sniff(Convert.FromBase64String(text)))
            ? null
            : Invalid(path, $"{kind.Noun} must be {kind.TypesText}");
    }
}
